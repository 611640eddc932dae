import { useState, type FormEvent } from "react";
import type { CreateTicketTypeInput } from "../../../gql/graphql";
import type { Problem } from "../../../lib/errors";
import { Button } from "../../../ui/Button";
import { TextField } from "../../../ui/Field";
import { InlineRename } from "../../../ui/InlineRename";
import { Alert } from "../../../ui/states";
import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation();
  const ticketTypes = all.filter((type) => !type.archivedAt);
  const archived = all.filter((type) => type.archivedAt);
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [minutes, setMinutes] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const e: Record<string, string> = {};
    if (!/^[A-Za-z0-9_-]{1,16}$/.test(code)) e.code = t("lines.errors.typeCode");
    if (!name.trim()) e.name = t("lines.errors.enterName");
    if (minutes.trim() && !(Number(minutes) > 0 && Number(minutes) <= 1440)) e.defaultServiceSeconds = t("lines.errors.serviceMinutes");
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
      <h2 className="card__title">{t("lines.types.title")}</h2>
      <p className="muted">{t("lines.types.body")}</p>
      {ticketTypes.length === 0 ? (
        <p className="muted">{t("lines.types.none")}</p>
      ) : (
        <ul className="chips chips--large">
          {ticketTypes.map((type) => (
            <li key={type.id} className="chip">
              <strong>{type.code}</strong> {type.name}
              {type.defaultServiceSeconds ? <span className="muted">{t("lines.types.minutes", { minutes: Math.round(type.defaultServiceSeconds / 60) })}</span> : null}
              {type.tenantId !== undefined && type.tenantId !== tenantId && <span className="muted">{t("lines.types.fromChain")}</span>}
              {canManage && onRename && type.tenantId === tenantId && <InlineRename label={t("lines.types.renameLabel", { code: type.code })} name={type.name} onRename={(name) => onRename(type.id, name)} />}
              {canManage && onArchive && type.tenantId === tenantId && (
                <Button size="sm" variant="ghost" onClick={() => void onArchive(type.id, true)}>
                  {t("lines.types.archive")}
                  <span className="visually-hidden">{t("lines.types.hidden", { code: type.code })}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && onArchive && archived.length > 0 && (
        <details className="archived-section">
          <summary>{t("lines.types.archivedTitle", { count: archived.length })}</summary>
          <p className="muted">{t("lines.types.archivedBody")}</p>
          <ul className="archived-list">
            {archived.map((type) => (
              <li key={type.id}>
                <strong>{type.code}</strong> {type.name}
                <Button size="sm" onClick={() => void onArchive(type.id, false)}>
                  {t("lines.types.restore")}
                  <span className="visually-hidden">{t("lines.types.hidden", { code: type.code })}</span>
                </Button>
              </li>
            ))}
          </ul>
        </details>
      )}
      {canManage && (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t("lines.types.addForm")}>
          {problem && !problem.fields.code && !problem.fields.name && <Alert>{problem.message}</Alert>}
          <div className="form__row form__row--4">
            <TextField label={t("lines.types.code")} value={code} onChange={(v) => setCode(v.toUpperCase())} error={errors.code ?? problem?.fields.code} placeholder={t("lines.types.codePlaceholder")} />
            <TextField label={t("lines.types.name")} value={name} onChange={setName} error={errors.name ?? problem?.fields.name} placeholder={t("lines.types.namePlaceholder")} />
            <TextField
              label={t("lines.types.serviceMinutes")}
              inputMode="decimal"
              value={minutes}
              onChange={setMinutes}
              error={errors.defaultServiceSeconds ?? problem?.fields.defaultServiceSeconds}
            />
            <Button type="submit" busy={busy} className="form__row-button">
              {t("lines.types.add")}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
