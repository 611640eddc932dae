import { ApolloClient, ApolloLink } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { Observable, of, Subject, throwError } from "rxjs";
import { I18nProvider } from "../i18n/i18n";
import type { Language } from "../i18n/messages";
import { createCache } from "../lib/apollo";

export interface SeenOperation {
  operationName: string | undefined;
  variables: Record<string, unknown>;
}

type Reply = ApolloLink.Result | Error | Subject<ApolloLink.Result>;

/**
 * An Apollo client over a scripted link: `reply(operation)` answers each request with data, an error (thrown as
 * a network failure) or a Subject for subscriptions. Every operation is recorded in `seen`.
 */
export function scriptedClient(reply: (op: SeenOperation, index: number) => Reply) {
  const seen: SeenOperation[] = [];
  const link = new ApolloLink((operation) => {
    const op = { operationName: operation.operationName, variables: operation.variables as Record<string, unknown> };
    seen.push(op);
    const answer = reply(op, seen.length - 1);
    if (answer instanceof Subject) return answer.asObservable();
    if (answer instanceof Error) return throwError(() => answer);
    return of(answer) as Observable<ApolloLink.Result>;
  });
  const client = new ApolloClient({ link, cache: createCache() });
  return { client, seen };
}

export function renderWith(client: ApolloClient, ui: ReactElement, language: Language = "en") {
  return render(
    <I18nProvider initial={language}>
      <ApolloProvider client={client}>{ui}</ApolloProvider>
    </I18nProvider>,
  );
}
