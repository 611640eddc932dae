import { useTranslation } from "react-i18next";
import { explainSettings, formatValue, type JsonObject } from "../settings-merge";

interface Props {
  tenantName: string;
  /** This tenant's own settings (or the draft being edited). */
  own: JsonObject;
  /** Own over inherited, as the API (or the draft preview) computes it. */
  effective: JsonObject;
  /** Root first. */
  ancestors: readonly { id: string; name: string; settings: JsonObject }[];
}

/** Own settings beside effective ones, and for every effective value the tenant it comes from. */
export function SettingsInheritanceView({ tenantName, own, effective, ancestors }: Props) {
  const { t } = useTranslation();
  const rows = explainSettings(own, effective, ancestors);
  return (
    <div className="inheritance">
      <div className="inheritance__columns">
        <figure className="json-panel">
          <figcaption>{t("settings.inheritance.own", { name: tenantName })}</figcaption>
          <pre aria-label={t("settings.inheritance.ownJson")}>{JSON.stringify(own, null, 2)}</pre>
        </figure>
        <figure className="json-panel json-panel--effective">
          <figcaption>{t("settings.inheritance.effective")}</figcaption>
          <pre aria-label={t("settings.inheritance.effectiveJson")}>{JSON.stringify(effective, null, 2)}</pre>
        </figure>
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t("settings.inheritance.none")}</p>
      ) : (
        <table className="table inheritance__table">
          <caption className="visually-hidden">{t("settings.inheritance.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("settings.inheritance.setting")}</th>
              <th scope="col">{t("settings.inheritance.value")}</th>
              <th scope="col">{t("settings.inheritance.comesFrom")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.path} data-source={row.source.kind}>
                <th scope="row">
                  <code>{row.path}</code>
                </th>
                <td>
                  <code>{formatValue(row.value)}</code>
                </td>
                <td>
                  {row.source.kind === "own" && (
                    <>
                      <span className="badge badge--own">{t("settings.inheritance.setHere")}</span>
                      {row.source.overrides && <span className="muted">{t("settings.inheritance.overrides", { name: row.source.overrides })}</span>}
                    </>
                  )}
                  {row.source.kind === "inherited" && <span className="badge badge--inherited">{t("settings.inheritance.inheritedFrom", { name: row.source.from })}</span>}
                  {row.source.kind === "unknown" && <span className="muted">{t("settings.inheritance.default")}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
