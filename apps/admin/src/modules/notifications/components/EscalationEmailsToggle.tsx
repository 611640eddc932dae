import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../ui/Button";
import { Alert } from "../../../ui/states";
import { useEscalationEmails } from "../hooks/use-escalation-emails";

/**
 * MANAGER+: "Email me when a ticket waits too long" (TTL escalation). The API answers with the new state; until
 * the first answer the page does not claim to know it, so it offers both choices.
 */
export function EscalationEmailsToggle({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation();
  const { set, saving } = useEscalationEmails(tenantId);
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const choose = async (next: boolean) => {
    const result = await set(next);
    if (result.ok) {
      setEnabled(result.value);
      setProblem(null);
    } else setProblem(result.problem.message);
  };
  return (
    <div className="card" data-testid="escalation-emails">
      <h2 className="card__title">{t("notifications.escalation.title")}</h2>
      <p className="muted">{t("notifications.escalation.body")}</p>
      {problem && <Alert>{problem}</Alert>}
      {enabled !== null && (
        <Alert tone="success">{enabled ? t("notifications.escalation.on") : t("notifications.escalation.off")}</Alert>
      )}
      <div className="form__actions">
        <Button variant={enabled === true ? "secondary" : "primary"} busy={saving} disabled={enabled === true} onClick={() => void choose(true)} data-testid="escalation-emails-on">
          {t("notifications.escalation.emailMe")}
        </Button>
        <Button variant="ghost" busy={saving} disabled={enabled === false} onClick={() => void choose(false)} data-testid="escalation-emails-off">
          {t("notifications.escalation.stop")}
        </Button>
      </div>
    </div>
  );
}
