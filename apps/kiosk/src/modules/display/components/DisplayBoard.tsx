import { useApolloClient, useQuery, useSubscription } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";
import type { DisplayBoardQuery as DisplayBoardResult, LineUpdatedSubscription as LineUpdatedResult } from "../../../gql/graphql";
import { useI18n } from "../../../i18n/i18n";
import { speechLanguage } from "../../../i18n/messages";
import { chime, speak, speakableNumber, unlockAudio } from "../../../lib/audio";
import { toProblem } from "../../../lib/errors";
import { PublicHeader } from "../../../ui/PublicHeader";
import { CannotReach, Loading } from "../../../ui/states";
import { DeviceSetup } from "../../device/components/DeviceSetup";
import { rejectedKeyCodes } from "../../device/hooks/device-key";
import type { PublicTenant } from "../../tenant/hooks/use-public-tenant";
import { DisplayBoardQuery } from "../graphql/display-board.query";
import { LineUpdatedSubscription } from "../graphql/line-updated.subscription";

type BoardLine = NonNullable<DisplayBoardResult["tenant"]>["lines"][number];
type LineEvent = LineUpdatedResult["lineUpdated"];

const NEXT_COUNT = 5;
const MAX_WITHOUT_COUNTER = 3;

/**
 * Listens to one line. The event's stats go straight into the cache (the board updates at once); the waiting
 * list is refetched shortly after; a CALLED event is announced.
 */
function LineListener({ lineId, onEvent }: { lineId: string; onEvent(event: LineEvent): void }) {
  const client = useApolloClient();
  useSubscription(LineUpdatedSubscription, {
    variables: { lineId },
    onData: ({ data }) => {
      const event = data.data?.lineUpdated;
      if (!event) return;
      client.cache.modify({
        id: client.cache.identify({ __typename: "Line", id: lineId }),
        fields: {
          nowServing: () => event.stats.nowServing,
          waitingCount: () => event.stats.waitingCount,
        },
      });
      onEvent(event);
    },
  });
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

/** `/t/<slug>/display`: the TV. Needs a device key with lines:read and tickets:read. */
export function DisplayBoard({ tenant }: { tenant: PublicTenant }) {
  const { t, language } = useI18n();
  const board = useQuery(DisplayBoardQuery, { variables: { tenantId: tenant.id, next: NEXT_COUNT }, pollInterval: 30_000 });
  const [soundOn, setSoundOn] = useState(false);
  const [highlight, setHighlight] = useState<string | null>(null);
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ soundOn, language, t, refetch: board.refetch });
  useEffect(() => {
    latest.current = { soundOn, language, t, refetch: board.refetch };
  });
  useEffect(() => () => clearTimeout(refetchTimer.current), []);

  const onEvent = (event: LineEvent) => {
    clearTimeout(refetchTimer.current);
    refetchTimer.current = setTimeout(() => void latest.current.refetch().catch(() => undefined), 150);
    if (event.kind !== "CALLED" || !event.ticket) return;
    setHighlight(event.ticket.id);
    const { soundOn: sound, language: lang, t: msgs } = latest.current;
    if (!sound) return;
    chime();
    speak(msgs.announcement(speakableNumber(event.ticket.number), event.ticket.counter?.name ?? null), speechLanguage[lang]);
  };

  if (!board.data) {
    if (board.error) {
      const problem = toProblem(board.error);
      if (problem.code && rejectedKeyCodes.has(problem.code)) return <DeviceSetup tenant={tenant} rejected />;
      return <CannotReach onRetry={() => void board.refetch().catch(() => undefined)} />;
    }
    return <Loading />;
  }
  const lines = board.data.tenant?.lines ?? [];
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
