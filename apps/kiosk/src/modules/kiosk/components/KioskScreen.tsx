import { useApolloClient } from "@apollo/client/react";
import { useCallback, useRef, useState } from "react";
import { ticketUrl } from "../../../app/routes";
import { useI18n } from "../../../i18n/i18n";
import { PublicHeader } from "../../../ui/PublicHeader";
import { CannotReach, Loading } from "../../../ui/states";
import { NotPaired } from "../../device/components/NotPaired";
import { linesOfDevice } from "../../device/hooks/use-current-device";
import { TenantBySlugQuery } from "../../tenant/graphql/tenant-by-slug.query";
import type { PublicLine, PublicTenant } from "../../tenant/hooks/use-public-tenant";
import { useIdleReset } from "../hooks/use-idle-reset";
import type { IssuedTicket } from "../hooks/use-issue-ticket";
import { useKioskSetup } from "../hooks/use-kiosk-setup";
import { IssueForm } from "./IssueForm";
import { TicketCard } from "./TicketCard";

export const IDLE_RESET_MS = 60_000;

type Step =
  | { kind: "line" }
  | { kind: "type"; line: PublicLine }
  | { kind: "details"; line: PublicLine; ticketTypeId: string | null }
  | { kind: "ticket"; line: PublicLine; ticket: IssuedTicket };

/** The in-store touch screen: line → ticket type → details → ticket; back to the start after a minute idle. */
export function KioskScreen({ tenant, viaHost, origin = window.location.origin }: { tenant: PublicTenant; viaHost: boolean; origin?: string }) {
  const { t, language, setLanguage } = useI18n();
  // The next customer starts in the device's language, not the previous customer's choice.
  const deviceLanguage = useRef(language);
  const setup = useKioskSetup(tenant.id);
  const [step, setStep] = useState<Step>({ kind: "line" });
  const client = useApolloClient();
  const restart = useCallback(() => setStep({ kind: "line" }), []);
  /** Done or idle: the next customer starts in the device's language, with fresh lines and waiting counts. */
  const nextCustomer = useCallback(() => {
    setStep({ kind: "line" });
    setLanguage(deviceLanguage.current);
    void client.refetchQueries({ include: [TenantBySlugQuery] }).catch(() => undefined);
  }, [client, setLanguage]);
  useIdleReset(step.kind !== "line", IDLE_RESET_MS, nextCustomer);
  const onIssued = useCallback((ticket: IssuedTicket) => setStep((s) => (s.kind === "details" ? { kind: "ticket", line: s.line, ticket } : s)), []);

  if (setup.state === "loading") return <Loading />;
  if (setup.state === "unreachable") return <CannotReach onRetry={setup.retry} />;
  if (setup.state === "rejected") return <NotPaired tenant={tenant} rejected />;

  // A kiosk paired for some lines offers only those.
  const lines = linesOfDevice(tenant.lines, setup.device);
  const chooseLine = (line: PublicLine) => {
    if (line.ticketTypes.length > 1) setStep({ kind: "type", line });
    else setStep({ kind: "details", line, ticketTypeId: line.ticketTypes[0]?.id ?? null });
  };

  return (
    <div className="kiosk">
      <PublicHeader name={tenant.name} logoUrl={tenant.theme.logoUrl} live />
      <main className="kiosk__body">
        {step.kind === "line" ? (
          <section aria-labelledby="choose-line">
            <p className="kiosk__welcome">{t.kioskWelcome}</p>
            <h1 id="choose-line">{t.chooseLine}</h1>
            {lines.length === 0 ? (
              <p className="alert">{t.noLines}</p>
            ) : (
              <div className="tiles">
                {lines.map((line) => (
                  <button key={line.id} type="button" className="tile" onClick={() => chooseLine(line)}>
                    <strong>{line.name}</strong>
                    <span>{t.waitingCount(line.waitingCount)}</span>
                  </button>
                ))}
              </div>
            )}
          </section>
        ) : null}

        {step.kind === "type" ? (
          <section aria-labelledby="choose-type">
            <h1 id="choose-type">{t.chooseType}</h1>
            <p className="kiosk__line-name">{step.line.name}</p>
            <div className="tiles">
              {step.line.ticketTypes.map((type) => (
                <button key={type.id} type="button" className="tile" onClick={() => setStep({ kind: "details", line: step.line, ticketTypeId: type.id })}>
                  <strong>{type.name}</strong>
                </button>
              ))}
            </div>
            <div className="actions">
              <button type="button" className="button button--quiet" onClick={restart}>
                {t.back}
              </button>
            </div>
          </section>
        ) : null}

        {step.kind === "details" ? (
          <>
            <p className="kiosk__line-name">{step.line.name}</p>
            <IssueForm
              key={`${step.line.id}:${step.ticketTypeId ?? ""}`}
              lineId={step.line.id}
              ticketTypeId={step.ticketTypeId}
              extensionSchema={setup.extensionSchema}
              onIssued={onIssued}
              onBack={() => (step.line.ticketTypes.length > 1 ? setStep({ kind: "type", line: step.line }) : restart())}
            />
          </>
        ) : null}

        {step.kind === "ticket" ? (
          <TicketCard
            ticket={step.ticket}
            lineName={step.line.name}
            tenantName={tenant.name}
            trackingUrl={ticketUrl(origin, step.ticket.trackingCode, tenant.slug, viaHost)}
            onDone={nextCustomer}
          />
        ) : null}
      </main>
    </div>
  );
}
