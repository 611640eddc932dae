import type { AnalyticsReportQuery } from "../../../gql/graphql";
import { useTranslation } from "react-i18next";
import { useAnalyticsFormat } from "../format";

type Report = NonNullable<AnalyticsReportQuery["analyticsReport"]>;
type Group = Report["total"];

function Stat({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div className="stat" role="group" aria-label={label}>
      <span className="stat__label">{label}</span>
      <span className="stat__value">{value}</span>
      <span className="stat__detail">{detail}</span>
    </div>
  );
}

/** `days`: the row headers are report days (kept on one line). */
function GroupTable({ caption, head, days = false, rows }: { caption: string; head: string; days?: boolean; rows: { key: string; label: string; group: Group }[] }) {
  const { t } = useTranslation();
  const { duration, percent } = useAnalyticsFormat();
  return (
    <div className="card card--flush">
      <table className="table report-table">
        <caption className="report-table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col">{t("analytics.report.issued")}</th>
            <th scope="col">{t("analytics.report.served")}</th>
            <th scope="col">{t("analytics.report.noShows")}</th>
            <th scope="col">{t("analytics.report.meanWait")}</th>
            <th scope="col">{t("analytics.report.medianWaitColumn")}</th>
            <th scope="col">{t("analytics.report.meanServiceColumn")}</th>
            <th scope="col">{t("analytics.report.medianServiceColumn")}</th>
            <th scope="col">{t("analytics.report.withinTarget")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, label, group }) => (
            <tr key={key}>
              <th scope="row" className={days ? "nowrap" : undefined}>
                {label}
              </th>
              <td>{group.issued}</td>
              <td>{group.served}</td>
              <td>{group.noShows}</td>
              <td>{duration(group.meanWaitSeconds)}</td>
              <td>{duration(group.medianWaitSeconds)}</td>
              <td>{duration(group.meanServiceSeconds)}</td>
              <td>{duration(group.medianServiceSeconds)}</td>
              <td>{percent(group.serviceLevelShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Service time, the service level, and the per-counter, per-staff and per-day tables of the manager's report. */
export function ReportView({ report }: { report: Report }) {
  const { t } = useTranslation();
  const { duration, percent, day } = useAnalyticsFormat();
  const { total } = report;
  return (
    <>
      <div className="stats" aria-label={t("analytics.report.service")}>
        <Stat label={t("analytics.report.meanService")} value={duration(total.meanServiceSeconds)} detail={t("analytics.report.meanServiceDetail", { count: total.serviceSamples })} />
        <Stat label={t("analytics.report.medianService")} value={duration(total.medianServiceSeconds)} detail={t("analytics.report.medianServiceDetail")} />
        <Stat label={t("analytics.report.medianWait")} value={duration(total.medianWaitSeconds)} detail={t("analytics.report.medianWaitDetail", { mean: duration(total.meanWaitSeconds) })} />
        <Stat
          label={t("analytics.report.calledWithin", { minutes: report.serviceLevelMinutes })}
          value={percent(total.serviceLevelShare)}
          detail={t("analytics.report.calledWithinDetail", { within: total.calledWithinTarget, count: total.waitSamples })}
        />
      </div>
      {report.byCounter.length > 0 && (
        <GroupTable
          caption={t("analytics.report.byCounter")}
          head={t("analytics.report.counter")}
          rows={report.byCounter.map((c) => ({ key: c.counterId, label: c.name ?? t("analytics.report.removedCounter"), group: c }))}
        />
      )}
      {report.byStaff.length > 0 && (
        <GroupTable
          caption={t("analytics.report.byStaff")}
          head={t("analytics.report.staffMember")}
          rows={report.byStaff.map((s) => ({ key: s.userId, label: s.name ?? t("analytics.report.nameNotShown"), group: s }))}
        />
      )}
      <GroupTable
        caption={t("analytics.report.byDay", { zone: report.timeZone })}
        head={t("analytics.report.day")}
        days
        rows={report.daily.map((d) => ({ key: d.day, label: day(d.day), group: d }))}
      />
    </>
  );
}
