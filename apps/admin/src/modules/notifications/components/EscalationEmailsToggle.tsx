import { useState } from "react";
import { Button } from "../../../ui/Button";
import { Alert } from "../../../ui/states";
import { useEscalationEmails } from "../hooks/use-escalation-emails";

/**
 * MANAGER+: "Email me when a ticket waits too long" (TTL escalation). The API answers with the new state; until
 * the first answer the page does not claim to know it, so it offers both choices.
 */
export function EscalationEmailsToggle({ tenantId }: { tenantId: string }) {
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
      <h2 className="card__title">Email me when a ticket waits too long</h2>
      <p className="muted">When a ticket passes its line’s warning time, managers who opted in get an email.</p>
      {problem && <Alert>{problem}</Alert>}
      {enabled !== null && (
        <Alert tone="success">{enabled ? "On: you get an email when a ticket in this tenant waits too long." : "Off: you get no waiting-too-long emails."}</Alert>
      )}
      <div className="form__actions">
        <Button variant={enabled === true ? "secondary" : "primary"} busy={saving} disabled={enabled === true} onClick={() => void choose(true)} data-testid="escalation-emails-on">
          Email me
        </Button>
        <Button variant="ghost" busy={saving} disabled={enabled === false} onClick={() => void choose(false)} data-testid="escalation-emails-off">
          Stop emailing me
        </Button>
      </div>
    </div>
  );
}
