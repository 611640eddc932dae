import { useState } from "react";
import { roleLabels } from "../../../lib/permissions";
import { Button } from "../../../ui/Button";
import { Alert } from "../../../ui/states";
import { useInvitations } from "../hooks/use-members";
import { useTranslation } from "react-i18next";

/** Invitations not accepted yet: who, as what, until when; resend (a new link) and revoke for members:manage. */
export function PendingInvitations({ tenantId, canManage }: { tenantId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const { invitations, resend, revoke } = useInvitations(tenantId);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  if (!invitations || invitations.length === 0) return null;
  return (
    <div className="card card--flush">
      <h2 className="card__title">{t("members.pendingInvitations")}</h2>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <table className="table" aria-label={t("members.pendingInvitations")}>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((i) => (
            <tr key={i.id}>
              <th scope="row">{i.email}</th>
              <td>{roleLabels[i.role]}</td>
              <td>{i.status === "EXPIRED" ? "Expired" : `Sent, works until ${new Date(i.expiresAt).toLocaleDateString()}`}</td>
              <td className="table__actions">
                {canManage && (
                  <>
                    <Button
                      size="sm"
                      aria-label={`Resend the invitation to ${i.email}`}
                      onClick={async () => {
                        const result = await resend(i.id);
                        setNotice(result.ok ? { tone: "success", text: `Sent a new link to ${i.email}; the previous one no longer works.` } : { tone: "error", text: result.problem.message });
                      }}
                    >
                      Resend
                    </Button>{" "}
                    <Button
                      size="sm"
                      variant="danger"
                      aria-label={`Revoke the invitation to ${i.email}`}
                      onClick={async () => {
                        const result = await revoke(i.id);
                        setNotice(result.ok ? { tone: "success", text: `The invitation to ${i.email} is withdrawn.` } : { tone: "error", text: result.problem.message });
                      }}
                    >
                      Revoke
                    </Button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
