import { useState } from "react";
import type { DeviceFieldsFragment } from "../../../gql/graphql";
import { Button } from "../../../ui/Button";
import { Dialog } from "../../../ui/Dialog";
import { PageHeader } from "../../../ui/PageHeader";
import { Alert, EmptyState, ErrorState, Loading } from "../../../ui/states";
import { formatDateTime } from "../../../lib/format";
import { useCurrentTenant } from "../../tenants/hooks/use-current-tenant";
import { useDevices, type PairingLink } from "../hooks/use-devices";
import { DeviceDialog } from "./DeviceDialog";
import { PairingLinkDialog } from "./PairingLinkDialog";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

function status(device: DeviceFieldsFragment, t: TFunction) {
  if (device.revokedAt) return <span className="badge badge--danger">{t("devices.revoked", { date: formatDateTime(device.revokedAt) })}</span>;
  if (device.pairedAt) return <span className="badge badge--own">{t("devices.paired")}</span>;
  if (device.pairingExpiresAt && Date.parse(device.pairingExpiresAt) > Date.now()) return <span className="badge">{t("devices.waiting")}</span>;
  return <span className="badge">{t("devices.notPaired")}</span>;
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
  const manage = can("devices:manage");
  const lineNames = new Map(devices.lines.map((l) => [l.id, l.name]));

  return (
    <section>
      <PageHeader
        title={t("devices.title")}
        description={t("devices.description")}
        actions={
          manage && (
            <Button variant="primary" onClick={() => setAdding(true)}>
              {t("devices.add")}
            </Button>
          )
        }
      />
      {problem && <Alert>{problem}</Alert>}
      {devices.loading && <Loading label={t("devices.loading")} />}
      {Boolean(devices.error) && !devices.devices && <ErrorState error={devices.error} onRetry={devices.refetch} />}
      {devices.devices && devices.devices.length === 0 && <EmptyState title={t("devices.noneTitle")}>{t("devices.noneBody")}</EmptyState>}
      {devices.devices && devices.devices.length > 0 && (
        <div className="card card--flush">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("devices.name")}</th>
                <th scope="col">{t("devices.kind")}</th>
                <th scope="col">{t("devices.lines")}</th>
                <th scope="col">{t("devices.lastSeen")}</th>
                <th scope="col">{t("devices.status")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("devices.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {devices.devices.map((device) => (
                <tr key={device.id} className={device.revokedAt ? "row--muted" : undefined} data-testid={`device-${device.id}`}>
                  <th scope="row">{device.name}</th>
                  <td>{t(`devices.kinds.${device.kind}`)}</td>
                  <td>{device.lineIds.length === 0 ? <span className="muted">{t("devices.allLines")}</span> : device.lineIds.map((id) => lineNames.get(id) ?? "—").join(", ")}</td>
                  <td className="nowrap">{device.lastSeenAt ? formatDateTime(device.lastSeenAt) : <span className="muted">{t("devices.never")}</span>}</td>
                  <td>{status(device, t)}</td>
                  <td className="table__actions">
                    {manage && !device.revokedAt && (
                      <div className="device-actions">
                        <Button size="sm" onClick={() => setEditing(device)} aria-label={t("devices.editLabel", { name: device.name })}>
                          {t("devices.edit")}
                        </Button>
                        <Button
                          size="sm"
                          busy={devices.renewing}
                          aria-label={t("devices.newLinkLabel", { name: device.name })}
                          onClick={async () => {
                            const result = await devices.renew(device.id);
                            if (result.ok) setLink(result.value);
                            else setProblem(result.problem.message);
                          }}
                        >
                          {t("devices.newLink")}
                        </Button>
                        <Button size="sm" variant="danger" onClick={() => setRevokeTarget(device)} aria-label={t("devices.revokeLabel", { name: device.name })}>
                          {t("devices.revoke")}
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
          title={t("devices.revokeTitle", { name: revokeTarget.name })}
          onClose={() => setRevokeTarget(null)}
          footer={
            <>
              <Button onClick={() => setRevokeTarget(null)}>{t("common.cancel")}</Button>
              <Button
                variant="danger"
                busy={devices.revoking}
                onClick={async () => {
                  const result = await devices.revoke(revokeTarget.id);
                  setProblem(result.ok ? null : result.problem.message);
                  setRevokeTarget(null);
                }}
              >
                {t("devices.revokeConfirm")}
              </Button>
            </>
          }
        >
          <p>{t("devices.revokeBody")}</p>
        </Dialog>
      )}
    </section>
  );
}
