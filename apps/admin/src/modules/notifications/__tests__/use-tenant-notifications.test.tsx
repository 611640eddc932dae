import { renderHook } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

// The hook's own rule (when the log re-reads by itself) is under test, not Apollo's: useQuery is stubbed.
type Counts = { pending: number; sending: number; sent: number; retrying: number; dead: number; skipped: number };
let answer: { counts: Counts; nodes: unknown[] } | null = null;
const useQuery = vi.fn((_doc: unknown, _options: { pollInterval?: number }) => ({
  data: answer ? { tenantNotifications: { ...answer, pageInfo: { endCursor: null, hasNextPage: false } } } : undefined,
  previousData: undefined,
  loading: false,
  error: undefined,
  refetch: vi.fn(),
  fetchMore: vi.fn(),
}));
vi.mock("@apollo/client/react", () => ({ useQuery: (doc: unknown, options: { pollInterval?: number }) => useQuery(doc, options) }));

const { useTenantNotifications, notificationLogPollMs, notificationPageSize } = await import("../hooks/use-tenant-notifications");
const settled: Counts = { pending: 0, sending: 0, sent: 3, retrying: 0, dead: 1, skipped: 0 };
const lastPoll = () => useQuery.mock.lastCall?.[1].pollInterval;

describe("the delivery log re-reads itself while messages are on their way", () => {
  beforeEach(() => {
    useQuery.mockClear();
    answer = null;
  });

  it("polls while a message is pending, sending or retrying, and stops once all are settled", () => {
    answer = { counts: { ...settled, pending: 1 }, nodes: [{}] };
    const { rerender } = renderHook(() => useTenantNotifications("t1", {}));
    expect(lastPoll()).toBe(notificationLogPollMs);
    answer = { counts: { ...settled, retrying: 2 }, nodes: [{}] };
    rerender();
    expect(lastPoll()).toBe(notificationLogPollMs);
    answer = { counts: settled, nodes: [{}] };
    rerender();
    expect(lastPoll()).toBe(0);
  });

  it("does not poll before the first answer, nor once more than one page is loaded", () => {
    renderHook(() => useTenantNotifications("t1", {}));
    expect(lastPoll()).toBe(0);
    answer = { counts: { ...settled, sending: 1 }, nodes: Array.from({ length: notificationPageSize + 1 }, () => ({})) };
    renderHook(() => useTenantNotifications("t1", {}));
    expect(lastPoll()).toBe(0);
  });
});
