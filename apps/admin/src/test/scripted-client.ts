import { ApolloClient, ApolloLink } from "@apollo/client";
import { Observable, of, Subject, throwError } from "rxjs";
import { createCache } from "../lib/apollo";

export interface SeenOperation {
  operationName: string | undefined;
  variables: Record<string, unknown>;
}

type Reply = ApolloLink.Result | Error | Subject<ApolloLink.Result>;

/**
 * A real Apollo client (the app's cache policies) over a scripted link: `reply(operation)` answers each request
 * with data, an error (a network failure) or a Subject (a subscription's events, or an answer the test releases
 * later). Every operation that reaches the network is recorded in `seen`.
 */
export function scriptedClient(reply: (op: SeenOperation) => Reply) {
  const seen: SeenOperation[] = [];
  const link = new ApolloLink((operation) => {
    const op = { operationName: operation.operationName, variables: operation.variables as Record<string, unknown> };
    seen.push(op);
    const answer = reply(op);
    if (answer instanceof Subject) return answer.asObservable();
    if (answer instanceof Error) return throwError(() => answer);
    return of(answer) as Observable<ApolloLink.Result>;
  });
  // The app's default (lib/apollo.ts): a cache write that left the query incomplete would show as a request here.
  const client = new ApolloClient({ link, cache: createCache(), defaultOptions: { watchQuery: { fetchPolicy: "cache-and-network" } } });
  const count = (operationName: string) => seen.filter((o) => o.operationName === operationName).length;
  return { client, seen, count };
}
