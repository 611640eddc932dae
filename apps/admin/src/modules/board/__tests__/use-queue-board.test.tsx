import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { socketState } from "../../../lib/connection-status";

// The hook's own logic (when to re-read the line) is under test, not Apollo's: the hooks are stubbed.
const refetch = vi.fn().mockResolvedValue(undefined);
let onData: ((options: { data: { data?: unknown } }) => void) | undefined;
const useQuery = vi.fn((_doc: unknown, _options: { pollInterval?: number }) => ({ data: { line: { id: "line-1" } }, loading: false, error: undefined, refetch }));
vi.mock("@apollo/client/react", () => ({
  useQuery: (doc: unknown, options: { pollInterval?: number }) => useQuery(doc, options),
  useSubscription: (_doc: unknown, options: { onData: typeof onData }) => {
    onData = options.onData;
    return { loading: false };
  },
}));

const { useQueueBoard } = await import("../hooks/use-queue-board");

describe("useQueueBoard live updates", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    refetch.mockClear();
    useQuery.mockClear();
    act(() => socketState.set("online"));
  });
  afterEach(() => vi.useRealTimers());

  it("re-reads the line after lineUpdated events, coalescing a burst into one request", () => {
    renderHook(() => useQueueBoard("line-1"));
    const event = { data: { data: { lineUpdated: { kind: "ISSUED", at: "2026-11-22T12:00:00Z" } } } };
    act(() => {
      onData?.(event);
      onData?.(event);
      onData?.(event);
    });
    expect(refetch).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(200));
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it("polls while the socket is down and re-reads once when it is back", () => {
    const { result } = renderHook(() => useQueueBoard("line-1"));
    expect(useQuery.mock.lastCall?.[1].pollInterval).toBe(0);
    expect(result.current.live).toBe(true);

    act(() => socketState.set("offline"));
    expect(useQuery.mock.lastCall?.[1].pollInterval).toBe(15_000);
    expect(result.current.live).toBe(false);

    act(() => socketState.set("online"));
    expect(refetch).toHaveBeenCalledTimes(1);
    expect(useQuery.mock.lastCall?.[1].pollInterval).toBe(0);
  });
});
