import { useMemo, useState } from "react";
import { ChainRollup } from "./ChainRollup";
import { formatDuration } from "../../../lib/format";
import { Button } from "../../../ui/Button";
import { SelectField, TextField } from "../../../ui/Field";
import { PageHeader } from "../../../ui/PageHeader";
import { EmptyState, ErrorState, Loading } from "../../../ui/states";
import { useCurrentTenant } from "../../tenants/hooks/use-current-tenant";
import { analyticsCsv, dayInputValue, downloadCsv, percent, rangeFor, type Figures, type RangePreset } from "../analytics-model";
import { useAnalytics, useAnalyticsLines } from "../hooks/use-analytics";
import { HourlyChart } from "./HourlyChart";

const presets: { value: RangePreset; label: string }[] = [
  { value: "today", label: "Today" },
  { value: "7d", label: "7 days" },
  { value: "30d", label: "30 days" },
  { value: "custom", label: "Custom" },
];

const seconds = (value: number | null | undefined) => (value == null ? "—" : formatDuration(value));

function StatCard({ label, value, detail }: { label: string; value: string; detail?: string | undefined }) {
  return (
    <div className="stat" role="group" aria-label={label}>
      <span className="stat__label">{label}</span>
      <span className="stat__value">{value}</span>
      {detail && <span className="stat__detail">{detail}</span>}
    </div>
  );
}

function FiguresView({ figures }: { figures: Figures }) {
  const accuracy = figures.estimateAccuracy;
  return (
    <>
      <div className="stats" aria-label="Figures">
        <StatCard label="Served" value={String(figures.served)} detail={`of ${figures.issued} issued${figures.open ? `, ${figures.open} still open` : ""}`} />
        <StatCard label="Average wait" value={seconds(figures.averageWaitSeconds)} detail={`join → call, ${figures.waitSamples} called`} />
        <StatCard label="P90 wait" value={seconds(figures.p90WaitSeconds)} detail="9 in 10 were called within" />
        <StatCard label="No-show rate" value={percent(figures.noShowRate)} detail={`${figures.noShows} no-shows`} />
        <StatCard label="Cancellation rate" value={percent(figures.cancellationRate)} detail={`${figures.cancelled} cancelled, ${figures.expired} expired`} />
      </div>
      <div className="card">
        <HourlyChart byHour={figures.byHour} timeZone={figures.timeZone} />
      </div>
      <div className="card">
        <h2 className="card__title">Estimate accuracy</h2>
        {accuracy ? (
          <div className="stats stats--compact">
            <StatCard label="Mean absolute error" value={seconds(accuracy.meanAbsoluteErrorSeconds)} detail="issued p50 vs actual wait" />
            <StatCard label="Waited past p90" value={percent(accuracy.pastP90Share)} detail="ideally about 10 %" />
            <StatCard label="Tickets measured" value={String(accuracy.samples)} detail="called, with an estimate at issue" />
          </div>
        ) : (
          <p className="muted">No called ticket in this range had an estimate recorded when it was issued.</p>
        )}
      </div>
    </>
  );
}

/** Analytics per line, per tenant, or rolled up over the tenant's subtree. `now` is injectable for tests. */
export function AnalyticsPage({ now }: { now?: Date } = {}) {
  const { tenant } = useCurrentTenant();
  const [scope, setScope] = useState("tenant");
  const [preset, setPreset] = useState<RangePreset>("7d");
  const today = useMemo(() => now ?? new Date(), [now]);
  const [custom, setCustom] = useState(() => ({ from: dayInputValue(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 6)), to: dayInputValue(today) }));
  const range = useMemo(() => rangeFor(preset, custom, today), [preset, custom, today]);
  const { lines, error: linesError } = useAnalyticsLines(tenant.id);
  const valid = range.error === undefined ? { from: range.from, to: range.to } : null;
  const { figures, loading, error, refetch } = useAnalytics(tenant.id, scope, valid);

  const scopeOptions = [
    { value: "tenant", label: `All lines of ${tenant.name}` },
    { value: "subtree", label: `${tenant.name} and its subtenants` },
    ...(lines ?? []).map((l) => ({ value: `line:${l.id}`, label: `Line: ${l.name}${l.archivedAt ? " (archived)" : ""}` })),
  ];
  const scopeLabel = scopeOptions.find((o) => o.value === scope)?.label ?? scope;

  const exportCsv = () => {
    if (!figures) return;
    const stamp = `${figures.from.slice(0, 10)}_${figures.to.slice(0, 10)}`;
    downloadCsv(`qline-analytics-${stamp}.csv`, analyticsCsv(figures, scopeLabel));
  };

  return (
    <section className="analytics">
      <PageHeader
        title="Analytics"
        description="Served tickets, waits, no-shows and how good the wait estimates were, for tickets issued in the chosen days."
        actions={
          <Button onClick={exportCsv} disabled={!figures}>
            Export CSV
          </Button>
        }
      />
      <form className="card form filters" aria-label="Analytics scope and dates" onSubmit={(e) => e.preventDefault()}>
        <div className="filters__row">
          <SelectField label="Show" value={scope} onChange={setScope} options={scopeOptions} error={linesError ? "Could not load the lines" : undefined} />
          <fieldset className="segmented">
            <legend className="field__label">Dates</legend>
            {presets.map((p) => (
              <label key={p.value} className={`segmented__option${preset === p.value ? " segmented__option--active" : ""}`}>
                <input type="radio" name="analytics-range" value={p.value} checked={preset === p.value} onChange={() => setPreset(p.value)} />
                {p.label}
              </label>
            ))}
          </fieldset>
          {preset === "custom" && (
            <>
              <TextField label="From" type="date" value={custom.from} onChange={(from) => setCustom((c) => ({ ...c, from }))} />
              <TextField label="To" type="date" value={custom.to} onChange={(to) => setCustom((c) => ({ ...c, to }))} error={range.error} />
            </>
          )}
        </div>
      </form>
      {range.error && preset !== "custom" && <ErrorState error={new Error(range.error)} />}
      {loading && <Loading label="Loading the figures…" />}
      {Boolean(error) && !figures && <ErrorState error={error} onRetry={refetch} title="Could not load the figures" />}
      {figures && figures.issued === 0 && <EmptyState title="No tickets in this range">Nothing was issued here in the chosen days. Try a longer range.</EmptyState>}
      {figures && figures.issued > 0 && <FiguresView figures={figures} />}
      {scope === "subtree" && valid && <ChainRollup tenantId={tenant.id} rootDepth={tenant.depth} range={valid} />}
    </section>
  );
}
