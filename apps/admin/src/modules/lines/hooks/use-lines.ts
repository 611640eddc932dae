import { useMutation, useQuery } from "@apollo/client/react";
import type { CreateLineInput, CreateTicketTypeInput, LinesQuery as LinesData, UpdateLineInput } from "../../../gql/graphql";
import { attempt } from "../../../lib/errors";
import { CloseCounterMutation } from "../graphql/close-counter.mutation";
import { CreateCounterMutation } from "../graphql/create-counter.mutation";
import { CreateLineMutation } from "../graphql/create-line.mutation";
import { CreateTicketTypeMutation } from "../graphql/create-ticket-type.mutation";
import { LinesQuery } from "../graphql/lines.query";
import { OpenCounterMutation } from "../graphql/open-counter.mutation";
import { UpdateLineMutation } from "../graphql/update-line.mutation";

export type LineItem = NonNullable<LinesData["tenant"]>["lines"][number];
export type TicketTypeItem = NonNullable<LinesData["tenant"]>["ticketTypes"][number];

export function useLines(tenantId: string) {
  const { data, loading, error, refetch } = useQuery(LinesQuery, { variables: { tenantId } });
  const [createLineMutation, createLineState] = useMutation(CreateLineMutation);
  const [updateLineMutation, updateLineState] = useMutation(UpdateLineMutation);
  const [createTypeMutation, createTypeState] = useMutation(CreateTicketTypeMutation);
  const [createCounterMutation, createCounterState] = useMutation(CreateCounterMutation);
  const [openCounterMutation] = useMutation(OpenCounterMutation);
  const [closeCounterMutation] = useMutation(CloseCounterMutation);

  return {
    lines: data?.tenant?.lines ?? null,
    ticketTypes: data?.tenant?.ticketTypes ?? null,
    loading: loading && !data,
    error,
    refetch: () => void refetch(),
    createLine: (input: CreateLineInput) =>
      attempt(async () => {
        await createLineMutation({ variables: { input } });
        await refetch();
      }),
    updateLine: (id: string, input: UpdateLineInput) => attempt(async () => void (await updateLineMutation({ variables: { id, input } }))),
    savingLine: createLineState.loading || updateLineState.loading,
    createTicketType: (input: CreateTicketTypeInput) =>
      attempt(async () => {
        await createTypeMutation({ variables: { input } });
        await refetch();
      }),
    creatingTicketType: createTypeState.loading,
    createCounter: (lineId: string, name: string) =>
      attempt(async () => {
        await createCounterMutation({ variables: { input: { lineId, name: name.trim() } } });
        await refetch();
      }),
    creatingCounter: createCounterState.loading,
    setCounterOpen: (id: string, open: boolean) =>
      attempt(async () => void (open ? await openCounterMutation({ variables: { id } }) : await closeCounterMutation({ variables: { id } }))),
  };
}
