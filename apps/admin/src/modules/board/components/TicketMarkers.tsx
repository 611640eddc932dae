import { useTranslation } from "react-i18next";
import { formatTime } from "../../../lib/format";
import { ticketChannels } from "../board-model";

/** Where the ticket came from: Kiosk, Phone (remote join), Staff or API. */
export function ChannelBadge({ number, channel }: { number: string; channel: string }) {
  const { t } = useTranslation();
  const known = ticketChannels.includes(channel);
  const description = known ? t(`board.channelDescription.${channel}`) : channel;
  return (
    <span className={`badge badge--channel badge--channel-${channel.toLowerCase()}`} title={description} data-testid={`ticket-channel-${number}`}>
      <span className="visually-hidden">{t("board.channel.label")}</span>
      {known ? t(`board.channel.${channel}`) : channel}
    </span>
  );
}

/** The customer said "I'm running late" (and was moved back): when. */
export function RunningLateMarker({ number, at }: { number: string; at: string }) {
  const { t } = useTranslation();
  return (
    <span className="badge badge--late" data-testid={`ticket-late-${number}`} title={t("board.runningLateTitle", { time: formatTime(at) })}>
      {t("board.runningLate")}<time dateTime={at}>{formatTime(at)}</time>
    </span>
  );
}
