import { useEffect, useState } from "react";
import { Button } from "../../../ui/Button";
import { ErrorState, Loading } from "../../../ui/states";
import { useChainAnalyticsPage } from "../hooks/use-chain-analytics";

const seconds = (s: number | null | undefined) => (s == null ? "—" : s < 90 ? `${Math.round(s)} s` : `${Math.round(s / 60)} min`);
const percent = (r: number | null | undefined) => (r == null ? "—" : `${Math.round(r * 100)}%`);

interface PageProps {
  tenantId: string;
  range: { from: string; to: string };
  after: string | null;
  rootDepth: number;
  last: boolean;
  onMore: (cursor: string) => void;
  onTotal: (total: number) => void;
}

/** One page of stores (its own query): rows, and on the last page the "more" button with the next cursor. */
function ChainRollupPage({ tenantId, range, after, rootDepth, last, onMore, onTotal }: PageProps) {
  const { page, loading, error, refetch } = useChainAnalyticsPage(tenantId, range, after);
  const total = after === null ? page?.totalStores : undefined;
  useEffect(() => {
    if (total !== undefined) onTotal(total);
  }, [total, onTotal]);
  return (
    <tbody>
      {loading && (
        <tr>
          <td colSpan={5}>
            <Loading label="Loading stores…" />
          </td>
        </tr>
      )}
      {Boolean(error) && !page && (
        <tr>
          <td colSpan={5}>
            <ErrorState error={error} onRetry={refetch} title="Could not load these stores" />
          </td>
        </tr>
      )}
      {page?.stores.map((s) => (
        <tr key={s.tenant.id} data-store={s.tenant.name}>
          <th scope="row" style={{ paddingLeft: `${(s.tenant.depth - rootDepth) * 1.25 + 0.5}rem` }}>
            {s.tenant.name}
          </th>
          <td>{s.analytics.issued}</td>
          <td>{s.analytics.served}</td>
          <td>{seconds(s.analytics.averageWaitSeconds)}</td>
          <td>{percent(s.analytics.noShowRate)}</td>
        </tr>
      ))}
      {last && page?.pageInfo.hasNextPage && page.pageInfo.endCursor && (
        <tr>
          <td colSpan={5}>
            <Button size="sm" onClick={() => onMore(page.pageInfo.endCursor!)}>
              Load more stores
            </Button>
          </td>
        </tr>
      )}
    </tbody>
  );
}

/**
 * The chain roll-up, store by store in tree order (a tenant with hundreds of stores is read a page at a time,
 * each page with the cursor the previous one gave).
 */
export function ChainRollup({ tenantId, rootDepth, range }: { tenantId: string; rootDepth: number; range: { from: string; to: string } }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [total, setTotal] = useState<number | null>(null);
  const key = `${tenantId}|${range.from}|${range.to}`;
  const [forKey, setForKey] = useState(key);
  if (forKey !== key) {
    setForKey(key);
    setCursors([null]);
  }
  return (
    <section className="card" aria-label="Chain roll-up by store">
      <h2>Store by store{total !== null ? ` (${total} ${total === 1 ? "tenant" : "tenants"})` : ""}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Store</th>
            <th scope="col">Issued</th>
            <th scope="col">Served</th>
            <th scope="col">Average wait</th>
            <th scope="col">No-shows</th>
          </tr>
        </thead>
        {cursors.map((after, i) => (
          <ChainRollupPage
            key={after ?? "first"}
            tenantId={tenantId}
            range={range}
            after={after}
            rootDepth={rootDepth}
            last={i === cursors.length - 1}
            onMore={(cursor) => setCursors((c) => [...c, cursor])}
            onTotal={setTotal}
          />
        ))}
      </table>
    </section>
  );
}
