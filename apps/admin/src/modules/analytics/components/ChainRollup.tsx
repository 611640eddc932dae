import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../ui/Button";
import { ErrorState, Loading } from "../../../ui/states";
import { useChainAnalyticsPage } from "../hooks/use-chain-analytics";


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
  const { t, i18n } = useTranslation();
  const { page, loading, error, refetch } = useChainAnalyticsPage(tenantId, range, after);
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 });
  // A glance across stores: whole seconds below 90 s, else whole minutes.
  const seconds = (s: number | null | undefined) =>
    s == null ? "—" : s < 90 ? t("analytics.units.seconds", { value: number.format(s) }) : t("analytics.units.minutes", { value: number.format(s / 60) });
  const percent = (r: number | null | undefined) => (r == null ? "—" : t("analytics.chain.percent", { value: number.format(r * 100) }));
  const total = after === null ? page?.totalStores : undefined;
  useEffect(() => {
    if (total !== undefined) onTotal(total);
  }, [total, onTotal]);
  return (
    <tbody>
      {loading && (
        <tr>
          <td colSpan={5}>
            <Loading label={t("analytics.chain.loading")} />
          </td>
        </tr>
      )}
      {Boolean(error) && !page && (
        <tr>
          <td colSpan={5}>
            <ErrorState error={error} onRetry={refetch} title={t("analytics.chain.failed")} />
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
              {t("analytics.chain.more")}
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
  const { t } = useTranslation();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [total, setTotal] = useState<number | null>(null);
  const key = `${tenantId}|${range.from}|${range.to}`;
  const [forKey, setForKey] = useState(key);
  if (forKey !== key) {
    setForKey(key);
    setCursors([null]);
  }
  return (
    <section className="card" aria-label={t("analytics.chain.label")}>
      <h2>{total !== null ? t("analytics.chain.headingCount", { count: total }) : t("analytics.chain.heading")}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("analytics.chain.store")}</th>
            <th scope="col">{t("analytics.report.issued")}</th>
            <th scope="col">{t("analytics.report.served")}</th>
            <th scope="col">{t("analytics.figures.averageWait")}</th>
            <th scope="col">{t("analytics.report.noShows")}</th>
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
