import { useApolloClient } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { saveDeviceKey } from "../../../lib/device-key";
import { toProblem, type Problem } from "../../../lib/errors";
import { PairDeviceMutation } from "../graphql/pair-device.mutation";

export type Pairing =
  | { state: "pairing" }
  | { state: "paired"; slug: string; page: "kiosk" | "display" }
  | { state: "failed"; problem: Problem; retry(): void };

/**
 * One exchange per token and page load: the token is single-use, so a second request (StrictMode's double
 * effect) would answer LINK_EXPIRED and hide the first one's success. The promise is shared instead.
 */
const exchanges = new Map<string, Promise<{ slug: string; page: "kiosk" | "display" }>>();

/** Exchanges the pairing token for the device key, stores the key for its tenant, and says where to go. */
export function usePairDevice(token: string): Pairing {
  const client = useApolloClient();
  const [attempt, setAttempt] = useState(0);
  const [pairing, setPairing] = useState<Pairing>({ state: "pairing" });
  useEffect(() => {
    let current = true;
    let exchange = exchanges.get(token);
    if (!exchange) {
      exchange = client.mutate({ mutation: PairDeviceMutation, variables: { token } }).then(({ data }) => {
        const paired = data?.pairDevice;
        if (!paired) throw new Error("Pairing answered nothing");
        saveDeviceKey(paired.tenantSlug, paired.apiKey);
        return { slug: paired.tenantSlug, page: paired.kind === "KIOSK" ? ("kiosk" as const) : ("display" as const) };
      });
      exchanges.set(token, exchange);
    }
    exchange.then(
      (done) => current && setPairing({ state: "paired", ...done }),
      (error: unknown) => {
        const problem = toProblem(error);
        // Only an answer that may change on retry (network, rate limit) lets the same token be tried again.
        if (problem.code === "NETWORK" || problem.code === "LIMIT_EXCEEDED") exchanges.delete(token);
        if (current) setPairing({ state: "failed", problem, retry: () => setAttempt((n) => n + 1) });
      },
    );
    return () => {
      current = false;
    };
  }, [client, token, attempt]);
  return pairing;
}
