import { useMutation, useQuery } from "@apollo/client/react";
import type { MemberRole } from "../../../gql/graphql";
import { attempt } from "../../../lib/errors";
import { AddMemberMutation } from "../graphql/add-member.mutation";
import { MembersQuery } from "../graphql/members.query";
import { RemoveMemberMutation } from "../graphql/remove-member.mutation";
import { UpdateMemberRoleMutation } from "../graphql/update-member-role.mutation";

export function useMembers(tenantId: string, options: { skip?: boolean } = {}) {
  const { data, loading, error, refetch } = useQuery(MembersQuery, { variables: { tenantId }, skip: options.skip ?? false });
  const [addMutation, addState] = useMutation(AddMemberMutation);
  const [roleMutation] = useMutation(UpdateMemberRoleMutation);
  const [removeMutation, removeState] = useMutation(RemoveMemberMutation);

  return {
    members: data?.tenant?.members ?? null,
    loading: loading && !data,
    error,
    refetch: () => void refetch(),
    add: (email: string, role: MemberRole) =>
      attempt(async () => {
        await addMutation({ variables: { tenantId, email: email.trim(), role } });
        await refetch();
      }),
    adding: addState.loading,
    changeRole: (userId: string, role: MemberRole) => attempt(() => roleMutation({ variables: { tenantId, userId, role } })),
    remove: (userId: string) =>
      attempt(async () => {
        await removeMutation({ variables: { tenantId, userId } });
        await refetch();
      }),
    removing: removeState.loading,
  };
}
