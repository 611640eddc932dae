import { useState } from "react";
import type { DeviceFieldsFragment } from "../../../gql/graphql";
import { formatDateTime } from "../../../lib/format";
import { Button } from "../../../ui/Button";
import { Dialog } from "../../../ui/Dialog";
import { PageHeader } from "../../../ui/PageHeader";
import { Alert, EmptyState, ErrorState, Loading } from "../../../ui/states";
import { useCurrentTenant } from "../../tenants/hooks/use-current-tenant";
import { useDevices, type PairingLink } from "../hooks/use-devices";
import { DeviceDialog } from "./DeviceDialog";
import { PairingLinkDialog } from "./PairingLinkDialog";
import { useTranslation } from "react-i18next";

const kindLabel = { KIOSK: "Kiosk", DISPLAY: "Display" } as const;

function status(device: DeviceFieldsFragment) {
  if (device.revokedAt) return <span className="badge badge--danger">Revoked {formatDateTime(device.revokedAt)}</span>;
  if (device.pairedAt) return <span className="badge badge--own">Paired</span>;
  if (device.pairingExpiresAt && Date.parse(device.pairingExpiresAt) > Date.now()) return <span className="badge">Waiting for pairing</span>;
  return <span className="badge">Not paired</span>;
}

/**
 * Kiosks and displays: each is added here, paired by opening its one-time link (or QR code) on the device, and
 * revoked here — its screen then says it is not paired. Each runs on a key of its own with its kind's scopes.
 */
export function DevicesPage() {
  const { t } = useTranslation();
  const { tenant, can } = useCurrentTenant();
  const devices = useDevices(tenant.id);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<DeviceFieldsFragment | null>(null);
  const [link, setLink] = useState<PairingLink | null>(null);
  const [revokeTarget, setRevokeTarget] = useState<DeviceFieldsFragment | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const manage = can("apikeys:manage");
  const lineNames = new Map(devices.lines.map((l) => [l.id, l.name]));

  return (
    <section>
      <PageHeader
        title={t("devices.title")}
        description={t("devices.description")}
        actions={
          manage && (
            <Button variant="primary" onClick={() => setAdding(true)}>
              Add device
            </Button>
          )
        }
      />
      {problem && <Alert>{problem}</Alert>}
      {devices.loading && <Loading label="Loading devices…" />}
      {Boolean(devices.error) && !devices.devices && <ErrorState error={devices.error} onRetry={devices.refetch} />}
      {devices.devices && devices.devices.length === 0 && <EmptyState title="No devices yet">Add a kiosk for customers to take tickets, or a display for the waiting room.</EmptyState>}
      {devices.devices && devices.devices.length > 0 && (
        <div className="card card--flush">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Lines</th>
                <th scope="col">Last seen</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {devices.devices.map((device) => (
                <tr key={device.id} className={device.revokedAt ? "row--muted" : undefined} data-testid={`device-${device.id}`}>
                  <th scope="row">{device.name}</th>
                  <td>{kindLabel[device.kind]}</td>
                  <td>{device.lineIds.length === 0 ? <span className="muted">All lines</span> : device.lineIds.map((id) => lineNames.get(id) ?? "—").join(", ")}</td>
                  <td className="nowrap">{device.lastSeenAt ? formatDateTime(device.lastSeenAt) : <span className="muted">Never</span>}</td>
                  <td>{status(device)}</td>
                  <td className="table__actions">
                    {manage && !device.revokedAt && (
                      <div className="device-actions">
                        <Button size="sm" onClick={() => setEditing(device)} aria-label={`Edit ${device.name}`}>
                          Edit
                        </Button>
                        <Button
                          size="sm"
                          busy={devices.renewing}
                          aria-label={`New pairing link for ${device.name}`}
                          onClick={async () => {
                            const result = await devices.renew(device.id);
                            if (result.ok) setLink(result.value);
                            else setProblem(result.problem.message);
                          }}
                        >
                          New pairing link
                        </Button>
                        <Button size="sm" variant="danger" onClick={() => setRevokeTarget(device)} aria-label={`Revoke ${device.name}`}>
                          Revoke
                        </Button>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {adding && (
        <DeviceDialog
          lines={devices.lines}
          busy={devices.creating}
          onClose={() => setAdding(false)}
          onSave={async (kind, settings) => {
            const result = await devices.create(kind, settings);
            if (!result.ok) return result;
            setAdding(false);
            setLink(result.value);
            return { ok: true };
          }}
        />
      )}
      {editing && (
        <DeviceDialog
          existing={{ kind: editing.kind, name: editing.name, lineIds: editing.lineIds, message: editing.message ?? "" }}
          lines={devices.lines}
          busy={devices.updating}
          onClose={() => setEditing(null)}
          onSave={async (_kind, settings) => {
            const result = await devices.update(editing.id, settings);
            if (!result.ok) return result;
            setEditing(null);
            return { ok: true };
          }}
        />
      )}
      {link && <PairingLinkDialog link={link} onClose={() => setLink(null)} />}
      {revokeTarget && (
        <Dialog
          title={`Revoke “${revokeTarget.name}”?`}
          onClose={() => setRevokeTarget(null)}
          footer={
            <>
              <Button onClick={() => setRevokeTarget(null)}>Cancel</Button>
              <Button
                variant="danger"
                busy={devices.revoking}
                onClick={async () => {
                  const result = await devices.revoke(revokeTarget.id);
                  setProblem(result.ok ? null : result.problem.message);
                  setRevokeTarget(null);
                }}
              >
                Revoke device
              </Button>
            </>
          }
        >
          <p>The device stops working at once and shows “This device is not paired”. To use it again, add it anew and pair it.</p>
        </Dialog>
      )}
    </section>
  );
}
