import { useEffect, useState } from "react";
import { boardHref, navigate } from "../../../app/router";
import { ErrorState, EmptyState, Loading } from "../../../ui/states";
import { useLines } from "../../lines/hooks/use-lines";
import { useCurrentTenant } from "../../tenants/hooks/use-current-tenant";
import { useNow } from "../hooks/use-now";
import { useQueueBoard } from "../hooks/use-queue-board";
import { useTicketActions } from "../hooks/use-ticket-actions";
import { QueueBoard } from "./QueueBoard";
import { useTranslation } from "react-i18next";

const counterKey = (lineId: string) => `qline.admin.counter.${lineId}`;

function readCounter(lineId: string): string | null {
  try {
    return localStorage.getItem(counterKey(lineId));
  } catch {
    return null;
  }
}

function LineBoard({ lineId }: { lineId: string }) {
  const { t } = useTranslation();
  const { can } = useCurrentTenant();
  const { line, loading, error, live, refetch } = useQueueBoard(lineId);
  const actions = useTicketActions(lineId, refetch);
  const now = useNow(15_000);
  const [myCounterId, setMyCounterId] = useState<string | null>(() => readCounter(lineId));

  if (loading) return <Loading label={t("board.loading")} />;
  if (!line) return error ? <ErrorState error={error} onRetry={() => void refetch()} /> : <EmptyState title={t("board.lineNotFound")} />;

  const counterId = myCounterId && line.counters.some((c) => c.id === myCounterId) ? myCounterId : null;
  return (
    <QueueBoard
      line={line}
      now={now}
      live={live}
      canOperate={can("tickets:operate")}
      canErase={can("tickets:erase")}
      canIssue={can("tickets:issue")}
      actions={actions}
      myCounterId={counterId}
      onChooseCounter={(id) => {
        setMyCounterId(id);
        try {
          if (id) localStorage.setItem(counterKey(lineId), id);
          else localStorage.removeItem(counterKey(lineId));
        } catch {
          /* storage disabled */
        }
      }}
    />
  );
}

function LinePicker() {
  const { t } = useTranslation();
  const { tenant } = useCurrentTenant();
  const { lines, loading, error, refetch } = useLines(tenant.id);
  const only = lines?.length === 1 ? lines[0] : undefined;
  useEffect(() => {
    if (only) navigate(boardHref(tenant.id, only.id), { replace: true });
  }, [only, tenant.id]);
  if (loading || only) return <Loading />;
  if (!lines) return <ErrorState error={error} onRetry={refetch} />;
  return (
    <section>
      <h1 className="page-title">{t("board.title")}</h1>
      {lines.length === 0 ? (
        <EmptyState title={t("board.noLinesTitle")}>{t("board.noLinesBody")}</EmptyState>
      ) : (
        <div className="tiles">
          {lines.map((l) => (
            <a key={l.id} className="tile" href={boardHref(tenant.id, l.id)}>
              <strong>
                <span className="prefix">{l.prefix}</span> {l.name}
              </strong>
              <span className="muted">{t("board.waitingCount", { count: l.waitingCount })}</span>
            </a>
          ))}
        </div>
      )}
    </section>
  );
}

export function QueueBoardPage({ lineId }: { lineId: string | undefined }) {
  return lineId ? <LineBoard key={lineId} lineId={lineId} /> : <LinePicker />;
}
