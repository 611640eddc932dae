import { useEffect, useRef, useState, type CSSProperties } from "react";
import { useI18n } from "../../../i18n/i18n";
import { speechLanguage } from "../../../i18n/messages";
import { chime, speak, speakableNumber, unlockAudio } from "../../../lib/audio";
import { PublicHeader } from "../../../ui/PublicHeader";
import { CannotReach, Loading } from "../../../ui/states";
import { NotPaired } from "../../device/components/NotPaired";
import { linesOfDevice, useCurrentDevice } from "../../device/hooks/use-current-device";
import type { PublicTenant } from "../../tenant/hooks/use-public-tenant";
import { useDisplayBoard, type BoardLine } from "../hooks/use-display-board";
import { useLineUpdates, type LineEvent } from "../hooks/use-line-updates";
import { displayLayout, latestCalls, type RecentCall } from "../lib/display-layout";

const MAX_WITHOUT_COUNTER = 3;
const LAST_CALLS = 6;

/** One per line (hooks cannot run in a loop); renders nothing. */
function LineListener({ lineId, onEvent }: { lineId: string; onEvent(event: LineEvent): void }) {
  useLineUpdates(lineId, onEvent);
  return null;
}

type ServingEntry = BoardLine["nowServing"][number];
interface ServingRow {
  key: string;
  counter: string;
  entry: ServingEntry | null;
}

/** Open counters (with whom they serve) and the latest calls without a counter; rows with a call first, newest first. */
function servingRows(line: BoardLine): ServingRow[] {
  const serving = new Map(line.nowServing.filter((n) => n.counterId).map((n) => [n.counterId!, n]));
  const rows: ServingRow[] = [
    ...line.counters.filter((c) => c.isOpen || serving.has(c.id)).map((c) => ({ key: c.id, counter: c.name, entry: serving.get(c.id) ?? null })),
    // Called without a counter: the latest few (nowServing is latest call first).
    ...line.nowServing
      .filter((n) => !n.counterId)
      .slice(0, MAX_WITHOUT_COUNTER)
      .map((n) => ({ key: n.ticketId, counter: n.counterName ?? "—", entry: n })),
  ];
  const calledAt = (row: ServingRow) => (row.entry?.calledAt ? Date.parse(row.entry.calledAt) : Number.NEGATIVE_INFINITY);
  return rows.map((row, i) => ({ row, i })).sort((a, b) => calledAt(b.row) - calledAt(a.row) || a.i - b.i).map(({ row }) => row);
}

function LinePanel({ line, rows, highlight }: { line: BoardLine; rows: ServingRow[]; highlight: string | null }) {
  const { t } = useI18n();
  const next = line.tickets.nodes;
  return (
    <section className="board-line" aria-labelledby={`line-${line.id}`} data-testid={`board-line-${line.id}`}>
      <h2 id={`line-${line.id}`}>{line.name}</h2>
      <table className="board-line__serving">
        <thead>
          <tr>
            <th scope="col">{t.counter}</th>
            <th scope="col">{t.nowServing}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={row.entry && row.entry.ticketId === highlight ? "board-line__row--fresh" : undefined}>
              <td className="board-line__counter">{row.counter}</td>
              <td className="board-line__number" data-testid="now-serving-number" style={{ fontSize: "var(--display-number-size)" }}>
                {row.entry?.number ?? "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="board-line__next">
        <h3>{t.next}</h3>
        {next.length === 0 ? (
          <p className="hint">{t.nobodyWaiting}</p>
        ) : (
          <ol>
            {next.map((ticket) => (
              <li key={ticket.id}>{ticket.number}</li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

/** The calls already on the board when it loads (each line's now-serving list). */
function callsOnBoard(lines: readonly BoardLine[]): RecentCall[] {
  return lines.flatMap((line) =>
    line.nowServing.filter((n) => n.calledAt).map((n) => ({ ticketId: n.ticketId, number: n.number, counterName: n.counterName ?? null, lineName: line.name, calledAt: n.calledAt! })),
  );
}

/**
 * `/t/<slug>/display`: the TV in the waiting room, full screen and readable from ~10 m (numbers ≥ 12% of the
 * screen height, lib/display-layout.ts). Shows the device's lines (all when it has none) side by side, the last
 * calls, the tenant's logo and colours, and the device's message strip. Needs a device key with lines:read and
 * display:read (a paired display, or the Display/Kiosk preset: no personal data).
 */
export function DisplayBoard({ tenant }: { tenant: PublicTenant }) {
  const { t, language } = useI18n();
  const { board, onLineEvent } = useDisplayBoard(tenant.id);
  const device = useCurrentDevice();
  const [soundOn, setSoundOn] = useState(false);
  const [highlight, setHighlight] = useState<string | null>(null);
  const [heardCalls, setHeardCalls] = useState<RecentCall[]>([]);
  const latest = useRef({ soundOn, language, t, lineNames: new Map<string, string>() });
  const lineNames = new Map(board.state === "ready" ? board.lines.map((l) => [l.id, l.name]) : []);
  useEffect(() => {
    latest.current = { soundOn, language, t, lineNames };
  });

  const onEvent = (event: LineEvent) => {
    if (!onLineEvent(event) || event.kind !== "CALLED" || !event.ticket) return;
    const ticket = event.ticket;
    setHighlight(ticket.id);
    const { soundOn: sound, language: lang, t: msgs, lineNames: names } = latest.current;
    setHeardCalls((calls) =>
      latestCalls([{ ticketId: ticket.id, number: ticket.number, counterName: ticket.counter?.name ?? null, lineName: names.get(event.lineId) ?? "", calledAt: event.at }, ...calls], LAST_CALLS),
    );
    if (!sound) return;
    chime();
    speak(msgs.announcement(speakableNumber(ticket.number), ticket.counter?.name ?? null), speechLanguage[lang]);
  };

  if (board.state === "loading") return <Loading />;
  if (board.state === "unreachable") return <CannotReach onRetry={board.retry} />;
  if (board.state === "rejected") return <NotPaired tenant={tenant} rejected />;
  const lines = linesOfDevice(board.lines, device);
  const rowsByLine = new Map(lines.map((line) => [line.id, servingRows(line)]));
  const message = device?.message?.trim() || null;
  const layout = displayLayout(lines.length, Math.max(1, ...[...rowsByLine.values()].map((rows) => rows.length)), message !== null);
  const calls = latestCalls([...heardCalls, ...callsOnBoard(lines)], LAST_CALLS);
  const style = { "--display-number-size": `${layout.numberVh}vh`, "--display-columns": String(layout.columns) } as CSSProperties;

  const soundButton = soundOn ? (
    <span className="hint">{t.soundEnabled}</span>
  ) : (
    <button
      type="button"
      className="button"
      onClick={() => {
        unlockAudio();
        setSoundOn(true);
      }}
    >
      {t.soundOn}
    </button>
  );
  return (
    <div className={`display${message ? " display--with-message" : ""}`} style={style} data-testid="display">
      <PublicHeader name={tenant.name} logoUrl={tenant.theme.logoUrl} live extra={soundButton} />
      <main className="display__lines">
        {lines.map((line) => (
          <LinePanel key={line.id} line={line} rows={(rowsByLine.get(line.id) ?? []).slice(0, layout.rowsPerPanel)} highlight={highlight} />
        ))}
      </main>
      <section className="display__calls" aria-labelledby="last-calls">
        <h2 id="last-calls">{t.lastCalls}</h2>
        {calls.length === 0 ? (
          <p className="hint">{t.noCallsYet}</p>
        ) : (
          <ol data-testid="last-calls">
            {calls.map((call) => (
              <li key={call.ticketId}>
                <strong>{call.number}</strong>
                {call.counterName ? <span>{call.counterName}</span> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      {message ? (
        <p className="display__message" data-testid="display-message">
          {message}
        </p>
      ) : null}
      {lines.map((line) => (
        <LineListener key={line.id} lineId={line.id} onEvent={onEvent} />
      ))}
    </div>
  );
}
