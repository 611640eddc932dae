import { useQuery } from "@apollo/client/react";
import type { CurrentDeviceQuery as CurrentDeviceResult } from "../../../gql/graphql";
import { CurrentDeviceQuery } from "../graphql/current-device.query";

export type CurrentDevice = NonNullable<CurrentDeviceResult["currentDevice"]>;

/**
 * The paired device's own settings: which lines it serves (empty: all) and the display's message strip. Null
 * while loading, for a plain API key (not a paired device: every line, no strip), or when it cannot be read —
 * the page then shows every line rather than nothing. Polled so an edited message reaches the screen.
 */
export function useCurrentDevice(): CurrentDevice | null {
  const { data } = useQuery(CurrentDeviceQuery, { pollInterval: 60_000 });
  return data?.currentDevice ?? null;
}

/** The lines a device shows: its own selection, in the tenant's order; every line when it has none. */
export function linesOfDevice<T extends { id: string }>(lines: readonly T[], device: Pick<CurrentDevice, "lineIds"> | null): T[] {
  if (!device || device.lineIds.length === 0) return [...lines];
  const wanted = new Set(device.lineIds);
  return lines.filter((line) => wanted.has(line.id));
}
