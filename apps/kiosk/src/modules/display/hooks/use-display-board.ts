import { useQuery } from "@apollo/client/react";
import { useCallback, useEffect, useRef } from "react";
import type { DisplayBoardQuery as DisplayBoardResult } from "../../../gql/graphql";
import { toProblem } from "../../../lib/errors";
import { rejectedKeyCodes } from "../../device/hooks/device-key";
import { DisplayBoardQuery } from "../graphql/display-board.query";

export type BoardLine = NonNullable<DisplayBoardResult["tenant"]>["lines"][number];

export const NEXT_COUNT = 5;

export type DisplayBoardState =
  | { state: "loading" }
  | { state: "unreachable"; retry(): void }
  | { state: "rejected" }
  | { state: "ready"; lines: BoardLine[] };

/**
 * The tenant's lines with who is where and who is next (device key). Polled every 30 s as a safety net; live
 * changes come from lineUpdated (see use-line-updates), after which `refetchSoon` refreshes the waiting list.
 */
export function useDisplayBoard(tenantId: string): { board: DisplayBoardState; refetchSoon(): void } {
  const { data, error, refetch } = useQuery(DisplayBoardQuery, { variables: { tenantId, next: NEXT_COUNT }, pollInterval: 30_000 });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latestRefetch = useRef(refetch);
  useEffect(() => {
    latestRefetch.current = refetch;
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  // Several events in a burst (call + requeue + issue) → one refetch.
  const refetchSoon = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void latestRefetch.current().catch(() => undefined), 150);
  }, []);

  let board: DisplayBoardState;
  if (data) board = { state: "ready", lines: data.tenant?.lines ?? [] };
  else if (!error) board = { state: "loading" };
  else {
    const problem = toProblem(error);
    board = problem.code && rejectedKeyCodes.has(problem.code) ? { state: "rejected" } : { state: "unreachable", retry: () => void refetch().catch(() => undefined) };
  }
  return { board, refetchSoon };
}
