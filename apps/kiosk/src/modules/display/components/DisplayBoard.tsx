import { useEffect, useRef, useState } from "react";
import { useI18n } from "../../../i18n/i18n";
import { speechLanguage } from "../../../i18n/messages";
import { chime, speak, speakableNumber, unlockAudio } from "../../../lib/audio";
import { PublicHeader } from "../../../ui/PublicHeader";
import { CannotReach, Loading } from "../../../ui/states";
import { DeviceSetup } from "../../device/components/DeviceSetup";
import type { PublicTenant } from "../../tenant/hooks/use-public-tenant";
import { useDisplayBoard, type BoardLine } from "../hooks/use-display-board";
import { useLineUpdates, type LineEvent } from "../hooks/use-line-updates";

const MAX_WITHOUT_COUNTER = 3;

/** One per line (hooks cannot run in a loop); renders nothing. */
function LineListener({ lineId, onEvent }: { lineId: string; onEvent(event: LineEvent): void }) {
  useLineUpdates(lineId, onEvent);
  return null;
}

function LinePanel({ line, highlight }: { line: BoardLine; highlight: string | null }) {
  const { t } = useI18n();
  const serving = new Map(line.nowServing.filter((n) => n.counterId).map((n) => [n.counterId!, n]));
  const rows = [
    ...line.counters.filter((c) => c.isOpen || serving.has(c.id)).map((c) => ({ key: c.id, counter: c.name, entry: serving.get(c.id) ?? null })),
    // Called without a counter: the latest few (nowServing is latest call first).
    ...line.nowServing
      .filter((n) => !n.counterId)
      .slice(0, MAX_WITHOUT_COUNTER)
      .map((n) => ({ key: n.ticketId, counter: n.counterName ?? "—", entry: n })),
  ];
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
              <td>{row.counter}</td>
              <td className="board-line__number" data-testid="now-serving-number">
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

/** `/t/<slug>/display`: the TV. Needs a device key with lines:read and display:read (the Display or Kiosk preset: no personal data). */
export function DisplayBoard({ tenant }: { tenant: PublicTenant }) {
  const { t, language } = useI18n();
  const { board, onLineEvent } = useDisplayBoard(tenant.id);
  const [soundOn, setSoundOn] = useState(false);
  const [highlight, setHighlight] = useState<string | null>(null);
  const latest = useRef({ soundOn, language, t });
  useEffect(() => {
    latest.current = { soundOn, language, t };
  });

  const onEvent = (event: LineEvent) => {
    if (!onLineEvent(event) || event.kind !== "CALLED" || !event.ticket) return;
    setHighlight(event.ticket.id);
    const { soundOn: sound, language: lang, t: msgs } = latest.current;
    if (!sound) return;
    chime();
    speak(msgs.announcement(speakableNumber(event.ticket.number), event.ticket.counter?.name ?? null), speechLanguage[lang]);
  };

  if (board.state === "loading") return <Loading />;
  if (board.state === "unreachable") return <CannotReach onRetry={board.retry} />;
  if (board.state === "rejected") return <DeviceSetup tenant={tenant} rejected />;
  const lines = board.lines;
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
    <div className="display">
      <PublicHeader name={tenant.name} logoUrl={tenant.theme.logoUrl} live extra={soundButton} />
      <main className="display__lines">
        {lines.map((line) => (
          <LinePanel key={line.id} line={line} highlight={highlight} />
        ))}
      </main>
      {lines.map((line) => (
        <LineListener key={line.id} lineId={line.id} onEvent={onEvent} />
      ))}
    </div>
  );
}
