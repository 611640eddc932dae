import { ApolloProvider } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { apiUrl, wsUrl } from "../env";
import { createApollo, type ApolloSetup } from "../lib/apollo";
import { authToken, useAuthToken } from "../lib/auth-token";
import { Loading } from "../ui/states";
import { SignedIn } from "./SignedIn";
import { SignedOut } from "./SignedOut";

/**
 * One Apollo client per token: signing in or out starts from an empty cache and a fresh WebSocket. Created in
 * an effect so that its cleanup (closing the socket) pairs with its creation, also under StrictMode.
 */
export function App() {
  const token = useAuthToken();
  const [apollo, setApollo] = useState<{ token: string | null; setup: ApolloSetup } | null>(null);

  useEffect(() => {
    const setup = createApollo({ httpUrl: apiUrl, wsUrl, token, onUnauthenticated: () => authToken.set(null) });
    setApollo({ token, setup });
    return () => setup.dispose();
  }, [token]);

  if (!apollo || apollo.token !== token) return <Loading />;
  return <ApolloProvider client={apollo.setup.client}>{token ? <SignedIn /> : <SignedOut />}</ApolloProvider>;
}
