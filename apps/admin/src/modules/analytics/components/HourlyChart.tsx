import { useId } from "react";
import { hourLabel, type Figures } from "../analytics-model";

const width = 720;
const height = 220;
const pad = { top: 16, right: 8, bottom: 28, left: 36 };

/** Tickets issued (and served) per hour of the day: plain SVG, one labelled bar pair per hour, plus a table for screen readers. */
export function HourlyChart({ byHour, timeZone }: { byHour: Figures["byHour"]; timeZone: string | null }) {
  const titleId = useId();
  const max = Math.max(1, ...byHour.map((h) => h.issued));
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const slot = plotW / 24;
  const y = (value: number) => pad.top + plotH - (value / max) * plotH;
  const ticks = max <= 4 ? Array.from({ length: max + 1 }, (_, i) => i) : [0, Math.round(max / 2), max];
  const zone = timeZone ? `in ${timeZone}` : "in each line's time zone";
  const busiest = byHour.reduce((best, h) => (h.issued > best.issued ? h : best), byHour[0] ?? { hour: 0, issued: 0, served: 0 });

  return (
    <figure className="chart">
      <figcaption id={titleId} className="chart__caption">
        Tickets by hour of the day ({zone})
        <span className="chart__legend">
          <span className="chart__key chart__key--issued" aria-hidden="true" /> issued
          <span className="chart__key chart__key--served" aria-hidden="true" /> served
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
          {busiest.issued > 0 ? `Busiest hour ${hourLabel(busiest.hour)} with ${busiest.issued} tickets issued.` : "No tickets issued in this range."}
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
              <title>{`${hourLabel(h.hour)}: ${h.issued} issued, ${h.served} served`}</title>
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
        <caption>Tickets by hour of the day ({zone})</caption>
        <thead>
          <tr>
            <th scope="col">Hour</th>
            <th scope="col">Issued</th>
            <th scope="col">Served</th>
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
