import { useMutation } from "@apollo/client/react";
import { attempt } from "../../../lib/errors";
import { EraseCustomerDataMutation } from "../graphql/erase-customer-data.mutation";

/** Erases one customer's data from a ticket now; the returned fields update the cached ticket. */
export function useEraseCustomerData() {
  const [mutate, state] = useMutation(EraseCustomerDataMutation);
  const erase = (ticketId: string) => attempt(async () => (await mutate({ variables: { ticketId } })).data?.eraseCustomerData ?? null);
  return { erase, erasing: state.loading };
}
