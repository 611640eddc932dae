import { useMutation, useQuery } from "@apollo/client/react";
import { useCallback, useRef } from "react";
import type { JoinLineInput, PublicTicketFieldsFragment } from "../../../gql/graphql";
import { deviceId } from "../../../lib/device-id";
import { useIdempotentSubmit } from "../../ticket-form/hooks/use-idempotent-submit";
import { JoinLineFormQuery } from "../graphql/join-line-form.query";
import { JoinLineMutation } from "../graphql/join-line.mutation";

/** One remote-join line and the tenant's custom fields; `line` null when unknown or not taking remote joins. */
export function useJoinLineForm(slug: string, lineId: string) {
  const { data, error, refetch } = useQuery(JoinLineFormQuery, { variables: { slug, lineId } });
  const tenant = data?.tenantBySlug;
  const latestRefetch = useRef(refetch);
  latestRefetch.current = refetch;
  // Stable: the form re-checks from an effect keyed on it.
  const recheck = useCallback(() => latestRefetch.current().then(() => undefined, () => undefined), []);
  return {
    loading: !data && !error,
    error: data ? undefined : error,
    line: tenant?.joinLine ?? null,
    extensionSchema: tenant?.ticketExtensionSchema ?? null,
    /** Resolves when the line's current state is known (after a CONFLICT or LIMIT_EXCEEDED). */
    recheck,
  };
}

type Input = Omit<JoinLineInput, "idempotencyKey" | "deviceId" | "slug">;

/**
 * joinLine with one idempotency key per tap (a network retry reuses it), this browser's device id and the join
 * page's tenant (the API refuses a line of another tenant with NOT_FOUND).
 */
export function useJoinLine(slug: string, onJoined: (ticket: PublicTicketFieldsFragment) => void) {
  const [mutate] = useMutation(JoinLineMutation);
  const send = useCallback(
    async (input: Input & { idempotencyKey: string }) => {
      const result = await mutate({ variables: { input: { ...input, slug, deviceId: deviceId() } } });
      const ticket = result.data?.joinLine;
      if (!ticket) throw new Error("No ticket in the answer");
      return ticket;
    },
    [mutate, slug],
  );
  return useIdempotentSubmit(send, onJoined);
}
