import { useI18n } from "../../../i18n/i18n";
import { WaitEstimate } from "../../../ui/WaitEstimate";
import type { JoinLine } from "../hooks/use-join-lines";

/** Why a line cannot be joined now, in words. */
export function useUnavailableText() {
  const { t } = useI18n();
  return (line: JoinLine) => (line.unavailableReason ? t.joinUnavailable[line.unavailableReason] : undefined) ?? t.joinUnavailableGeneric;
}

/** Waiting count and, when the line can be joined and the server shows it, the wait for joining now. */
export function JoinLineFacts({ line }: { line: JoinLine }) {
  const { t } = useI18n();
  return (
    <>
      <span className="join-line__waiting">{t.waitingCount(line.waitingCount)}</span>
      {line.joinable ? <WaitEstimate estimate={line.estimate} label={t.waitIfJoiningNow} className="join-line__estimate" /> : null}
    </>
  );
}
