import { useId } from "react";
import { useTranslation } from "react-i18next";
import { hourLabel, type Figures } from "../analytics-model";

const width = 720;
const height = 220;
const pad = { top: 16, right: 8, bottom: 28, left: 36 };

/** Tickets issued (and served) per hour of the day: plain SVG, one labelled bar pair per hour, plus a table for screen readers. */
export function HourlyChart({ byHour, timeZone }: { byHour: Figures["byHour"]; timeZone: string | null }) {
  const { t } = useTranslation();
  const titleId = useId();
  const max = Math.max(1, ...byHour.map((h) => h.issued));
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const slot = plotW / 24;
  const y = (value: number) => pad.top + plotH - (value / max) * plotH;
  const ticks = max <= 4 ? Array.from({ length: max + 1 }, (_, i) => i) : [0, Math.round(max / 2), max];
  const zone = timeZone ? t("analytics.chart.inZone", { zone: timeZone }) : t("analytics.chart.inLineZones");
  const caption = t("analytics.chart.caption", { zone });
  const busiest = byHour.reduce((best, h) => (h.issued > best.issued ? h : best), byHour[0] ?? { hour: 0, issued: 0, served: 0 });

  return (
    <figure className="chart">
      <figcaption id={titleId} className="chart__caption">
        {caption}
        <span className="chart__legend">
          <span className="chart__key chart__key--issued" aria-hidden="true" /> {t("analytics.chart.issued")}
          <span className="chart__key chart__key--served" aria-hidden="true" /> {t("analytics.chart.served")}
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={`${titleId}-summary`}
        className="chart__svg"
        preserveAspectRatio="xMidYMid meet"
      >
        <desc id={`${titleId}-summary`}>
          {busiest.issued > 0 ? t("analytics.chart.busiest", { hour: hourLabel(busiest.hour), count: busiest.issued }) : t("analytics.chart.empty")}
        </desc>
        {ticks.map((t) => (
          <g key={t} className="chart__grid">
            <line x1={pad.left} x2={width - pad.right} y1={y(t)} y2={y(t)} />
            <text x={pad.left - 6} y={y(t) + 4} textAnchor="end">
              {t}
            </text>
          </g>
        ))}
        {byHour.map((h) => {
          const x = pad.left + h.hour * slot;
          const barW = Math.max(2, slot * 0.38);
          return (
            <g key={h.hour} data-hour={h.hour}>
              <title>{t("analytics.chart.bar", { hour: hourLabel(h.hour), issued: h.issued, served: h.served })}</title>
              <rect className="chart__bar chart__bar--issued" x={x + slot * 0.1} y={y(h.issued)} width={barW} height={pad.top + plotH - y(h.issued)} />
              <rect className="chart__bar chart__bar--served" x={x + slot * 0.1 + barW} y={y(h.served)} width={barW} height={pad.top + plotH - y(h.served)} />
              {h.hour % 3 === 0 && (
                <text className="chart__axis" x={x + slot / 2} y={height - 8} textAnchor="middle">
                  {String(h.hour).padStart(2, "0")}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <table className="visually-hidden">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("analytics.chart.hour")}</th>
            <th scope="col">{t("analytics.report.issued")}</th>
            <th scope="col">{t("analytics.report.served")}</th>
          </tr>
        </thead>
        <tbody>
          {byHour.map((h) => (
            <tr key={h.hour}>
              <th scope="row">{hourLabel(h.hour)}</th>
              <td>{h.issued}</td>
              <td>{h.served}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
