import { formatTime } from "../../../lib/format";
import { channelDescriptions, channelLabels } from "../board-model";

/** Where the ticket came from: Kiosk, Phone (remote join), Staff or API. */
export function ChannelBadge({ number, channel }: { number: string; channel: string }) {
  const description = channelDescriptions[channel] ?? channel;
  return (
    <span className={`badge badge--channel badge--channel-${channel.toLowerCase()}`} title={description} data-testid={`ticket-channel-${number}`}>
      <span className="visually-hidden">Channel: </span>
      {channelLabels[channel] ?? channel}
    </span>
  );
}

/** The customer said "I'm running late" (and was moved back): when. */
export function RunningLateMarker({ number, at }: { number: string; at: string }) {
  return (
    <span className="badge badge--late" data-testid={`ticket-late-${number}`} title={`The customer said at ${formatTime(at)} that they are running late and was moved back`}>
      Running late · <time dateTime={at}>{formatTime(at)}</time>
    </span>
  );
}
