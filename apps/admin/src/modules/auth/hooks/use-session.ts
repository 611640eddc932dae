import { createContext, useContext } from "react";
import type { MeQuery } from "../../../gql/graphql";

export type SessionUser = NonNullable<MeQuery["me"]>;
export type SessionMembership = SessionUser["memberships"][number];

export interface Session {
  user: SessionUser;
  accounts: MeQuery["accounts"];
  /** Reloads memberships (after creating a tenant or changing roles). */
  refresh: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside a signed-in page");
  return session;
}
