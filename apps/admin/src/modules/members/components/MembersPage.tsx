import { useState } from "react";
import type { MemberRole } from "../../../gql/graphql";
import { roleLabels } from "../../../lib/permissions";
import { Button } from "../../../ui/Button";
import { Dialog } from "../../../ui/Dialog";
import { PageHeader } from "../../../ui/PageHeader";
import { Alert, EmptyState, ErrorState, Loading } from "../../../ui/states";
import { useSession } from "../../auth/hooks/use-session";
import { useCurrentTenant } from "../../tenants/hooks/use-current-tenant";
import { useMembers } from "../hooks/use-members";
import { InviteMemberForm } from "./InviteMemberForm";
import { PendingInvitations } from "./PendingInvitations";
import { useTranslation } from "react-i18next";

export function MembersPage() {
  const { t } = useTranslation();
  const { tenant, viewer, can } = useCurrentTenant();
  const { user } = useSession();
  const { members, loading, error, refetch, invite, inviting, changeRole, remove, removing } = useMembers(tenant.id);
  const [rowProblem, setRowProblem] = useState<string | null>(null);
  const [removing_, setRemoving] = useState<{ userId: string; name: string } | null>(null);
  const manage = can("members:manage");
  const grantable = viewer.grantableRoles;
  /** A member can change only people whose role is no stronger than their own. */
  const canManageMember = (memberRole: MemberRole) => manage && grantable.includes(memberRole);

  return (
    <section>
      <PageHeader title={t("members.title")} description={t("members.description", { name: tenant.name })} />
      {manage && (
        <div className="card">
          <InviteMemberForm
            roles={grantable}
            busy={inviting}
            onInvite={async (email, r) => {
              const result = await invite(email, r);
              return result.ok ? null : result.problem;
            }}
          />
        </div>
      )}
      <PendingInvitations tenantId={tenant.id} canManage={manage} />
      {rowProblem && <Alert>{rowProblem}</Alert>}
      {loading && <Loading label="Loading members…" />}
      {Boolean(error) && !members && <ErrorState error={error} onRetry={refetch} />}
      {members && members.length === 0 && <EmptyState title="No members hold a role directly here">People with a role on a parent tenant still have access.</EmptyState>}
      {members && members.length > 0 && (
        <div className="card card--flush">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.userId}>
                  <th scope="row">
                    {m.name}
                    {m.userId === user.id && <span className="muted"> (you)</span>}
                  </th>
                  <td>{m.email}</td>
                  <td>
                    {canManageMember(m.role) ? (
                      <select
                        className="input input--compact"
                        aria-label={`Role of ${m.name}`}
                        value={m.role}
                        onChange={async (e) => {
                          setRowProblem(null);
                          const result = await changeRole(m.userId, e.target.value as MemberRole);
                          if (!result.ok) setRowProblem(`${m.name}: ${result.problem.message}`);
                        }}
                      >
                        {grantable.map((r) => (
                          <option key={r} value={r}>
                            {roleLabels[r]}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <span className={`badge badge--role-${m.role.toLowerCase()}`}>{roleLabels[m.role]}</span>
                    )}
                  </td>
                  <td className="table__actions">
                    {canManageMember(m.role) && (
                      <Button size="sm" variant="danger" onClick={() => setRemoving({ userId: m.userId, name: m.name })}>
                        Remove
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {removing_ && (
        <Dialog
          title={`Remove ${removing_.name}?`}
          onClose={() => setRemoving(null)}
          footer={
            <>
              <Button onClick={() => setRemoving(null)}>Cancel</Button>
              <Button
                variant="danger"
                busy={removing}
                onClick={async () => {
                  const result = await remove(removing_.userId);
                  setRowProblem(result.ok ? null : `${removing_.name}: ${result.problem.message}`);
                  setRemoving(null);
                }}
              >
                Remove member
              </Button>
            </>
          }
        >
          <p>
            {removing_.name} loses their role on {tenant.name} and its subtenants. Roles they hold elsewhere stay.
          </p>
        </Dialog>
      )}
    </section>
  );
}
