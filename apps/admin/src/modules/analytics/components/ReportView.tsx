import type { AnalyticsReportQuery } from "../../../gql/graphql";
import { formatMeasuredDuration } from "../../../lib/format";
import { percent } from "../analytics-model";

type Report = NonNullable<AnalyticsReportQuery["analyticsReport"]>;
type Group = Report["total"];

const duration = (value: number | null | undefined) => (value == null ? "—" : formatMeasuredDuration(value));

function Stat({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div className="stat" role="group" aria-label={label}>
      <span className="stat__label">{label}</span>
      <span className="stat__value">{value}</span>
      <span className="stat__detail">{detail}</span>
    </div>
  );
}

function GroupTable({ caption, head, rows }: { caption: string; head: string; rows: { key: string; label: string; group: Group }[] }) {
  return (
    <div className="card card--flush">
      <table className="table report-table">
        <caption className="report-table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col">Issued</th>
            <th scope="col">Served</th>
            <th scope="col">No-shows</th>
            <th scope="col">Mean wait</th>
            <th scope="col">Median wait</th>
            <th scope="col">Mean service</th>
            <th scope="col">Median service</th>
            <th scope="col">Within target</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, label, group }) => (
            <tr key={key}>
              <th scope="row" className={head === "Day" ? "nowrap" : undefined}>
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
  const { total } = report;
  return (
    <>
      <div className="stats" aria-label="Service">
        <Stat label="Mean service time" value={duration(total.meanServiceSeconds)} detail={`call → complete, ${total.serviceSamples} served`} />
        <Stat label="Median service time" value={duration(total.medianServiceSeconds)} detail="half were served within" />
        <Stat label="Median wait" value={duration(total.medianWaitSeconds)} detail={`mean ${duration(total.meanWaitSeconds)}`} />
        <Stat
          label={`Called within ${report.serviceLevelMinutes} min`}
          value={percent(total.serviceLevelShare)}
          detail={`${total.calledWithinTarget} of ${total.waitSamples} called`}
        />
      </div>
      {report.byCounter.length > 0 && (
        <GroupTable caption="By counter" head="Counter" rows={report.byCounter.map((c) => ({ key: c.counterId, label: c.name ?? "Removed counter", group: c }))} />
      )}
      {report.byStaff.length > 0 && (
        <GroupTable
          caption="By staff member (who called the ticket)"
          head="Staff member"
          rows={report.byStaff.map((s) => ({ key: s.userId, label: s.name ?? "Name not shown", group: s }))}
        />
      )}
      <GroupTable caption={`By day (${report.timeZone})`} head="Day" rows={report.daily.map((d) => ({ key: d.day, label: d.day, group: d }))} />
    </>
  );
}
