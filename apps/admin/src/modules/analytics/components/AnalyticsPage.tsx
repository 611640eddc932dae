import { useMemo, useState } from "react";
import { useAuthToken } from "../../../lib/auth-token";
import { formatMeasuredDuration } from "../../../lib/format";
import { ChainRollup } from "./ChainRollup";
import { Button } from "../../../ui/Button";
import { SelectField, TextField } from "../../../ui/Field";
import { PageHeader } from "../../../ui/PageHeader";
import { Alert, EmptyState, ErrorState, Loading } from "../../../ui/states";
import { useCurrentTenant } from "../../tenants/hooks/use-current-tenant";
import { analyticsCsv, dayInputValue, downloadCsv, parseServiceLevel, percent, rangeFor, type Figures, type RangePreset } from "../analytics-model";
import { useAnalytics, useAnalyticsLines } from "../hooks/use-analytics";
import { useAnalyticsReport } from "../hooks/use-analytics-report";
import { downloadTicketExport, ticketExportUrl, type TicketExportFormat } from "../ticket-export";
import { HourlyChart } from "./HourlyChart";
import { ReportView } from "./ReportView";

const presets: { value: RangePreset; label: string }[] = [
  { value: "today", label: "Today" },
  { value: "7d", label: "7 days" },
  { value: "30d", label: "30 days" },
  { value: "custom", label: "Custom" },
];

const seconds = (value: number | null | undefined) => (value == null ? "—" : formatMeasuredDuration(value));

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
export function AnalyticsPage({ now, fetchImpl }: { now?: Date; fetchImpl?: typeof fetch } = {}) {
  const { tenant } = useCurrentTenant();
  const token = useAuthToken();
  const [scope, setScope] = useState("tenant");
  const [preset, setPreset] = useState<RangePreset>("7d");
  const today = useMemo(() => now ?? new Date(), [now]);
  const [custom, setCustom] = useState(() => ({ from: dayInputValue(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 6)), to: dayInputValue(today) }));
  const range = useMemo(() => rangeFor(preset, custom, today), [preset, custom, today]);
  const { lines, error: linesError } = useAnalyticsLines(tenant.id);
  const valid = range.error === undefined ? { from: range.from, to: range.to } : null;
  const { figures, loading, error, refetch } = useAnalytics(tenant.id, scope, valid);
  const [target, setTarget] = useState("10");
  const serviceLevel = parseServiceLevel(target);
  const report = useAnalyticsReport(tenant.id, scope, valid, serviceLevel.minutes ?? null);
  const [exportFormat, setExportFormat] = useState<TicketExportFormat>("csv");
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

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

  const exportTickets = async () => {
    if (!valid) return;
    setExporting(true);
    setExportError(null);
    try {
      await downloadTicketExport(ticketExportUrl(scope, tenant.id, valid, exportFormat), token, fetchImpl);
    } catch (e) {
      setExportError(e instanceof Error ? e.message : String(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <section className="analytics">
      <PageHeader
        title="Analytics"
        description="Served tickets, waits, no-shows and how good the wait estimates were, for tickets issued in the chosen days."
        actions={
          <>
            <Button onClick={exportCsv} disabled={!figures}>
              Export CSV
            </Button>
            <div className="ticket-export" role="group" aria-label="Ticket export">
              <select
                className="input"
                aria-label="Export format"
                value={exportFormat}
                onChange={(e) => setExportFormat(e.target.value === "json" ? "json" : "csv")}
              >
                <option value="csv">CSV</option>
                <option value="json">JSON</option>
              </select>
              <Button
                onClick={() => void exportTickets()}
                disabled={!valid}
                busy={exporting}
                title={scope === "subtree" ? "One row per ticket of this tenant's own lines" : "One row per ticket issued in these days"}
              >
                Export tickets
              </Button>
            </div>
          </>
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
          <TextField
            label="Service-level target (minutes)"
            type="number"
            min={1}
            max={1440}
            value={target}
            onChange={setTarget}
            error={serviceLevel.error}
          />
          {preset === "custom" && (
            <>
              <TextField label="From" type="date" value={custom.from} onChange={(from) => setCustom((c) => ({ ...c, from }))} />
              <TextField label="To" type="date" value={custom.to} onChange={(to) => setCustom((c) => ({ ...c, to }))} error={range.error} />
            </>
          )}
        </div>
      </form>
      {exportError && <Alert>Could not export the tickets: {exportError}</Alert>}
      {range.error && preset !== "custom" && <ErrorState error={new Error(range.error)} />}
      {loading && <Loading label="Loading the figures…" />}
      {Boolean(error) && !figures && <ErrorState error={error} onRetry={refetch} title="Could not load the figures" />}
      {figures && figures.issued === 0 && <EmptyState title="No tickets in this range">Nothing was issued here in the chosen days. Try a longer range.</EmptyState>}
      {figures && figures.issued > 0 && <FiguresView figures={figures} />}
      {figures && figures.issued > 0 && scope === "subtree" && (
        <p className="muted">Service times, the service level and the per-counter, per-staff and daily figures are shown for one tenant or line at a time.</p>
      )}
      {figures && figures.issued > 0 && report.report && <ReportView report={report.report} />}
      {figures && figures.issued > 0 && Boolean(report.error) && !report.report && (
        <ErrorState error={report.error} onRetry={report.refetch} title="Could not load the service figures" />
      )}
      {scope === "subtree" && valid && <ChainRollup tenantId={tenant.id} rootDepth={tenant.depth} range={valid} />}
    </section>
  );
}
