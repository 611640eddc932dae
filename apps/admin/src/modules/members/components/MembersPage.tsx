import { useState } from "react";
import type { MemberRole } from "../../../gql/graphql";
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
      {loading && <Loading label={t("members.loading")} />}
      {Boolean(error) && !members && <ErrorState error={error} onRetry={refetch} />}
      {members && members.length === 0 && <EmptyState title={t("members.noneTitle")}>{t("members.noneBody")}</EmptyState>}
      {members && members.length > 0 && (
        <div className="card card--flush">
          <p className="muted" data-testid="member-count">
            {t("members.count", { count: members.length })}
          </p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("members.name")}</th>
                <th scope="col">{t("members.email")}</th>
                <th scope="col">{t("members.role")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("members.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.userId}>
                  <th scope="row">
                    {m.name}
                    {m.userId === user.id && <span className="muted">{t("members.you")}</span>}
                  </th>
                  <td>{m.email}</td>
                  <td>
                    {canManageMember(m.role) ? (
                      <select
                        className="input input--compact"
                        aria-label={t("members.roleOf", { name: m.name })}
                        value={m.role}
                        onChange={async (e) => {
                          setRowProblem(null);
                          const result = await changeRole(m.userId, e.target.value as MemberRole);
                          if (!result.ok) setRowProblem(`${m.name}: ${result.problem.message}`);
                        }}
                      >
                        {grantable.map((r) => (
                          <option key={r} value={r}>
                            {t(`roles.${r}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <span className={`badge badge--role-${m.role.toLowerCase()}`}>{t(`roles.${m.role}`)}</span>
                    )}
                  </td>
                  <td className="table__actions">
                    {canManageMember(m.role) && (
                      <Button size="sm" variant="danger" onClick={() => setRemoving({ userId: m.userId, name: m.name })}>
                        {t("members.remove")}
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
          title={t("members.removeTitle", { name: removing_.name })}
          onClose={() => setRemoving(null)}
          footer={
            <>
              <Button onClick={() => setRemoving(null)}>{t("members.cancel")}</Button>
              <Button
                variant="danger"
                busy={removing}
                onClick={async () => {
                  const result = await remove(removing_.userId);
                  setRowProblem(result.ok ? null : `${removing_.name}: ${result.problem.message}`);
                  setRemoving(null);
                }}
              >
                {t("members.removeConfirm")}
              </Button>
            </>
          }
        >
          <p>
            {t("members.removeBody", { name: removing_.name, tenant: tenant.name })}
          </p>
        </Dialog>
      )}
    </section>
  );
}
