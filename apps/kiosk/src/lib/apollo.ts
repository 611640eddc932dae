import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { SetContextLink } from "@apollo/client/link/context";
import { ErrorLink } from "@apollo/client/link/error";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { getMainDefinition } from "@apollo/client/utilities";
import { OperationTypeNode } from "graphql";
import { createClient, type Client } from "graphql-ws";
import { credentialCloseCodes, credentialRejected, socketState, type ConnectionState } from "./connection";
import { toProblem } from "./errors";
import { watchWake, type WakeEnvironment } from "@qline/live-client";

export interface ApolloSetup {
  client: ApolloClient;
  /** Stops listening, closes the WebSocket and stops the client. */
  dispose(): void;
}

export interface ApolloOptions {
  httpUrl: string;
  wsUrl: string;
  /** A tenant API key (kiosk / display device); null for the customer's phone, which needs none. */
  deviceKey: string | null;
  /** Where to listen for `online` / `visibilitychange` (tests pass their own). */
  events?: WakeEnvironment;
}

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      // The tracking code identifies a public ticket (it has no id on purpose).
      PublicTicket: { keyFields: ["trackingCode"] },
      PublicTenant: { fields: { theme: { merge: true } } },
      Tenant: { fields: { theme: { merge: true } } },
      Line: { fields: { nowServing: { merge: false }, counters: { merge: false } } },
    },
  });
}

const PONG_TIMEOUT_MS = 5_000;

function isCloseEvent(event: unknown): event is { code: number } {
  return typeof event === "object" && event !== null && "code" in event && typeof event.code === "number";
}

/**
 * graphql-ws retries forever (capped backoff with jitter) and re-subscribes every active subscription on its own
 * after a reconnect. A ping without a pong within 5 s means a dead socket (a phone that slept, a Wi-Fi that
 * changed): terminate it, which counts as a retryable close.
 */
function createSocket(url: string, deviceKey: string | null, onReconnected: () => void): { socket: Client; dispose(): void } {
  let failures = 0;
  // A disposed client's late `closed` event (StrictMode mounts twice) must not overwrite the live one's state.
  let disposed = false;
  const setState = (state: ConnectionState) => {
    if (!disposed) socketState.set(state);
  };
  let everConnected = false;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  const socket: Client = createClient({
    url,
    // A device keeps its socket open so the live dot tells the truth; a phone connects when it subscribes.
    lazy: !deviceKey,
    keepAlive: 10_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    // A refused or revoked device key stays refused: stop and say so (credentialRejected) instead of retrying forever.
    shouldRetry: (event) => !(deviceKey && isCloseEvent(event) && credentialCloseCodes.has(event.code)),
    retryWait: async (retries) => {
      const base = Math.min(15_000, 500 * 2 ** Math.min(retries, 5));
      await new Promise((resolve) => setTimeout(resolve, base / 2 + Math.random() * (base / 2)));
    },
    connectionParams: () => (deviceKey ? { authorization: `ApiKey ${deviceKey}` } : {}),
    on: {
      connecting: () => setState(failures >= 2 ? "offline" : "connecting"),
      connected: () => {
        failures = 0;
        setState("online");
        if (everConnected) onReconnected();
        everConnected = true;
      },
      ping: (received) => {
        if (received) return;
        clearTimeout(pongTimer);
        pongTimer = setTimeout(() => socket.terminate(), PONG_TIMEOUT_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
      closed: (event) => {
        clearTimeout(pongTimer);
        if (deviceKey && isCloseEvent(event) && credentialCloseCodes.has(event.code)) {
          if (!disposed) credentialRejected.set(true);
          setState("offline");
          return;
        }
        failures += 1;
        setState(failures >= 2 ? "offline" : "connecting");
      },
    },
  });
  return {
    socket,
    dispose() {
      disposed = true;
      clearTimeout(pongTimer);
      void socket.dispose();
    },
  };
}

export function createApollo({ httpUrl, wsUrl, deviceKey, events }: ApolloOptions): ApolloSetup {
  let client: ApolloClient | null = null;
  // Whatever we missed while the socket was down: queries refetch, subscriptions were already re-sent.
  const refetchAll = () => void client?.refetchObservableQueries().catch(() => undefined);

  const auth = new SetContextLink((prevContext) => ({
    headers: { ...prevContext.headers, ...(deviceKey ? { authorization: `ApiKey ${deviceKey}` } : {}) },
  }));
  // A new key (or none): nothing has refused it yet.
  credentialRejected.set(false);
  // Any request answered UNAUTHENTICATED means the device key is no good (revoked, mistyped): the pages say so.
  const rejection = new ErrorLink(({ error }) => {
    if (deviceKey && toProblem(error).code === "UNAUTHENTICATED") credentialRejected.set(true);
  });
  const { socket, dispose: disposeSocket } = createSocket(wsUrl, deviceKey, refetchAll);
  const transport = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === "OperationDefinition" && definition.operation === OperationTypeNode.SUBSCRIPTION;
    },
    new GraphQLWsLink(socket),
    new HttpLink({ uri: httpUrl }),
  );

  client = new ApolloClient({
    link: ApolloLink.from([rejection, auth, transport]),
    cache: createCache(),
    defaultOptions: { watchQuery: { fetchPolicy: "cache-and-network" } },
  });

  // Back from sleep (visible again, or the wall clock jumped) or from a network change: the socket may be
  // half-dead without knowing it. Start a fresh one (subscriptions re-subscribe on `connected`, which refetches)
  // and refetch now for a quick first paint.
  const env = events ?? (typeof window === "undefined" || typeof document === "undefined" ? null : { window, document });
  const stopWatching = env
    ? watchWake(() => {
        socket.terminate();
        refetchAll();
      }, env)
    : () => undefined;

  return {
    client,
    dispose() {
      stopWatching();
      client?.stop();
      disposeSocket();
    },
  };
}
