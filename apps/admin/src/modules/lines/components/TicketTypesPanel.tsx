import { useState, type FormEvent } from "react";
import type { CreateTicketTypeInput } from "../../../gql/graphql";
import type { Problem } from "../../../lib/errors";
import { Button } from "../../../ui/Button";
import { TextField } from "../../../ui/Field";
import { InlineRename } from "../../../ui/InlineRename";
import { Alert } from "../../../ui/states";
import type { TicketTypeItem } from "../hooks/use-lines";

interface Props {
  tenantId: string;
  ticketTypes: readonly TicketTypeItem[];
  canManage: boolean;
  busy: boolean;
  onCreate: (input: CreateTicketTypeInput) => Promise<Problem | null>;
  onRename?: (id: string, name: string) => Promise<Problem | null>;
  /** archive true: archive; false: restore. */
  onArchive?: (id: string, archive: boolean) => Promise<void>;
}

export function TicketTypesPanel({ tenantId, ticketTypes: all, canManage, busy, onCreate, onRename, onArchive }: Props) {
  const ticketTypes = all.filter((t) => !t.archivedAt);
  const archived = all.filter((t) => t.archivedAt);
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [minutes, setMinutes] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const e: Record<string, string> = {};
    if (!/^[A-Za-z0-9_-]{1,16}$/.test(code)) e.code = "1-16 letters, digits, _ or -";
    if (!name.trim()) e.name = "Enter a name";
    if (minutes.trim() && !(Number(minutes) > 0 && Number(minutes) <= 1440)) e.defaultServiceSeconds = "Minutes from 1 to 1440";
    setErrors(e);
    if (Object.keys(e).length) return;
    const input: CreateTicketTypeInput = { tenantId, code, name: name.trim() };
    if (minutes.trim()) input.defaultServiceSeconds = Math.round(Number(minutes) * 60);
    const result = await onCreate(input);
    setProblem(result);
    if (!result) {
      setCode("");
      setName("");
      setMinutes("");
    }
  };

  return (
    <div className="card">
      <h2 className="card__title">Ticket types</h2>
      <p className="muted">What customers choose at the kiosk. Each line accepts all of them or a chosen few.</p>
      {ticketTypes.length === 0 ? (
        <p className="muted">No ticket types yet.</p>
      ) : (
        <ul className="chips chips--large">
          {ticketTypes.map((t) => (
            <li key={t.id} className="chip">
              <strong>{t.code}</strong> {t.name}
              {t.defaultServiceSeconds ? <span className="muted"> · ~{Math.round(t.defaultServiceSeconds / 60)} min</span> : null}
              {t.tenantId !== undefined && t.tenantId !== tenantId && <span className="muted"> · from the chain (Chain templates)</span>}
              {canManage && onRename && t.tenantId === tenantId && <InlineRename label={`ticket type ${t.code}`} name={t.name} onRename={(name) => onRename(t.id, name)} />}
              {canManage && onArchive && t.tenantId === tenantId && (
                <Button size="sm" variant="ghost" onClick={() => void onArchive(t.id, true)}>
                  Archive<span className="visually-hidden"> ticket type {t.code}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && onArchive && archived.length > 0 && (
        <details className="archived-section">
          <summary>Archived ticket types ({archived.length})</summary>
          <p className="muted">Not offered for new tickets; old tickets keep them.</p>
          <ul className="archived-list">
            {archived.map((t) => (
              <li key={t.id}>
                <strong>{t.code}</strong> {t.name}
                <Button size="sm" onClick={() => void onArchive(t.id, false)}>
                  Restore<span className="visually-hidden"> ticket type {t.code}</span>
                </Button>
              </li>
            ))}
          </ul>
        </details>
      )}
      {canManage && (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Add a ticket type">
          {problem && !problem.fields.code && !problem.fields.name && <Alert>{problem.message}</Alert>}
          <div className="form__row form__row--4">
            <TextField label="Code" value={code} onChange={(v) => setCode(v.toUpperCase())} error={errors.code ?? problem?.fields.code} placeholder="DEP" />
            <TextField label="Name" value={name} onChange={setName} error={errors.name ?? problem?.fields.name} placeholder="Deposits" />
            <TextField
              label="Typical service (min)"
              inputMode="decimal"
              value={minutes}
              onChange={setMinutes}
              error={errors.defaultServiceSeconds ?? problem?.fields.defaultServiceSeconds}
            />
            <Button type="submit" busy={busy} className="form__row-button">
              Add type
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
