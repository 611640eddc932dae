import { ApolloProvider } from "@apollo/client/react";
import { useEffect, useMemo } from "react";
import { apiUrl, wsUrl } from "../env";
import { createApollo } from "../lib/apollo";
import { authToken, useAuthToken } from "../lib/auth-token";
import { SignedIn } from "./SignedIn";
import { SignedOut } from "./SignedOut";

/** One Apollo client per token: signing in or out starts from an empty cache and a fresh WebSocket. */
export function App() {
  const token = useAuthToken();
  const apollo = useMemo(() => createApollo({ httpUrl: apiUrl, wsUrl, token, onUnauthenticated: () => authToken.set(null) }), [token]);
  useEffect(() => () => apollo.dispose(), [apollo]);
  return <ApolloProvider client={apollo.client}>{token ? <SignedIn /> : <SignedOut />}</ApolloProvider>;
}
