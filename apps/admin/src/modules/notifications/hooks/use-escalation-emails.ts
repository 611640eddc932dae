import { useMutation } from "@apollo/client/react";
import { attempt } from "../../../lib/errors";
import { SetMyEscalationEmailsMutation } from "../graphql/set-my-escalation-emails.mutation";

/** Opt the signed-in MANAGER+ in or out of "a ticket waits too long" emails for this tenant. */
export function useEscalationEmails(tenantId: string) {
  const [mutate, state] = useMutation(SetMyEscalationEmailsMutation);
  return {
    set: (enabled: boolean) =>
      attempt(async () => {
        const answer = (await mutate({ variables: { tenantId, enabled } })).data?.setMyEscalationEmails;
        if (typeof answer !== "boolean") throw new Error("The server sent no answer");
        return answer;
      }),
    saving: state.loading,
  };
}
