/** Setting up through the real API: a signed-up owner with a tenant, lines and counters. */
import { randomBytes } from "node:crypto";
import { GqlClient } from "./http.js";

export interface Owner {
  token: string;
  tenantId: string;
  userId: string;
  client: GqlClient;
}

export async function signUp(url: string, sockets = 64): Promise<Owner> {
  const anon = new GqlClient(url);
  const slug = `bench-${randomBytes(4).toString("hex")}`;
  const data = await anon.ok<{ signUp: { token: string; user: { id: string } } }>(
    `mutation($input: SignUpInput!) { signUp(input: $input) { token user { id } } }`,
    { input: { email: `${slug}@bench.test`, password: "bench-password-42", name: "Bench", accountName: "Bench Inc", tenantName: "Bench HQ", tenantSlug: slug } },
  );
  anon.close();
  const client = new GqlClient(url, `Bearer ${data.signUp.token}`, sockets);
  const me = await client.ok<{ me: { memberships: { tenant: { id: string } }[] } }>(`{ me { memberships { tenant { id } } } }`);
  return { token: data.signUp.token, tenantId: me.me.memberships[0]!.tenant.id, userId: data.signUp.user.id, client };
}

export async function createLine(owner: Owner, name = "Main", prefix = "A"): Promise<string> {
  const data = await owner.client.ok<{ createLine: { id: string } }>(`mutation($input: CreateLineInput!) { createLine(input: $input) { id } }`, {
    input: { tenantId: owner.tenantId, name, prefix },
  });
  return data.createLine.id;
}

export async function createCounter(owner: Owner, lineId: string, name = "Desk 1"): Promise<string> {
  const data = await owner.client.ok<{ createCounter: { id: string } }>(`mutation($input: CreateCounterInput!) { createCounter(input: $input) { id } }`, {
    input: { lineId, name },
  });
  return data.createCounter.id;
}

/** What a kiosk asks for when it issues (the fields the kiosk shows). */
export const issueMutation = `mutation($input: IssueTicketInput!) { issueTicket(input: $input) { id number trackingCode status position } }`;
export const callNextMutation = `mutation($l: ID!, $c: ID) { callNext(lineId: $l, counterId: $c) { id number status position lineId } }`;

/**
 * Waiting tickets added in bulk as the owner (a deep queue without paying for the API): numbered after the
 * line's current counter, in queue order.
 */
export const bulkWaitingSql = `
  insert into tickets (tenant_id, id, line_id, issued_line_id, service_day, seq, number, tracking_code, status, sort_key, party_size)
  select $1::uuid, gen_random_uuid(), $2::uuid, $2::uuid, '2000-01-01'::date, g, 'B' || g, 'bulk-' || $2 || '-' || g, 'WAITING', g, 1
  from generate_series($4::int + 1, $4::int + $3::int) g`;
