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
  const rows = explainSettings(own, effective, ancestors);
  return (
    <div className="inheritance">
      <div className="inheritance__columns">
        <figure className="json-panel">
          <figcaption>Own settings ({tenantName})</figcaption>
          <pre aria-label="Own settings JSON">{JSON.stringify(own, null, 2)}</pre>
        </figure>
        <figure className="json-panel json-panel--effective">
          <figcaption>Effective settings</figcaption>
          <pre aria-label="Effective settings JSON">{JSON.stringify(effective, null, 2)}</pre>
        </figure>
      </div>
      {rows.length === 0 ? (
        <p className="muted">No settings here or above: everything uses qline's defaults.</p>
      ) : (
        <table className="table inheritance__table">
          <caption className="visually-hidden">Where each effective setting comes from</caption>
          <thead>
            <tr>
              <th scope="col">Setting</th>
              <th scope="col">Effective value</th>
              <th scope="col">Comes from</th>
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
                      <span className="badge badge--own">Set here</span>
                      {row.source.overrides && <span className="muted"> overrides {row.source.overrides}</span>}
                    </>
                  )}
                  {row.source.kind === "inherited" && <span className="badge badge--inherited">Inherited from {row.source.from}</span>}
                  {row.source.kind === "unknown" && <span className="muted">Default</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
