import { useI18n } from "../i18n/i18n";
import { waitBand } from "../lib/format";

export interface Estimate {
  p50Seconds: number;
  p90Seconds: number;
  basis?: string | null;
}

/**
 * The server's estimate as a band ("about 6–9 min"), with honest wording when it rests on little history.
 * Renders nothing without an estimate: the server decides when a line hides it (never derived here).
 */
export function WaitEstimate({ estimate, label, className, testId = "wait-band" }: { estimate: Estimate | null | undefined; label?: (band: string) => string; className?: string; testId?: string }) {
  const { t, language } = useI18n();
  if (!estimate) return null;
  const band = waitBand(estimate.p50Seconds, estimate.p90Seconds, language);
  return (
    <div className={`wait-estimate ${className ?? ""}`} data-testid={testId} data-basis={estimate.basis ?? undefined}>
      <p className="wait-estimate__band">{label ? label(band) : `${t.estimatedWait}: ${band}`}</p>
      {estimate.basis === "COLD_START" ? <p className="wait-estimate__note">{t.estimateColdStart}</p> : null}
    </div>
  );
}
