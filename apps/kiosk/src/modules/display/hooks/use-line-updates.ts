import { useSubscription } from "@apollo/client/react";
import type { LineUpdatedSubscription as LineUpdatedResult } from "../../../gql/graphql";
import { LineUpdatedSubscription } from "../graphql/line-updated.subscription";
import { NEXT_COUNT } from "./use-display-board";

export type LineEvent = LineUpdatedResult["lineUpdated"];

/** Follows one line; each event goes to `onEvent` (useDisplayBoard's `onLineEvent` applies it to the board). */
export function useLineUpdates(lineId: string, onEvent: (event: LineEvent) => void): void {
  useSubscription(LineUpdatedSubscription, {
    variables: { lineId, next: NEXT_COUNT },
    onData: ({ data }) => {
      const event = data.data?.lineUpdated;
      if (event) onEvent(event);
    },
  });
}
