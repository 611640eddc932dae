import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAuthToken } from "../../../lib/auth-token";
import { ChainRollup } from "./ChainRollup";
import { Button } from "../../../ui/Button";
import { SelectField, TextField } from "../../../ui/Field";
import { PageHeader } from "../../../ui/PageHeader";
import { Alert, EmptyState, ErrorState, Loading } from "../../../ui/states";
import { useCurrentTenant } from "../../tenants/hooks/use-current-tenant";
import { analyticsCsv, dayInputValue, downloadCsv, maxRangeDays, parseServiceLevel, rangeFor, type Figures, type RangePreset } from "../analytics-model";
import { useAnalyticsFormat } from "../format";
import { useAnalytics, useAnalyticsLines } from "../hooks/use-analytics";
import { useAnalyticsReport } from "../hooks/use-analytics-report";
import { downloadTicketExport, TicketExportHttpError, ticketExportUrl, type TicketExportFormat } from "../ticket-export";
import { HourlyChart } from "./HourlyChart";
import { ReportView } from "./ReportView";

const presets: RangePreset[] = ["today", "7d", "30d", "custom"];

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
  const { t } = useTranslation();
  const { duration, percent } = useAnalyticsFormat();
  const accuracy = figures.estimateAccuracy;
  return (
    <>
      <div className="stats" aria-label={t("analytics.figures.label")}>
        <StatCard
          label={t("analytics.figures.served")}
          value={String(figures.served)}
          detail={figures.open ? t("analytics.figures.servedOpenDetail", { issued: figures.issued, open: figures.open }) : t("analytics.figures.servedDetail", { issued: figures.issued })}
        />
        <StatCard label={t("analytics.figures.averageWait")} value={duration(figures.averageWaitSeconds)} detail={t("analytics.figures.averageWaitDetail", { count: figures.waitSamples })} />
        <StatCard label={t("analytics.figures.p90Wait")} value={duration(figures.p90WaitSeconds)} detail={t("analytics.figures.p90WaitDetail")} />
        <StatCard label={t("analytics.figures.noShowRate")} value={percent(figures.noShowRate)} detail={t("analytics.figures.noShowsDetail", { count: figures.noShows })} />
        <StatCard
          label={t("analytics.figures.cancellationRate")}
          value={percent(figures.cancellationRate)}
          detail={t("analytics.figures.cancellationDetail", { cancelled: figures.cancelled, expired: figures.expired })}
        />
      </div>
      <div className="card">
        <HourlyChart byHour={figures.byHour} timeZone={figures.timeZone} />
      </div>
      <div className="card">
        <h2 className="card__title">{t("analytics.figures.accuracy")}</h2>
        {accuracy ? (
          <div className="stats stats--compact">
            <StatCard label={t("analytics.figures.meanAbsoluteError")} value={duration(accuracy.meanAbsoluteErrorSeconds)} detail={t("analytics.figures.meanAbsoluteErrorDetail")} />
            <StatCard label={t("analytics.figures.pastP90")} value={percent(accuracy.pastP90Share)} detail={t("analytics.figures.pastP90Detail")} />
            <StatCard label={t("analytics.figures.measured")} value={String(accuracy.samples)} detail={t("analytics.figures.measuredDetail")} />
          </div>
        ) : (
          <p className="muted">{t("analytics.figures.noAccuracy")}</p>
        )}
      </div>
    </>
  );
}

/** Analytics per line, per tenant, or rolled up over the tenant's subtree. `now` is injectable for tests. */
export function AnalyticsPage({ now, fetchImpl }: { now?: Date; fetchImpl?: typeof fetch } = {}) {
  const { t } = useTranslation();
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
    { value: "tenant", label: t("analytics.allLines", { name: tenant.name }) },
    { value: "subtree", label: t("analytics.subtree", { name: tenant.name }) },
    ...(lines ?? []).map((l) => ({ value: `line:${l.id}`, label: t(l.archivedAt ? "analytics.lineArchived" : "analytics.line", { name: l.name }) })),
  ];
  const inputError = (error: string | undefined) => (error === undefined ? undefined : t(`analytics.errors.${error}`, { count: maxRangeDays }));
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
      setExportError(e instanceof TicketExportHttpError ? t("analytics.exportHttpFailed", { status: e.status }) : e instanceof Error ? e.message : String(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <section className="analytics">
      <PageHeader
        title={t("analytics.title")}
        description={t("analytics.description")}
        actions={
          <>
            <Button onClick={exportCsv} disabled={!figures}>
              {t("analytics.exportCsv")}
            </Button>
            <div className="ticket-export" role="group" aria-label={t("analytics.ticketExport")}>
              <select
                className="input"
                aria-label={t("analytics.exportFormat")}
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
                title={scope === "subtree" ? t("analytics.exportTicketsSubtree") : t("analytics.exportTicketsRange")}
              >
                {t("analytics.exportTickets")}
              </Button>
            </div>
          </>
        }
      />
      <form className="card form filters" aria-label={t("analytics.filters")} onSubmit={(e) => e.preventDefault()}>
        <div className="filters__row">
          <SelectField label={t("analytics.show")} value={scope} onChange={setScope} options={scopeOptions} error={linesError ? t("analytics.linesFailed") : undefined} />
          <fieldset className="segmented">
            <legend className="field__label">{t("analytics.dates")}</legend>
            {presets.map((p) => (
              <label key={p} className={`segmented__option${preset === p ? " segmented__option--active" : ""}`}>
                <input type="radio" name="analytics-range" value={p} checked={preset === p} onChange={() => setPreset(p)} />
                {t(`analytics.presets.${p}`)}
              </label>
            ))}
          </fieldset>
          <TextField
            label={t("analytics.target")}
            type="number"
            min={1}
            max={1440}
            value={target}
            onChange={setTarget}
            error={inputError(serviceLevel.error)}
          />
          {preset === "custom" && (
            <>
              <TextField label={t("analytics.from")} type="date" value={custom.from} onChange={(from) => setCustom((c) => ({ ...c, from }))} />
              <TextField label={t("analytics.to")} type="date" value={custom.to} onChange={(to) => setCustom((c) => ({ ...c, to }))} error={inputError(range.error)} />
            </>
          )}
        </div>
      </form>
      {exportError && <Alert>{t("analytics.exportFailed", { message: exportError })}</Alert>}
      {range.error && preset !== "custom" && <ErrorState error={new Error(inputError(range.error))} />}
      {loading && <Loading label={t("analytics.loading")} />}
      {Boolean(error) && !figures && <ErrorState error={error} onRetry={refetch} title={t("analytics.loadFailed")} />}
      {figures && figures.issued === 0 && <EmptyState title={t("analytics.noneTitle")}>{t("analytics.noneBody")}</EmptyState>}
      {figures && figures.issued > 0 && <FiguresView figures={figures} />}
      {figures && figures.issued > 0 && scope === "subtree" && (
        <p className="muted">{t("analytics.subtreeNote")}</p>
      )}
      {figures && figures.issued > 0 && report.report && <ReportView report={report.report} />}
      {figures && figures.issued > 0 && Boolean(report.error) && !report.report && (
        <ErrorState error={report.error} onRetry={report.refetch} title={t("analytics.reportFailed")} />
      )}
      {scope === "subtree" && valid && <ChainRollup tenantId={tenant.id} rootDepth={tenant.depth} range={valid} />}
    </section>
  );
}
