import { useQuery } from "@apollo/client/react";
import { toProblem } from "../../../lib/errors";
import { rejectedKeyCodes } from "../../device/hooks/device-key";
import { KioskSetupQuery } from "../graphql/kiosk-setup.query";

export type KioskSetup =
  | { state: "loading" }
  | { state: "unreachable"; retry(): void }
  /** The device key is missing, wrong, revoked or belongs to another tenant. */
  | { state: "rejected" }
  /** `device`: the paired device's lines (null for a plain API key: every line). */
  | { state: "ready"; extensionSchema: Record<string, unknown> | null; device: { lineIds: string[] } | null };

/** What the kiosk needs beyond the public tenant, fetched with the device key (which it thereby checks). */
export function useKioskSetup(tenantId: string): KioskSetup {
  const { data, error, refetch } = useQuery(KioskSetupQuery, { variables: { tenantId } });
  if (!data) {
    if (!error) return { state: "loading" };
    const problem = toProblem(error);
    if (problem.code && rejectedKeyCodes.has(problem.code)) return { state: "rejected" };
    return { state: "unreachable", retry: () => void refetch().catch(() => undefined) };
  }
  const tenant = data.tenant;
  if (!tenant) return { state: "rejected" };
  return { state: "ready", extensionSchema: tenant.ticketExtensionSchema ?? null, device: data.currentDevice ?? null };
}
