/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query CurrentDevice {\n    currentDevice {\n      id\n      name\n      kind\n      lineIds\n      message\n    }\n  }\n": typeof types.CurrentDeviceDocument,
    "\n  mutation PairDevice($token: String!) {\n    pairDevice(token: $token) {\n      deviceId\n      kind\n      tenantSlug\n      apiKey\n    }\n  }\n": typeof types.PairDeviceDocument,
    "\n  query DisplayBoard($tenantId: ID!, $next: Int!) {\n    tenant(id: $tenantId) {\n      id\n      lines {\n        id\n        name\n        prefix\n        seq\n        acceptingTickets\n        waitingCount\n        counters {\n          id\n          name\n          isOpen\n        }\n        nowServing {\n          ticketId\n          number\n          status\n          counterId\n          counterName\n          calledAt\n        }\n        tickets(status: [WAITING], first: $next) {\n          nodes {\n            id\n            number\n          }\n        }\n      }\n    }\n  }\n": typeof types.DisplayBoardDocument,
    "\n  subscription LineUpdated($lineId: ID!, $next: Int!) {\n    lineUpdated(lineId: $lineId) {\n      kind\n      lineId\n      at\n      seq\n      ticket {\n        id\n        lineId\n        number\n        status\n        position\n        counter {\n          id\n          name\n        }\n      }\n      stats {\n        waitingCount\n        nowServing {\n          ticketId\n          number\n          status\n          counterId\n          counterName\n          calledAt\n        }\n      }\n      waiting(first: $next) {\n        ticketId\n      }\n    }\n  }\n": typeof types.LineUpdatedDocument,
    "\n  fragment JoinLineFields on PublicJoinLine {\n    id\n    name\n    prefix\n    waitingCount\n    joinable\n    unavailableReason\n    ticketTypes {\n      id\n      code\n      name\n    }\n    estimate {\n      p50Seconds\n      p90Seconds\n      basis\n    }\n  }\n": typeof types.JoinLineFieldsFragmentDoc,
    "\n  query JoinLineForm($slug: String!, $lineId: ID!) {\n    tenantBySlug(slug: $slug) {\n      id\n      ticketExtensionSchema\n      joinLine(id: $lineId) {\n        ...JoinLineFields\n      }\n    }\n  }\n": typeof types.JoinLineFormDocument,
    "\n  mutation JoinLine($input: JoinLineInput!) {\n    joinLine(input: $input) {\n      ...PublicTicketFields\n    }\n  }\n": typeof types.JoinLineDocument,
    "\n  query JoinLines($slug: String!) {\n    tenantBySlug(slug: $slug) {\n      id\n      joinLines {\n        ...JoinLineFields\n      }\n    }\n  }\n": typeof types.JoinLinesDocument,
    "\n  mutation IssueTicket($input: IssueTicketInput!) {\n    issueTicket(input: $input) {\n      id\n      number\n      trackingCode\n      status\n      position\n      lineId\n      partySize\n      createdAt\n    }\n  }\n": typeof types.IssueTicketDocument,
    "\n  query KioskSetup($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      ticketExtensionSchema\n      ticketExtensionSchemaVersion\n    }\n    currentDevice {\n      id\n      lineIds\n    }\n  }\n": typeof types.KioskSetupDocument,
    "\n  query TenantBySlug($slug: String!) {\n    tenantBySlug(slug: $slug) {\n      id\n      name\n      slug\n      suspended\n      theme {\n        logoUrl\n        primaryColor\n        accentColor\n        fontFamily\n      }\n      lines {\n        id\n        name\n        prefix\n        waitingCount\n        ticketTypes {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n": typeof types.TenantBySlugDocument,
    "\n  mutation CancelMyTicket($code: String!) {\n    cancelMyTicket(code: $code) {\n      ...PublicTicketFields\n    }\n  }\n": typeof types.CancelMyTicketDocument,
    "\n  fragment PublicTicketFields on PublicTicket {\n    trackingCode\n    number\n    status\n    position\n    lineId\n    lineName\n    counterName\n    createdAt\n    calledAt\n    servedAt\n    completedAt\n    endedAt\n    channel\n    tenantSlug\n    ranLateAt\n    canRunLate\n    runningLatePlaces\n    pushEnabled\n    estimate {\n      p50Seconds\n      p90Seconds\n      basis\n    }\n  }\n": typeof types.PublicTicketFieldsFragmentDoc,
    "\n  mutation RunningLate($code: String!) {\n    runningLate(code: $code) {\n      ...PublicTicketFields\n    }\n  }\n": typeof types.RunningLateDocument,
    "\n  mutation SubscribeTicketPush($code: String!, $subscription: JSON!) {\n    subscribeTicketPush(code: $code, subscription: $subscription) {\n      ...PublicTicketFields\n    }\n  }\n": typeof types.SubscribeTicketPushDocument,
    "\n  query TicketByCode($code: String!) {\n    ticketByCode(code: $code) {\n      ...PublicTicketFields\n    }\n  }\n": typeof types.TicketByCodeDocument,
    "\n  subscription TicketUpdated($code: String!) {\n    ticketUpdated(code: $code) {\n      ...PublicTicketFields\n    }\n  }\n": typeof types.TicketUpdatedDocument,
    "\n  mutation UnsubscribeTicketPush($code: String!) {\n    unsubscribeTicketPush(code: $code) {\n      ...PublicTicketFields\n    }\n  }\n": typeof types.UnsubscribeTicketPushDocument,
    "\n  query WebPushPublicKey {\n    webPushPublicKey\n  }\n": typeof types.WebPushPublicKeyDocument,
};
const documents: Documents = {
    "\n  query CurrentDevice {\n    currentDevice {\n      id\n      name\n      kind\n      lineIds\n      message\n    }\n  }\n": types.CurrentDeviceDocument,
    "\n  mutation PairDevice($token: String!) {\n    pairDevice(token: $token) {\n      deviceId\n      kind\n      tenantSlug\n      apiKey\n    }\n  }\n": types.PairDeviceDocument,
    "\n  query DisplayBoard($tenantId: ID!, $next: Int!) {\n    tenant(id: $tenantId) {\n      id\n      lines {\n        id\n        name\n        prefix\n        seq\n        acceptingTickets\n        waitingCount\n        counters {\n          id\n          name\n          isOpen\n        }\n        nowServing {\n          ticketId\n          number\n          status\n          counterId\n          counterName\n          calledAt\n        }\n        tickets(status: [WAITING], first: $next) {\n          nodes {\n            id\n            number\n          }\n        }\n      }\n    }\n  }\n": types.DisplayBoardDocument,
    "\n  subscription LineUpdated($lineId: ID!, $next: Int!) {\n    lineUpdated(lineId: $lineId) {\n      kind\n      lineId\n      at\n      seq\n      ticket {\n        id\n        lineId\n        number\n        status\n        position\n        counter {\n          id\n          name\n        }\n      }\n      stats {\n        waitingCount\n        nowServing {\n          ticketId\n          number\n          status\n          counterId\n          counterName\n          calledAt\n        }\n      }\n      waiting(first: $next) {\n        ticketId\n      }\n    }\n  }\n": types.LineUpdatedDocument,
    "\n  fragment JoinLineFields on PublicJoinLine {\n    id\n    name\n    prefix\n    waitingCount\n    joinable\n    unavailableReason\n    ticketTypes {\n      id\n      code\n      name\n    }\n    estimate {\n      p50Seconds\n      p90Seconds\n      basis\n    }\n  }\n": types.JoinLineFieldsFragmentDoc,
    "\n  query JoinLineForm($slug: String!, $lineId: ID!) {\n    tenantBySlug(slug: $slug) {\n      id\n      ticketExtensionSchema\n      joinLine(id: $lineId) {\n        ...JoinLineFields\n      }\n    }\n  }\n": types.JoinLineFormDocument,
    "\n  mutation JoinLine($input: JoinLineInput!) {\n    joinLine(input: $input) {\n      ...PublicTicketFields\n    }\n  }\n": types.JoinLineDocument,
    "\n  query JoinLines($slug: String!) {\n    tenantBySlug(slug: $slug) {\n      id\n      joinLines {\n        ...JoinLineFields\n      }\n    }\n  }\n": types.JoinLinesDocument,
    "\n  mutation IssueTicket($input: IssueTicketInput!) {\n    issueTicket(input: $input) {\n      id\n      number\n      trackingCode\n      status\n      position\n      lineId\n      partySize\n      createdAt\n    }\n  }\n": types.IssueTicketDocument,
    "\n  query KioskSetup($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      ticketExtensionSchema\n      ticketExtensionSchemaVersion\n    }\n    currentDevice {\n      id\n      lineIds\n    }\n  }\n": types.KioskSetupDocument,
    "\n  query TenantBySlug($slug: String!) {\n    tenantBySlug(slug: $slug) {\n      id\n      name\n      slug\n      suspended\n      theme {\n        logoUrl\n        primaryColor\n        accentColor\n        fontFamily\n      }\n      lines {\n        id\n        name\n        prefix\n        waitingCount\n        ticketTypes {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n": types.TenantBySlugDocument,
    "\n  mutation CancelMyTicket($code: String!) {\n    cancelMyTicket(code: $code) {\n      ...PublicTicketFields\n    }\n  }\n": types.CancelMyTicketDocument,
    "\n  fragment PublicTicketFields on PublicTicket {\n    trackingCode\n    number\n    status\n    position\n    lineId\n    lineName\n    counterName\n    createdAt\n    calledAt\n    servedAt\n    completedAt\n    endedAt\n    channel\n    tenantSlug\n    ranLateAt\n    canRunLate\n    runningLatePlaces\n    pushEnabled\n    estimate {\n      p50Seconds\n      p90Seconds\n      basis\n    }\n  }\n": types.PublicTicketFieldsFragmentDoc,
    "\n  mutation RunningLate($code: String!) {\n    runningLate(code: $code) {\n      ...PublicTicketFields\n    }\n  }\n": types.RunningLateDocument,
    "\n  mutation SubscribeTicketPush($code: String!, $subscription: JSON!) {\n    subscribeTicketPush(code: $code, subscription: $subscription) {\n      ...PublicTicketFields\n    }\n  }\n": types.SubscribeTicketPushDocument,
    "\n  query TicketByCode($code: String!) {\n    ticketByCode(code: $code) {\n      ...PublicTicketFields\n    }\n  }\n": types.TicketByCodeDocument,
    "\n  subscription TicketUpdated($code: String!) {\n    ticketUpdated(code: $code) {\n      ...PublicTicketFields\n    }\n  }\n": types.TicketUpdatedDocument,
    "\n  mutation UnsubscribeTicketPush($code: String!) {\n    unsubscribeTicketPush(code: $code) {\n      ...PublicTicketFields\n    }\n  }\n": types.UnsubscribeTicketPushDocument,
    "\n  query WebPushPublicKey {\n    webPushPublicKey\n  }\n": types.WebPushPublicKeyDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurrentDevice {\n    currentDevice {\n      id\n      name\n      kind\n      lineIds\n      message\n    }\n  }\n"): (typeof documents)["\n  query CurrentDevice {\n    currentDevice {\n      id\n      name\n      kind\n      lineIds\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PairDevice($token: String!) {\n    pairDevice(token: $token) {\n      deviceId\n      kind\n      tenantSlug\n      apiKey\n    }\n  }\n"): (typeof documents)["\n  mutation PairDevice($token: String!) {\n    pairDevice(token: $token) {\n      deviceId\n      kind\n      tenantSlug\n      apiKey\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DisplayBoard($tenantId: ID!, $next: Int!) {\n    tenant(id: $tenantId) {\n      id\n      lines {\n        id\n        name\n        prefix\n        seq\n        acceptingTickets\n        waitingCount\n        counters {\n          id\n          name\n          isOpen\n        }\n        nowServing {\n          ticketId\n          number\n          status\n          counterId\n          counterName\n          calledAt\n        }\n        tickets(status: [WAITING], first: $next) {\n          nodes {\n            id\n            number\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DisplayBoard($tenantId: ID!, $next: Int!) {\n    tenant(id: $tenantId) {\n      id\n      lines {\n        id\n        name\n        prefix\n        seq\n        acceptingTickets\n        waitingCount\n        counters {\n          id\n          name\n          isOpen\n        }\n        nowServing {\n          ticketId\n          number\n          status\n          counterId\n          counterName\n          calledAt\n        }\n        tickets(status: [WAITING], first: $next) {\n          nodes {\n            id\n            number\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LineUpdated($lineId: ID!, $next: Int!) {\n    lineUpdated(lineId: $lineId) {\n      kind\n      lineId\n      at\n      seq\n      ticket {\n        id\n        lineId\n        number\n        status\n        position\n        counter {\n          id\n          name\n        }\n      }\n      stats {\n        waitingCount\n        nowServing {\n          ticketId\n          number\n          status\n          counterId\n          counterName\n          calledAt\n        }\n      }\n      waiting(first: $next) {\n        ticketId\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription LineUpdated($lineId: ID!, $next: Int!) {\n    lineUpdated(lineId: $lineId) {\n      kind\n      lineId\n      at\n      seq\n      ticket {\n        id\n        lineId\n        number\n        status\n        position\n        counter {\n          id\n          name\n        }\n      }\n      stats {\n        waitingCount\n        nowServing {\n          ticketId\n          number\n          status\n          counterId\n          counterName\n          calledAt\n        }\n      }\n      waiting(first: $next) {\n        ticketId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JoinLineFields on PublicJoinLine {\n    id\n    name\n    prefix\n    waitingCount\n    joinable\n    unavailableReason\n    ticketTypes {\n      id\n      code\n      name\n    }\n    estimate {\n      p50Seconds\n      p90Seconds\n      basis\n    }\n  }\n"): (typeof documents)["\n  fragment JoinLineFields on PublicJoinLine {\n    id\n    name\n    prefix\n    waitingCount\n    joinable\n    unavailableReason\n    ticketTypes {\n      id\n      code\n      name\n    }\n    estimate {\n      p50Seconds\n      p90Seconds\n      basis\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JoinLineForm($slug: String!, $lineId: ID!) {\n    tenantBySlug(slug: $slug) {\n      id\n      ticketExtensionSchema\n      joinLine(id: $lineId) {\n        ...JoinLineFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query JoinLineForm($slug: String!, $lineId: ID!) {\n    tenantBySlug(slug: $slug) {\n      id\n      ticketExtensionSchema\n      joinLine(id: $lineId) {\n        ...JoinLineFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JoinLine($input: JoinLineInput!) {\n    joinLine(input: $input) {\n      ...PublicTicketFields\n    }\n  }\n"): (typeof documents)["\n  mutation JoinLine($input: JoinLineInput!) {\n    joinLine(input: $input) {\n      ...PublicTicketFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JoinLines($slug: String!) {\n    tenantBySlug(slug: $slug) {\n      id\n      joinLines {\n        ...JoinLineFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query JoinLines($slug: String!) {\n    tenantBySlug(slug: $slug) {\n      id\n      joinLines {\n        ...JoinLineFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueTicket($input: IssueTicketInput!) {\n    issueTicket(input: $input) {\n      id\n      number\n      trackingCode\n      status\n      position\n      lineId\n      partySize\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation IssueTicket($input: IssueTicketInput!) {\n    issueTicket(input: $input) {\n      id\n      number\n      trackingCode\n      status\n      position\n      lineId\n      partySize\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KioskSetup($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      ticketExtensionSchema\n      ticketExtensionSchemaVersion\n    }\n    currentDevice {\n      id\n      lineIds\n    }\n  }\n"): (typeof documents)["\n  query KioskSetup($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      ticketExtensionSchema\n      ticketExtensionSchemaVersion\n    }\n    currentDevice {\n      id\n      lineIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantBySlug($slug: String!) {\n    tenantBySlug(slug: $slug) {\n      id\n      name\n      slug\n      suspended\n      theme {\n        logoUrl\n        primaryColor\n        accentColor\n        fontFamily\n      }\n      lines {\n        id\n        name\n        prefix\n        waitingCount\n        ticketTypes {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TenantBySlug($slug: String!) {\n    tenantBySlug(slug: $slug) {\n      id\n      name\n      slug\n      suspended\n      theme {\n        logoUrl\n        primaryColor\n        accentColor\n        fontFamily\n      }\n      lines {\n        id\n        name\n        prefix\n        waitingCount\n        ticketTypes {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelMyTicket($code: String!) {\n    cancelMyTicket(code: $code) {\n      ...PublicTicketFields\n    }\n  }\n"): (typeof documents)["\n  mutation CancelMyTicket($code: String!) {\n    cancelMyTicket(code: $code) {\n      ...PublicTicketFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PublicTicketFields on PublicTicket {\n    trackingCode\n    number\n    status\n    position\n    lineId\n    lineName\n    counterName\n    createdAt\n    calledAt\n    servedAt\n    completedAt\n    endedAt\n    channel\n    tenantSlug\n    ranLateAt\n    canRunLate\n    runningLatePlaces\n    pushEnabled\n    estimate {\n      p50Seconds\n      p90Seconds\n      basis\n    }\n  }\n"): (typeof documents)["\n  fragment PublicTicketFields on PublicTicket {\n    trackingCode\n    number\n    status\n    position\n    lineId\n    lineName\n    counterName\n    createdAt\n    calledAt\n    servedAt\n    completedAt\n    endedAt\n    channel\n    tenantSlug\n    ranLateAt\n    canRunLate\n    runningLatePlaces\n    pushEnabled\n    estimate {\n      p50Seconds\n      p90Seconds\n      basis\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunningLate($code: String!) {\n    runningLate(code: $code) {\n      ...PublicTicketFields\n    }\n  }\n"): (typeof documents)["\n  mutation RunningLate($code: String!) {\n    runningLate(code: $code) {\n      ...PublicTicketFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubscribeTicketPush($code: String!, $subscription: JSON!) {\n    subscribeTicketPush(code: $code, subscription: $subscription) {\n      ...PublicTicketFields\n    }\n  }\n"): (typeof documents)["\n  mutation SubscribeTicketPush($code: String!, $subscription: JSON!) {\n    subscribeTicketPush(code: $code, subscription: $subscription) {\n      ...PublicTicketFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketByCode($code: String!) {\n    ticketByCode(code: $code) {\n      ...PublicTicketFields\n    }\n  }\n"): (typeof documents)["\n  query TicketByCode($code: String!) {\n    ticketByCode(code: $code) {\n      ...PublicTicketFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TicketUpdated($code: String!) {\n    ticketUpdated(code: $code) {\n      ...PublicTicketFields\n    }\n  }\n"): (typeof documents)["\n  subscription TicketUpdated($code: String!) {\n    ticketUpdated(code: $code) {\n      ...PublicTicketFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnsubscribeTicketPush($code: String!) {\n    unsubscribeTicketPush(code: $code) {\n      ...PublicTicketFields\n    }\n  }\n"): (typeof documents)["\n  mutation UnsubscribeTicketPush($code: String!) {\n    unsubscribeTicketPush(code: $code) {\n      ...PublicTicketFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebPushPublicKey {\n    webPushPublicKey\n  }\n"): (typeof documents)["\n  query WebPushPublicKey {\n    webPushPublicKey\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;