import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { SetContextLink } from "@apollo/client/link/context";
import { ErrorLink } from "@apollo/client/link/error";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { getMainDefinition } from "@apollo/client/utilities";
import { OperationTypeNode } from "graphql";
import { createClient, type Client } from "graphql-ws";
import { socketState } from "./connection-status";

export interface ApolloSetup {
  client: ApolloClient;
  /** Closes the WebSocket and stops the client (sign-out, token change). */
  dispose(): void;
}

export interface ApolloOptions {
  httpUrl: string;
  wsUrl: string;
  token: string | null;
  /** Called when the API answers UNAUTHENTICATED (expired or revoked token). */
  onUnauthenticated?: () => void;
}

/** Entities without an `id` of their own are keyed by what identifies them. */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Member: { keyFields: ["tenantId", "userId"] },
      Membership: { keyFields: false },
      // One line's notification settings: an update merges into the query that read them.
      LineNotificationSettings: { keyFields: ["lineId"] },
      // Templates and providers are per tenant but carry no tenant id: kept inside the query that read them.
      NotificationTemplate: { keyFields: false },
      NotificationProviders: { keyFields: false },
      Tenant: {
        fields: {
          theme: { merge: true },
          location: { merge: true },
        },
      },
    },
  });
}

/**
 * Retries forever with capped exponential backoff and jitter; the state store drives the online indicator.
 * Only the current socket reports: a disposed one (sign-out, StrictMode's double effect) closes late and must
 * not overwrite the state of its successor.
 */
function createSocket(url: string, token: string | null, onUnauthenticated?: () => void): { client: Client; dispose: () => void } {
  let failures = 0;
  let current = true;
  const report = (state: "connecting" | "online" | "offline") => {
    if (current) socketState.set(state);
  };
  const client = createClient({
    url,
    // Signed in: keep the socket open so the indicator is truthful; signed out: only when a subscription needs it.
    lazy: !token,
    keepAlive: 10_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: async (retries) => {
      const base = Math.min(30_000, 1_000 * 2 ** Math.min(retries, 5));
      await new Promise((resolve) => setTimeout(resolve, base / 2 + Math.random() * (base / 2)));
    },
    connectionParams: () => (token ? { authorization: `Bearer ${token}` } : {}),
    on: {
      connecting: () => report(failures >= 2 ? "offline" : "connecting"),
      connected: () => {
        failures = 0;
        report("online");
      },
      closed: (event) => {
        // The server closes with 4403 when the token is no longer valid: sign out instead of retrying forever.
        if (!current) return;
        if ((event as { code?: number } | undefined)?.code === 4403 && token) onUnauthenticated?.();
        failures += 1;
        report(failures >= 2 ? "offline" : "connecting");
      },
    },
  });
  return {
    client,
    dispose() {
      current = false;
      void client.dispose();
    },
  };
}

export function createApollo({ httpUrl, wsUrl, token, onUnauthenticated }: ApolloOptions): ApolloSetup {
  socketState.set("connecting");
  const auth = new SetContextLink((prevContext) => ({
    headers: { ...prevContext.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  }));

  const errors = new ErrorLink(({ error }) => {
    if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === "UNAUTHENTICATED")) {
      onUnauthenticated?.();
    }
  });

  const socket = createSocket(wsUrl, token, onUnauthenticated);
  const http = new HttpLink({ uri: httpUrl });
  const transport = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === "OperationDefinition" && definition.operation === OperationTypeNode.SUBSCRIPTION;
    },
    new GraphQLWsLink(socket.client),
    http,
  );

  const client = new ApolloClient({
    link: ApolloLink.from([errors, auth, transport]),
    cache: createCache(),
    defaultOptions: { watchQuery: { fetchPolicy: "cache-and-network" } },
  });

  return {
    client,
    dispose() {
      client.stop();
      socket.dispose();
    },
  };
}
