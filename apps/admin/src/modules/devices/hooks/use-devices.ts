import { useMutation, useQuery } from "@apollo/client/react";
import type { DeviceKind } from "../../../gql/graphql";
import { attempt } from "../../../lib/errors";
import { CreateDeviceMutation } from "../graphql/create-device.mutation";
import { DevicesQuery } from "../graphql/devices.query";
import { RenewDevicePairingMutation } from "../graphql/renew-device-pairing.mutation";
import { RevokeDeviceMutation } from "../graphql/revoke-device.mutation";
import { UpdateDeviceMutation } from "../graphql/update-device.mutation";

/** A pairing link as the API returns it once: the URL to open on the device and when it stops working. */
export interface PairingLink {
  deviceName: string;
  kind: DeviceKind;
  url: string;
  expiresAt: string;
}

export interface DeviceSettings {
  name: string;
  lineIds: string[];
  message: string;
}

export function useDevices(tenantId: string) {
  // Polled: a device pairs (and is then seen) on its own, away from this page.
  const { data, loading, error, refetch } = useQuery(DevicesQuery, { variables: { tenantId }, pollInterval: 15_000 });
  const [createMutation, createState] = useMutation(CreateDeviceMutation);
  const [renewMutation, renewState] = useMutation(RenewDevicePairingMutation);
  const [updateMutation, updateState] = useMutation(UpdateDeviceMutation);
  const [revokeMutation, revokeState] = useMutation(RevokeDeviceMutation);
  const toLink = (answer: { pairingUrl: string; expiresAt: string; device: { name: string; kind: DeviceKind } } | undefined): PairingLink => ({
    deviceName: answer?.device.name ?? "",
    kind: answer?.device.kind ?? "KIOSK",
    url: answer?.pairingUrl ?? "",
    expiresAt: answer?.expiresAt ?? "",
  });
  return {
    devices: data?.tenant?.devices ?? null,
    lines: data?.tenant?.lines ?? [],
    loading: loading && !data,
    error,
    refetch: () => void refetch(),
    /** Resolves to the first pairing link, which is never shown again. */
    create: (kind: DeviceKind, settings: DeviceSettings) =>
      attempt(async () => {
        const result = await createMutation({ variables: { tenantId, input: { kind, name: settings.name.trim(), lineIds: settings.lineIds, message: settings.message.trim() || null } } });
        await refetch();
        return toLink(result.data?.createDevice);
      }),
    creating: createState.loading,
    renew: (id: string) =>
      attempt(async () => {
        const result = await renewMutation({ variables: { id } });
        return toLink(result.data?.renewDevicePairing);
      }),
    renewing: renewState.loading,
    update: (id: string, settings: DeviceSettings) =>
      attempt(() => updateMutation({ variables: { id, input: { name: settings.name.trim(), lineIds: settings.lineIds, message: settings.message.trim() } } })),
    updating: updateState.loading,
    revoke: (id: string) => attempt(() => revokeMutation({ variables: { id } })),
    revoking: revokeState.loading,
  };
}
