import { useState, type FormEvent } from "react";
import { useI18n } from "../../../i18n/i18n";
import { PublicHeader } from "../../../ui/PublicHeader";
import type { PublicTenant } from "../../tenant/hooks/use-public-tenant";
import { useDeviceKey } from "../hooks/device-key";

/** Shown once per device (or after the key was rejected): enter the tenant API key. */
export function DeviceSetup({ tenant, rejected = false }: { tenant: PublicTenant; rejected?: boolean }) {
  const { t } = useI18n();
  const { save, forget, key } = useDeviceKey();
  const [value, setValue] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim()) save(value.trim());
  };
  return (
    <>
      <PublicHeader name={tenant.name} logoUrl={tenant.theme.logoUrl} />
      <main className="setup">
        <h1>{t.setupTitle}</h1>
        <p>{t.setupIntro(tenant.name)}</p>
        {rejected ? (
          <p className="alert alert--error" role="alert">
            {t.setupRejected}
          </p>
        ) : null}
        <form onSubmit={submit} className="setup__form">
          <label htmlFor="device-key">{t.setupKeyLabel}</label>
          <input id="device-key" autoComplete="off" spellCheck={false} value={value} onChange={(e) => setValue(e.target.value)} placeholder="qk_…" />
          <button type="submit" className="button button--primary" disabled={!value.trim()}>
            {t.setupSave}
          </button>
          {key ? (
            <button type="button" className="button button--quiet" onClick={forget}>
              {t.setupForget}
            </button>
          ) : null}
        </form>
      </main>
    </>
  );
}
