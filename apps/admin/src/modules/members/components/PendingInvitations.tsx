import { useState } from "react";
import { Button } from "../../../ui/Button";
import { Alert } from "../../../ui/states";
import { useInvitations } from "../hooks/use-members";
import { useTranslation } from "react-i18next";

/** Invitations not accepted yet: who, as what, until when; resend (a new link) and revoke for members:manage. */
export function PendingInvitations({ tenantId, canManage }: { tenantId: string; canManage: boolean }) {
  const { t, i18n } = useTranslation();
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
            <th scope="col">{t("members.email")}</th>
            <th scope="col">{t("members.role")}</th>
            <th scope="col">{t("members.status")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("members.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((i) => (
            <tr key={i.id}>
              <th scope="row">{i.email}</th>
              <td>{t(`roles.${i.role}`)}</td>
              <td>{i.status === "EXPIRED" ? t("members.expired") : t("members.sentUntil", { date: new Date(i.expiresAt).toLocaleDateString(i18n.language) })}</td>
              <td className="table__actions">
                {canManage && (
                  <>
                    <Button
                      size="sm"
                      aria-label={t("members.resendLabel", { email: i.email })}
                      onClick={async () => {
                        const result = await resend(i.id);
                        setNotice(result.ok ? { tone: "success", text: t("members.resent", { email: i.email }) } : { tone: "error", text: result.problem.message });
                      }}
                    >
                      {t("members.resend")}
                    </Button>{" "}
                    <Button
                      size="sm"
                      variant="danger"
                      aria-label={t("members.revokeLabel", { email: i.email })}
                      onClick={async () => {
                        const result = await revoke(i.id);
                        setNotice(result.ok ? { tone: "success", text: t("members.revoked", { email: i.email }) } : { tone: "error", text: result.problem.message });
                      }}
                    >
                      {t("members.revoke")}
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
