import { useMutation, useQuery } from "@apollo/client/react";
import type { CreateLineInput, CreateTicketTypeInput, LinesQuery as LinesData, UpdateLineInput, UpdateTicketTypeInput } from "../../../gql/graphql";
import { attempt } from "../../../lib/errors";
import { ArchiveCounterMutation } from "../graphql/archive-counter.mutation";
import { ArchiveLineMutation } from "../graphql/archive-line.mutation";
import { ArchiveTicketTypeMutation } from "../graphql/archive-ticket-type.mutation";
import { CloseCounterMutation } from "../graphql/close-counter.mutation";
import { CreateCounterMutation } from "../graphql/create-counter.mutation";
import { CreateLineMutation } from "../graphql/create-line.mutation";
import { CreateTicketTypeMutation } from "../graphql/create-ticket-type.mutation";
import { LinesQuery } from "../graphql/lines.query";
import { OpenCounterMutation } from "../graphql/open-counter.mutation";
import { RestoreCounterMutation } from "../graphql/restore-counter.mutation";
import { RestoreLineMutation } from "../graphql/restore-line.mutation";
import { RestoreTicketTypeMutation } from "../graphql/restore-ticket-type.mutation";
import { UpdateCounterMutation } from "../graphql/update-counter.mutation";
import { UpdateLineMutation } from "../graphql/update-line.mutation";
import { UpdateTicketTypeMutation } from "../graphql/update-ticket-type.mutation";

export type LineItem = NonNullable<LinesData["tenant"]>["lines"][number];
export type TicketTypeItem = NonNullable<LinesData["tenant"]>["ticketTypes"][number];
export type CounterItem = LineItem["counters"][number];

/**
 * The tenant's lines and ticket types. `includeArchived` (the lines page) lists archived lines, counters and
 * types too, so they can be restored; everywhere else (the board's line picker) they stay hidden.
 */
export function useLines(tenantId: string, options: { includeArchived?: boolean } = {}) {
  const { data, loading, error, refetch } = useQuery(LinesQuery, { variables: { tenantId, includeArchived: options.includeArchived ?? false } });
  const [createLineMutation, createLineState] = useMutation(CreateLineMutation);
  const [updateLineMutation, updateLineState] = useMutation(UpdateLineMutation);
  const [createTypeMutation, createTypeState] = useMutation(CreateTicketTypeMutation);
  const [createCounterMutation, createCounterState] = useMutation(CreateCounterMutation);
  const [openCounterMutation] = useMutation(OpenCounterMutation);
  const [closeCounterMutation] = useMutation(CloseCounterMutation);
  const [archiveLineMutation] = useMutation(ArchiveLineMutation);
  const [restoreLineMutation] = useMutation(RestoreLineMutation);
  const [updateCounterMutation] = useMutation(UpdateCounterMutation);
  const [archiveCounterMutation] = useMutation(ArchiveCounterMutation);
  const [restoreCounterMutation] = useMutation(RestoreCounterMutation);
  const [updateTypeMutation] = useMutation(UpdateTicketTypeMutation);
  const [archiveTypeMutation] = useMutation(ArchiveTicketTypeMutation);
  const [restoreTypeMutation] = useMutation(RestoreTicketTypeMutation);
  /** Runs a change, then re-reads the page (archiving moves things between lists). */
  const andRefetch = (run: () => Promise<unknown>) =>
    attempt(async () => {
      await run();
      await refetch();
    });

  return {
    lines: data?.tenant?.lines ?? null,
    ticketTypes: data?.tenant?.ticketTypes ?? null,
    loading: loading && !data,
    error,
    refetch: () => void refetch(),
    createLine: (input: CreateLineInput) => andRefetch(() => createLineMutation({ variables: { input } })),
    updateLine: (id: string, input: UpdateLineInput) => attempt(async () => void (await updateLineMutation({ variables: { id, input } }))),
    savingLine: createLineState.loading || updateLineState.loading,
    archiveLine: (id: string) => andRefetch(() => archiveLineMutation({ variables: { id } })),
    restoreLine: (id: string) => andRefetch(() => restoreLineMutation({ variables: { id } })),
    createTicketType: (input: CreateTicketTypeInput) => andRefetch(() => createTypeMutation({ variables: { input } })),
    creatingTicketType: createTypeState.loading,
    updateTicketType: (id: string, input: UpdateTicketTypeInput) => attempt(async () => void (await updateTypeMutation({ variables: { id, input } }))),
    archiveTicketType: (id: string) => andRefetch(() => archiveTypeMutation({ variables: { id } })),
    restoreTicketType: (id: string) => andRefetch(() => restoreTypeMutation({ variables: { id } })),
    createCounter: (lineId: string, name: string) => andRefetch(() => createCounterMutation({ variables: { input: { lineId, name: name.trim() } } })),
    creatingCounter: createCounterState.loading,
    renameCounter: (id: string, name: string) => attempt(async () => void (await updateCounterMutation({ variables: { id, input: { name: name.trim() } } }))),
    archiveCounter: (id: string) => andRefetch(() => archiveCounterMutation({ variables: { id } })),
    restoreCounter: (id: string) => andRefetch(() => restoreCounterMutation({ variables: { id } })),
    setCounterOpen: (id: string, open: boolean) =>
      attempt(async () => void (open ? await openCounterMutation({ variables: { id } }) : await closeCounterMutation({ variables: { id } }))),
  };
}
