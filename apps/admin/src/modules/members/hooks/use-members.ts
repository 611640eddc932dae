import { useMutation, useQuery } from "@apollo/client/react";
import type { MemberRole } from "../../../gql/graphql";
import { attempt } from "../../../lib/errors";
import { InvitationsQuery } from "../graphql/invitations.query";
import { InviteMemberMutation } from "../graphql/invite-member.mutation";
import { ResendInvitationMutation } from "../graphql/resend-invitation.mutation";
import { RevokeInvitationMutation } from "../graphql/revoke-invitation.mutation";
import { MembersQuery } from "../graphql/members.query";
import { RemoveMemberMutation } from "../graphql/remove-member.mutation";
import { UpdateMemberRoleMutation } from "../graphql/update-member-role.mutation";

export function useMembers(tenantId: string, options: { skip?: boolean } = {}) {
  const { data, loading, error, refetch } = useQuery(MembersQuery, { variables: { tenantId }, skip: options.skip ?? false });
  const [inviteMutation, inviteState] = useMutation(InviteMemberMutation);
  const [roleMutation] = useMutation(UpdateMemberRoleMutation);
  const [removeMutation, removeState] = useMutation(RemoveMemberMutation);

  return {
    members: data?.tenant?.members ?? null,
    loading: loading && !data,
    error,
    refetch: () => void refetch(),
    invite: (email: string, role: MemberRole) => attempt(() => inviteMutation({ variables: { tenantId, email: email.trim(), role }, refetchQueries: [InvitationsQuery] })),
    inviting: inviteState.loading,
    changeRole: (userId: string, role: MemberRole) => attempt(() => roleMutation({ variables: { tenantId, userId, role } })),
    remove: (userId: string) =>
      attempt(async () => {
        await removeMutation({ variables: { tenantId, userId } });
        await refetch();
      }),
    removing: removeState.loading,
  };
}

/** Open invitations (pending or expired) of a tenant, with resend and revoke. */
export function useInvitations(tenantId: string, options: { skip?: boolean } = {}) {
  const { data, error, refetch } = useQuery(InvitationsQuery, { variables: { tenantId }, skip: options.skip ?? false });
  const [resendMutation] = useMutation(ResendInvitationMutation);
  const [revokeMutation] = useMutation(RevokeInvitationMutation);
  return {
    invitations: data?.tenant?.invitations ?? null,
    error,
    resend: (id: string) => attempt(() => resendMutation({ variables: { tenantId, id } })),
    revoke: (id: string) =>
      attempt(async () => {
        await revokeMutation({ variables: { tenantId, id } });
        await refetch();
      }),
  };
}
