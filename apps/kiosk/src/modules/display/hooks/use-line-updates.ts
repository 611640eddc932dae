import { useApolloClient, useSubscription } from "@apollo/client/react";
import type { LineUpdatedSubscription as LineUpdatedResult } from "../../../gql/graphql";
import { LineUpdatedSubscription } from "../graphql/line-updated.subscription";

export type LineEvent = LineUpdatedResult["lineUpdated"];

/** Follows one line: the event's stats go straight into the cached Line (the board redraws at once). */
export function useLineUpdates(lineId: string, onEvent: (event: LineEvent) => void): void {
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
}
