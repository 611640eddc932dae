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
    "\n  query ActivityLines($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      lines {\n        id\n        name\n        prefix\n        waitingCount\n      }\n    }\n  }\n": typeof types.ActivityLinesDocument,
    "\n  subscription TenantActivity($tenantId: ID!) {\n    tenantActivity(tenantId: $tenantId) {\n      kind\n      tenantId\n      lineId\n      at\n      ticket {\n        id\n        number\n        status\n      }\n      stats {\n        waitingCount\n      }\n    }\n  }\n": typeof types.TenantActivityDocument,
    "\n  fragment AnalyticsFields on QueueAnalytics {\n    from\n    to\n    timeZone\n    tenantCount\n    issued\n    served\n    noShows\n    cancelled\n    expired\n    open\n    waitSamples\n    averageWaitSeconds\n    p90WaitSeconds\n    noShowRate\n    cancellationRate\n    byHour {\n      hour\n      issued\n      served\n    }\n    estimateAccuracy {\n      samples\n      meanAbsoluteErrorSeconds\n      pastP90Share\n    }\n  }\n": typeof types.AnalyticsFieldsFragmentDoc,
    "\n  query AnalyticsLines($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      lines(includeArchived: true) {\n        id\n        name\n        timeZone\n        archivedAt\n      }\n    }\n  }\n": typeof types.AnalyticsLinesDocument,
    "\n  query AnalyticsReport($tenantId: ID, $lineId: ID, $from: DateTimeISO!, $to: DateTimeISO!, $serviceLevelMinutes: Int) {\n    analyticsReport(tenantId: $tenantId, lineId: $lineId, from: $from, to: $to, serviceLevelMinutes: $serviceLevelMinutes) {\n      tenantId\n      lineId\n      timeZone\n      serviceLevelMinutes\n      total {\n        issued\n        served\n        noShows\n        cancelled\n        waitSamples\n        meanWaitSeconds\n        medianWaitSeconds\n        calledWithinTarget\n        serviceLevelShare\n        serviceSamples\n        meanServiceSeconds\n        medianServiceSeconds\n      }\n      daily {\n        day\n        issued\n        served\n        noShows\n        cancelled\n        waitSamples\n        meanWaitSeconds\n        medianWaitSeconds\n        calledWithinTarget\n        serviceLevelShare\n        serviceSamples\n        meanServiceSeconds\n        medianServiceSeconds\n      }\n      byCounter {\n        counterId\n        name\n        issued\n        served\n        noShows\n        cancelled\n        waitSamples\n        meanWaitSeconds\n        medianWaitSeconds\n        calledWithinTarget\n        serviceLevelShare\n        serviceSamples\n        meanServiceSeconds\n        medianServiceSeconds\n      }\n      byStaff {\n        userId\n        name\n        issued\n        served\n        noShows\n        cancelled\n        waitSamples\n        meanWaitSeconds\n        medianWaitSeconds\n        calledWithinTarget\n        serviceLevelShare\n        serviceSamples\n        meanServiceSeconds\n        medianServiceSeconds\n      }\n    }\n  }\n": typeof types.AnalyticsReportDocument,
    "\n  query ChainAnalytics($tenantId: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $first: Int!, $after: String) {\n    chainAnalytics(tenantId: $tenantId, from: $from, to: $to, first: $first, after: $after) {\n      totalStores\n      stores {\n        tenant {\n          id\n          name\n          depth\n        }\n        analytics {\n          issued\n          served\n          noShows\n          averageWaitSeconds\n          noShowRate\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ChainAnalyticsDocument,
    "\n  query LineAnalytics($lineId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {\n    lineAnalytics(lineId: $lineId, from: $from, to: $to) {\n      ...AnalyticsFields\n    }\n  }\n": typeof types.LineAnalyticsDocument,
    "\n  query TenantAnalytics($tenantId: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $includeSubtree: Boolean!) {\n    tenantAnalytics(tenantId: $tenantId, from: $from, to: $to, includeSubtree: $includeSubtree) {\n      ...AnalyticsFields\n    }\n  }\n": typeof types.TenantAnalyticsDocument,
    "\n  query ApiKeys($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      apiKeys {\n        ...ApiKeyFields\n      }\n    }\n  }\n\n  fragment ApiKeyFields on ApiKey {\n    id\n    tenantId\n    name\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($tenantId: ID!, $name: String!, $scopes: [String!]!) {\n    createApiKey(tenantId: $tenantId, name: $name, scopes: $scopes) {\n      secret\n      apiKey {\n        ...ApiKeyFields\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyFields\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query AuditLog($tenantId: ID!, $filter: AuditFilterInput, $first: Int!, $after: String) {\n    tenant(id: $tenantId) {\n      id\n      auditLog(filter: $filter, first: $first, after: $after) {\n        nodes {\n          id\n          action\n          actorId\n          actorType\n          actorName\n          targetType\n          targetId\n          targetName\n          before\n          after\n          createdAt\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user {\n        id\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n": typeof types.LogoutEverywhereDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      email\n      memberships {\n        role\n        suspended\n        tenant {\n          id\n          name\n          slug\n          depth\n          accountId\n        }\n      }\n    }\n    accounts {\n      id\n      name\n      ownerUserId\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation StartSignUp($input: SignUpInput!) {\n    startSignUp(input: $input)\n  }\n": typeof types.StartSignUpDocument,
    "\n  mutation ConfirmSignUp($token: String!) {\n    confirmSignUp(token: $token) {\n      token\n      user {\n        id\n      }\n    }\n  }\n": typeof types.ConfirmSignUpDocument,
    "\n  query SlugAvailable($slug: String!) {\n    slugAvailable(slug: $slug) {\n      available\n      reason\n    }\n  }\n": typeof types.SlugAvailableDocument,
    "\n  fragment BoardTicket on Ticket {\n    id\n    number\n    status\n    position\n    customerName\n    phone\n    partySize\n    extensions\n    channel\n    ranLateAt\n    joinedAt\n    calledAt\n    servedAt\n    ticketType {\n      id\n      code\n      name\n    }\n    counter {\n      id\n      name\n    }\n    estimate {\n      p50Seconds\n      p90Seconds\n    }\n  }\n": typeof types.BoardTicketFragmentDoc,
    "\n  mutation CallNext($lineId: ID!, $counterId: ID) {\n    callNext(lineId: $lineId, counterId: $counterId) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n": typeof types.CallNextDocument,
    "\n  mutation CallTicket($id: ID!, $counterId: ID) {\n    callTicket(id: $id, counterId: $counterId) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n": typeof types.CallTicketDocument,
    "\n  mutation CancelTicket($id: ID!, $reason: String) {\n    cancelTicket(id: $id, reason: $reason) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n": typeof types.CancelTicketDocument,
    "\n  mutation CompleteTicket($id: ID!) {\n    completeTicket(id: $id) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n": typeof types.CompleteTicketDocument,
    "\n  mutation EraseCustomerData($ticketId: ID!) {\n    eraseCustomerData(ticketId: $ticketId) {\n      id\n      customerName\n      phone\n      email\n      extensions\n      cancelReason\n      personalDataErasedAt\n      notify\n      notifications {\n        ...NotificationFields\n      }\n    }\n  }\n": typeof types.EraseCustomerDataDocument,
    "\n  mutation IssueWalkIn($input: IssueTicketInput!) {\n    issueTicket(input: $input) {\n      id\n      number\n      status\n      position\n      lineId\n      channel\n    }\n  }\n": typeof types.IssueWalkInDocument,
    "\n  subscription LineUpdated($lineId: ID!) {\n    lineUpdated(lineId: $lineId) {\n      kind\n      lineId\n      at\n      seq\n      ticket {\n        lineId\n        ...BoardTicket\n      }\n      stats {\n        waitingCount\n        estimatedWaitSeconds\n        nowServing {\n          ticketId\n          number\n          status\n          counterId\n        }\n      }\n      waiting(first: 200) {\n        ticketId\n        position\n        estimate {\n          p50Seconds\n          p90Seconds\n        }\n      }\n    }\n  }\n": typeof types.LineUpdatedDocument,
    "\n  mutation MarkNoShow($id: ID!) {\n    markNoShow(id: $id) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n": typeof types.MarkNoShowDocument,
    "\n  mutation MoveTicket($id: ID!, $position: Int!) {\n    moveTicket(id: $id, position: $position) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n": typeof types.MoveTicketDocument,
    "\n  query QueueBoard($lineId: ID!) {\n    line(id: $lineId) {\n      id\n      tenantId\n      name\n      prefix\n      seq\n      acceptingTickets\n      openNow\n      showEstimates\n      waitingCount\n      estimatedWaitSeconds\n      ttl {\n        waitingSeconds\n        calledSeconds\n        warnSeconds\n      }\n      counters {\n        id\n        name\n        isOpen\n      }\n      waiting: tickets(status: [WAITING], first: 200) {\n        nodes {\n          ...BoardTicket\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n      active: tickets(status: [CALLED, SERVING], first: 100) {\n        nodes {\n          ...BoardTicket\n        }\n      }\n      tenant {\n        id\n        ticketExtensionSchema\n        lines {\n          id\n          name\n          prefix\n        }\n      }\n    }\n  }\n": typeof types.QueueBoardDocument,
    "\n  mutation RequeueTicket($id: ID!) {\n    requeueTicket(id: $id) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n": typeof types.RequeueTicketDocument,
    "\n  mutation StartServing($id: ID!) {\n    startServing(id: $id) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n": typeof types.StartServingDocument,
    "\n  query TicketDetails($id: ID!) {\n    ticket(id: $id) {\n      id\n      number\n      status\n      customerName\n      phone\n      email\n      channel\n      ranLateAt\n      partySize\n      extensions\n      extensionSchemaVersion\n      cancelReason\n      joinedAt\n      calledAt\n      servedAt\n      completedAt\n      endedAt\n      personalDataErasedAt\n      ticketType {\n        id\n        name\n      }\n      counter {\n        id\n        name\n      }\n      notify\n      notifications {\n        ...NotificationFields\n      }\n      history {\n        id\n        kind\n        fromStatus\n        toStatus\n        actorType\n        at\n      }\n    }\n  }\n": typeof types.TicketDetailsDocument,
    "\n  mutation TransferTicket($id: ID!, $lineId: ID!) {\n    transferTicket(id: $id, lineId: $lineId) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n": typeof types.TransferTicketDocument,
    "\n  mutation UndoNoShow($id: ID!) {\n    undoNoShow(id: $id) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n": typeof types.UndoNoShowDocument,
    "\n  query WalkInForm($lineId: ID!) {\n    line(id: $lineId) {\n      id\n      allowedTicketTypeIds\n      ticketTypes {\n        id\n        code\n        name\n      }\n    }\n  }\n": typeof types.WalkInFormDocument,
    "\n  mutation CreateDevice($tenantId: ID!, $input: CreateDeviceInput!) {\n    createDevice(tenantId: $tenantId, input: $input) {\n      pairingUrl\n      expiresAt\n      device {\n        ...DeviceFields\n      }\n    }\n  }\n": typeof types.CreateDeviceDocument,
    "\n  query Devices($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      devices {\n        ...DeviceFields\n      }\n      lines {\n        id\n        name\n      }\n    }\n  }\n\n  fragment DeviceFields on Device {\n    id\n    tenantId\n    name\n    kind\n    lineIds\n    message\n    createdAt\n    pairedAt\n    lastSeenAt\n    pairingExpiresAt\n    revokedAt\n  }\n": typeof types.DevicesDocument,
    "\n  mutation RenewDevicePairing($id: ID!) {\n    renewDevicePairing(id: $id) {\n      pairingUrl\n      expiresAt\n      device {\n        ...DeviceFields\n      }\n    }\n  }\n": typeof types.RenewDevicePairingDocument,
    "\n  mutation RevokeDevice($id: ID!) {\n    revokeDevice(id: $id) {\n      ...DeviceFields\n    }\n  }\n": typeof types.RevokeDeviceDocument,
    "\n  mutation UpdateDevice($id: ID!, $input: UpdateDeviceInput!) {\n    updateDevice(id: $id, input: $input) {\n      ...DeviceFields\n    }\n  }\n": typeof types.UpdateDeviceDocument,
    "\n  query ExtensionSchema($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      ticketExtensionSchema\n      ticketExtensionSchemaVersion\n    }\n  }\n": typeof types.ExtensionSchemaDocument,
    "\n  mutation SetExtensionSchema($tenantId: ID!, $schema: JSON!) {\n    setTicketExtensionSchema(tenantId: $tenantId, schema: $schema) {\n      id\n      ticketExtensionSchema\n      ticketExtensionSchemaVersion\n    }\n  }\n": typeof types.SetExtensionSchemaDocument,
    "\n  query JoinLinks($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      publicLinks {\n        join\n        kiosk\n        display\n      }\n      lines {\n        id\n        name\n        prefix\n        remoteJoin\n        joinUrl\n      }\n    }\n  }\n": typeof types.JoinLinksDocument,
    "\n  mutation ArchiveCounter($id: ID!) {\n    archiveCounter(id: $id) {\n      ...CounterFields\n    }\n  }\n": typeof types.ArchiveCounterDocument,
    "\n  mutation ArchiveLine($id: ID!) {\n    archiveLine(id: $id) {\n      ...LineFields\n    }\n  }\n": typeof types.ArchiveLineDocument,
    "\n  mutation ArchiveTicketType($id: ID!) {\n    archiveTicketType(id: $id) {\n      ...TicketTypeFields\n    }\n  }\n": typeof types.ArchiveTicketTypeDocument,
    "\n  mutation CloseCounter($id: ID!) {\n    closeCounter(id: $id) {\n      ...CounterFields\n    }\n  }\n": typeof types.CloseCounterDocument,
    "\n  mutation CreateCounter($input: CreateCounterInput!) {\n    createCounter(input: $input) {\n      ...CounterFields\n    }\n  }\n": typeof types.CreateCounterDocument,
    "\n  mutation CreateLine($input: CreateLineInput!) {\n    createLine(input: $input) {\n      ...LineFields\n    }\n  }\n": typeof types.CreateLineDocument,
    "\n  mutation CreateTicketType($input: CreateTicketTypeInput!) {\n    createTicketType(input: $input) {\n      ...TicketTypeFields\n    }\n  }\n": typeof types.CreateTicketTypeDocument,
    "\n  query LinePreset($id: ID!) {\n    tenant(id: $id) {\n      id\n      templates {\n        linePreset {\n          field\n          value\n        }\n      }\n    }\n  }\n": typeof types.LinePresetDocument,
    "\n  query Lines($tenantId: ID!, $includeArchived: Boolean! = false) {\n    tenant(id: $tenantId) {\n      id\n      lines(includeArchived: $includeArchived) {\n        ...LineFields\n        allCounters: counters(includeArchived: $includeArchived) {\n          ...CounterFields\n        }\n      }\n      ticketTypes(includeArchived: $includeArchived) {\n        ...TicketTypeFields\n      }\n    }\n  }\n\n  fragment LineFields on Line {\n    id\n    tenantId\n    name\n    prefix\n    acceptingTickets\n    remoteJoin\n    joinUrl\n    openNow\n    capacity\n    timeZone\n    showEstimates\n    estimator\n    estimatorOptions\n    estimatorWebhookSecretSet\n    archivedAt\n    allowedTicketTypeIds\n    openingHours {\n      day\n      opens\n      closes\n    }\n    ttl {\n      waitingSeconds\n      calledSeconds\n      warnSeconds\n    }\n    waitingCount\n    counters {\n      ...CounterFields\n    }\n  }\n\n  fragment CounterFields on Counter {\n    id\n    lineId\n    name\n    isOpen\n    archivedAt\n  }\n\n  fragment TicketTypeFields on TicketType {\n    id\n    tenantId\n    code\n    name\n    defaultServiceSeconds\n    archivedAt\n  }\n": typeof types.LinesDocument,
    "\n  mutation OpenCounter($id: ID!) {\n    openCounter(id: $id) {\n      ...CounterFields\n    }\n  }\n": typeof types.OpenCounterDocument,
    "\n  mutation RestoreCounter($id: ID!) {\n    restoreCounter(id: $id) {\n      ...CounterFields\n    }\n  }\n": typeof types.RestoreCounterDocument,
    "\n  mutation RestoreLine($id: ID!) {\n    restoreLine(id: $id) {\n      ...LineFields\n    }\n  }\n": typeof types.RestoreLineDocument,
    "\n  mutation RestoreTicketType($id: ID!) {\n    restoreTicketType(id: $id) {\n      ...TicketTypeFields\n    }\n  }\n": typeof types.RestoreTicketTypeDocument,
    "\n  mutation RotateWebhookSecret($lineId: ID!) {\n    rotateEstimatorWebhookSecret(lineId: $lineId) {\n      secret\n      line {\n        id\n        estimatorWebhookSecretSet\n      }\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation TestWebhook($lineId: ID!, $url: String, $timeoutMs: Int) {\n    testEstimatorWebhook(lineId: $lineId, url: $url, timeoutMs: $timeoutMs) {\n      ok\n      httpStatus\n      latencyMs\n      problem\n    }\n  }\n": typeof types.TestWebhookDocument,
    "\n  mutation UpdateCounter($id: ID!, $input: UpdateCounterInput!) {\n    updateCounter(id: $id, input: $input) {\n      ...CounterFields\n    }\n  }\n": typeof types.UpdateCounterDocument,
    "\n  mutation UpdateLine($id: ID!, $input: UpdateLineInput!) {\n    updateLine(id: $id, input: $input) {\n      ...LineFields\n    }\n  }\n": typeof types.UpdateLineDocument,
    "\n  mutation UpdateTicketType($id: ID!, $input: UpdateTicketTypeInput!) {\n    updateTicketType(id: $id, input: $input) {\n      ...TicketTypeFields\n    }\n  }\n": typeof types.UpdateTicketTypeDocument,
    "\n  mutation AcceptInvitationWithSignUp($token: String!, $name: String!, $password: String!) {\n    acceptInvitationWithSignUp(token: $token, name: $name, password: $password) {\n      token\n      user {\n        id\n        memberships {\n          tenant {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.AcceptInvitationWithSignUpDocument,
    "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      role\n      tenant {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      tenantName\n      role\n      email\n      status\n      expiresAt\n    }\n  }\n": typeof types.InvitationPreviewDocument,
    "\n  query Invitations($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      invitations {\n        id\n        email\n        role\n        status\n        sentAt\n        expiresAt\n      }\n    }\n  }\n": typeof types.InvitationsDocument,
    "\n  mutation InviteMember($tenantId: ID!, $email: String!, $role: MemberRole!) {\n    inviteMember(tenantId: $tenantId, email: $email, role: $role) {\n      id\n      email\n      role\n      status\n    }\n  }\n": typeof types.InviteMemberDocument,
    "\n  query Members($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      members {\n        tenantId\n        userId\n        name\n        email\n        role\n        createdAt\n      }\n    }\n  }\n": typeof types.MembersDocument,
    "\n  mutation RemoveMember($tenantId: ID!, $userId: ID!) {\n    removeMember(tenantId: $tenantId, userId: $userId)\n  }\n": typeof types.RemoveMemberDocument,
    "\n  mutation ResendInvitation($tenantId: ID!, $id: ID!) {\n    resendInvitation(tenantId: $tenantId, id: $id) {\n      id\n      status\n      sentAt\n      expiresAt\n    }\n  }\n": typeof types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($tenantId: ID!, $id: ID!) {\n    revokeInvitation(tenantId: $tenantId, id: $id)\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  mutation UpdateMemberRole($tenantId: ID!, $userId: ID!, $role: MemberRole!) {\n    updateMemberRole(tenantId: $tenantId, userId: $userId, role: $role) {\n      tenantId\n      userId\n      role\n    }\n  }\n": typeof types.UpdateMemberRoleDocument,
    "\n  query DevMailbox($tenantId: ID!) {\n    devMailbox(tenantId: $tenantId) {\n      id\n      kind\n      to\n      subject\n      body\n      receivedAt\n    }\n  }\n": typeof types.DevMailboxDocument,
    "\n  query LineNotificationSettings($lineId: ID!) {\n    notificationSettings(lineId: $lineId) {\n      ...LineNotificationSettingsFields\n    }\n  }\n\n  fragment LineNotificationSettingsFields on LineNotificationSettings {\n    lineId\n    joined\n    almostThere\n    almostTherePosition\n    almostThereMinutes\n    called\n    noShow\n    expired\n    cancelled\n  }\n": typeof types.LineNotificationSettingsDocument,
    "\n  fragment NotificationFields on Notification {\n    id\n    ticketId\n    lineId\n    trigger\n    channel\n    provider\n    status\n    attempts\n    recipient\n    subject\n    lastError\n    createdAt\n    sentAt\n    nextAttemptAt\n  }\n": typeof types.NotificationFieldsFragmentDoc,
    "\n  query NotificationLines($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      lines {\n        id\n        name\n        prefix\n      }\n    }\n  }\n": typeof types.NotificationLinesDocument,
    "\n  query NotificationProviders($tenantId: ID!) {\n    notificationProviders(tenantId: $tenantId) {\n      ...NotificationProvidersFields\n    }\n  }\n\n  fragment NotificationProvidersFields on NotificationProviders {\n    smsRoute\n    twilioConfigured\n    twilioAccountSid\n    twilioFrom\n    webhookUrl\n    webhookConfigured\n    emailSenderName\n    emailReplyTo\n    platformSms\n    platformEmail\n  }\n": typeof types.NotificationProvidersDocument,
    "\n  query NotificationTemplates($tenantId: ID!) {\n    notificationTemplates(tenantId: $tenantId) {\n      ...NotificationTemplateFields\n    }\n  }\n\n  fragment NotificationTemplateFields on NotificationTemplate {\n    trigger\n    channel\n    language\n    subject\n    body\n    isDefault\n    variables\n  }\n": typeof types.NotificationTemplatesDocument,
    "\n  query PreviewNotificationTemplate($tenantId: ID!, $input: NotificationTemplateInput!) {\n    previewNotificationTemplate(tenantId: $tenantId, input: $input) {\n      subject\n      body\n    }\n  }\n": typeof types.PreviewNotificationTemplateDocument,
    "\n  mutation ResetNotificationTemplate($tenantId: ID!, $trigger: NotificationTrigger!, $channel: NotificationChannel!, $language: String!) {\n    resetNotificationTemplate(tenantId: $tenantId, trigger: $trigger, channel: $channel, language: $language) {\n      ...NotificationTemplateFields\n    }\n  }\n": typeof types.ResetNotificationTemplateDocument,
    "\n  mutation SetMyEscalationEmails($tenantId: ID!, $enabled: Boolean!) {\n    setMyEscalationEmails(tenantId: $tenantId, enabled: $enabled)\n  }\n": typeof types.SetMyEscalationEmailsDocument,
    "\n  mutation SetNotificationProviders($tenantId: ID!, $input: NotificationProvidersInput!) {\n    setNotificationProviders(tenantId: $tenantId, input: $input) {\n      ...NotificationProvidersFields\n    }\n  }\n": typeof types.SetNotificationProvidersDocument,
    "\n  mutation SetNotificationTemplate($tenantId: ID!, $input: NotificationTemplateInput!) {\n    setNotificationTemplate(tenantId: $tenantId, input: $input) {\n      ...NotificationTemplateFields\n    }\n  }\n": typeof types.SetNotificationTemplateDocument,
    "\n  query TenantNotifications($tenantId: ID!, $filter: NotificationFilter, $first: Int!, $after: String) {\n    tenantNotifications(tenantId: $tenantId, filter: $filter, first: $first, after: $after) {\n      nodes {\n        ...NotificationFields\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      counts {\n        pending\n        sending\n        sent\n        retrying\n        dead\n        skipped\n      }\n    }\n  }\n": typeof types.TenantNotificationsDocument,
    "\n  mutation UpdateNotificationSettings($lineId: ID!, $input: NotificationSettingsInput!) {\n    updateNotificationSettings(lineId: $lineId, input: $input) {\n      ...LineNotificationSettingsFields\n    }\n  }\n": typeof types.UpdateNotificationSettingsDocument,
    "\n  query PlatformCheck {\n    platformAccounts {\n      id\n    }\n  }\n": typeof types.PlatformCheckDocument,
    "\n  mutation SetTenantSuspended($tenantId: ID!, $suspended: Boolean!) {\n    setTenantSuspended(tenantId: $tenantId, suspended: $suspended)\n  }\n": typeof types.SetTenantSuspendedDocument,
    "\n  mutation CancelTenantDeletion($id: ID!) {\n    cancelTenantDeletion(id: $id) {\n      id\n      deletionScheduledAt\n    }\n  }\n": typeof types.CancelTenantDeletionDocument,
    "\n  mutation DeleteTenant($id: ID!) {\n    deleteTenant(id: $id) {\n      id\n      deletionScheduledAt\n    }\n  }\n": typeof types.DeleteTenantDocument,
    "\n  mutation ExportTenantData($tenantId: ID!) {\n    exportTenantData(tenantId: $tenantId) {\n      url\n      expiresAt\n    }\n  }\n": typeof types.ExportTenantDataDocument,
    "\n  query TenantSettings($id: ID!) {\n    tenant(id: $id) {\n      ...TenantSettingsFields\n    }\n  }\n\n  fragment TenantSettingsFields on Tenant {\n    id\n    name\n    slug\n    location {\n      address\n      latitude\n      longitude\n      insideTenantId\n    }\n    theme {\n      primaryColor\n      accentColor\n      logoUrl\n      fontFamily\n    }\n    settings\n    effectiveSettings\n    retentionDays\n    deletionScheduledAt\n    ancestors {\n      id\n      name\n      settings\n    }\n  }\n": typeof types.TenantSettingsDocument,
    "\n  mutation UpdateTenant($id: ID!, $input: UpdateTenantInput!) {\n    updateTenant(id: $id, input: $input) {\n      ...TenantSettingsFields\n    }\n  }\n": typeof types.UpdateTenantDocument,
    "\n  mutation ResetTemplateField($tenantId: ID!, $template: TemplateKind!, $field: String!) {\n    resetTemplateField(tenantId: $tenantId, template: $template, field: $field) {\n      id\n    }\n  }\n": typeof types.ResetTemplateFieldDocument,
    "\n  mutation SetLinePreset($tenantId: ID!, $input: LinePresetInput!) {\n    setLinePreset(tenantId: $tenantId, input: $input) {\n      id\n    }\n  }\n": typeof types.SetLinePresetDocument,
    "\n  mutation SetTemplateTheme($id: ID!, $theme: ThemeInput!) {\n    updateTenant(id: $id, input: { theme: $theme }) {\n      id\n      theme {\n        primaryColor\n        accentColor\n        logoUrl\n        fontFamily\n      }\n    }\n  }\n": typeof types.SetTemplateThemeDocument,
    "\n  mutation SetInheritedTicketTypeHidden($tenantId: ID!, $ticketTypeId: ID!, $hidden: Boolean!) {\n    setInheritedTicketTypeHidden(tenantId: $tenantId, ticketTypeId: $ticketTypeId, hidden: $hidden) {\n      id\n    }\n  }\n": typeof types.SetInheritedTicketTypeHiddenDocument,
    "\n  query TenantTemplates($id: ID!) {\n    tenant(id: $id) {\n      id\n      name\n      templates {\n        theme {\n          field\n          value\n          overridden\n          source {\n            id\n            name\n          }\n        }\n        linePreset {\n          field\n          value\n          overridden\n          source {\n            id\n            name\n          }\n        }\n        extensionSchema {\n          version\n          overridden\n          source {\n            id\n            name\n          }\n        }\n        ticketTypes {\n          id\n          code\n          name\n          inherited\n          hidden\n          archivedAt\n          source {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.TenantTemplatesDocument,
    "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      id\n      name\n      slug\n      depth\n    }\n  }\n": typeof types.CreateTenantDocument,
    "\n  mutation MoveTenant($id: ID!, $parentId: ID!) {\n    moveTenant(id: $id, parentId: $parentId) {\n      id\n      depth\n      parent {\n        id\n      }\n    }\n  }\n": typeof types.MoveTenantDocument,
    "\n  query Subtenants($id: ID!, $search: String, $first: Int, $after: String) {\n    tenant(id: $id) {\n      id\n      descendants(search: $search, first: $first, after: $after) {\n        totalCount\n        nodes {\n          id\n          name\n          depth\n          suspended\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.SubtenantsDocument,
    "\n  query TenantShell($id: ID!) {\n    tenant(id: $id) {\n      id\n      name\n      slug\n      depth\n      accountId\n      suspended\n      deletionScheduledAt\n      ancestors {\n        id\n        name\n      }\n      theme {\n        primaryColor\n        accentColor\n        logoUrl\n        fontFamily\n      }\n    }\n    viewerPermissions(tenantId: $id) {\n      tenantId\n      role\n      permissions\n      grantableRoles\n      grantableScopes\n    }\n  }\n": typeof types.TenantShellDocument,
    "\n  query TenantTree($id: ID!) {\n    tenant(id: $id) {\n      ...TreeNode\n      children {\n        ...TreeNode\n        children {\n          ...TreeNode\n          children {\n            ...TreeNode\n            children {\n              ...TreeNode\n              children {\n                ...TreeNode\n                children {\n                  id\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n\n  fragment TreeNode on Tenant {\n    id\n    name\n    slug\n    depth\n    suspended\n    location {\n      address\n    }\n  }\n": typeof types.TenantTreeDocument,
};
const documents: Documents = {
    "\n  query ActivityLines($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      lines {\n        id\n        name\n        prefix\n        waitingCount\n      }\n    }\n  }\n": types.ActivityLinesDocument,
    "\n  subscription TenantActivity($tenantId: ID!) {\n    tenantActivity(tenantId: $tenantId) {\n      kind\n      tenantId\n      lineId\n      at\n      ticket {\n        id\n        number\n        status\n      }\n      stats {\n        waitingCount\n      }\n    }\n  }\n": types.TenantActivityDocument,
    "\n  fragment AnalyticsFields on QueueAnalytics {\n    from\n    to\n    timeZone\n    tenantCount\n    issued\n    served\n    noShows\n    cancelled\n    expired\n    open\n    waitSamples\n    averageWaitSeconds\n    p90WaitSeconds\n    noShowRate\n    cancellationRate\n    byHour {\n      hour\n      issued\n      served\n    }\n    estimateAccuracy {\n      samples\n      meanAbsoluteErrorSeconds\n      pastP90Share\n    }\n  }\n": types.AnalyticsFieldsFragmentDoc,
    "\n  query AnalyticsLines($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      lines(includeArchived: true) {\n        id\n        name\n        timeZone\n        archivedAt\n      }\n    }\n  }\n": types.AnalyticsLinesDocument,
    "\n  query AnalyticsReport($tenantId: ID, $lineId: ID, $from: DateTimeISO!, $to: DateTimeISO!, $serviceLevelMinutes: Int) {\n    analyticsReport(tenantId: $tenantId, lineId: $lineId, from: $from, to: $to, serviceLevelMinutes: $serviceLevelMinutes) {\n      tenantId\n      lineId\n      timeZone\n      serviceLevelMinutes\n      total {\n        issued\n        served\n        noShows\n        cancelled\n        waitSamples\n        meanWaitSeconds\n        medianWaitSeconds\n        calledWithinTarget\n        serviceLevelShare\n        serviceSamples\n        meanServiceSeconds\n        medianServiceSeconds\n      }\n      daily {\n        day\n        issued\n        served\n        noShows\n        cancelled\n        waitSamples\n        meanWaitSeconds\n        medianWaitSeconds\n        calledWithinTarget\n        serviceLevelShare\n        serviceSamples\n        meanServiceSeconds\n        medianServiceSeconds\n      }\n      byCounter {\n        counterId\n        name\n        issued\n        served\n        noShows\n        cancelled\n        waitSamples\n        meanWaitSeconds\n        medianWaitSeconds\n        calledWithinTarget\n        serviceLevelShare\n        serviceSamples\n        meanServiceSeconds\n        medianServiceSeconds\n      }\n      byStaff {\n        userId\n        name\n        issued\n        served\n        noShows\n        cancelled\n        waitSamples\n        meanWaitSeconds\n        medianWaitSeconds\n        calledWithinTarget\n        serviceLevelShare\n        serviceSamples\n        meanServiceSeconds\n        medianServiceSeconds\n      }\n    }\n  }\n": types.AnalyticsReportDocument,
    "\n  query ChainAnalytics($tenantId: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $first: Int!, $after: String) {\n    chainAnalytics(tenantId: $tenantId, from: $from, to: $to, first: $first, after: $after) {\n      totalStores\n      stores {\n        tenant {\n          id\n          name\n          depth\n        }\n        analytics {\n          issued\n          served\n          noShows\n          averageWaitSeconds\n          noShowRate\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ChainAnalyticsDocument,
    "\n  query LineAnalytics($lineId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {\n    lineAnalytics(lineId: $lineId, from: $from, to: $to) {\n      ...AnalyticsFields\n    }\n  }\n": types.LineAnalyticsDocument,
    "\n  query TenantAnalytics($tenantId: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $includeSubtree: Boolean!) {\n    tenantAnalytics(tenantId: $tenantId, from: $from, to: $to, includeSubtree: $includeSubtree) {\n      ...AnalyticsFields\n    }\n  }\n": types.TenantAnalyticsDocument,
    "\n  query ApiKeys($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      apiKeys {\n        ...ApiKeyFields\n      }\n    }\n  }\n\n  fragment ApiKeyFields on ApiKey {\n    id\n    tenantId\n    name\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($tenantId: ID!, $name: String!, $scopes: [String!]!) {\n    createApiKey(tenantId: $tenantId, name: $name, scopes: $scopes) {\n      secret\n      apiKey {\n        ...ApiKeyFields\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyFields\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query AuditLog($tenantId: ID!, $filter: AuditFilterInput, $first: Int!, $after: String) {\n    tenant(id: $tenantId) {\n      id\n      auditLog(filter: $filter, first: $first, after: $after) {\n        nodes {\n          id\n          action\n          actorId\n          actorType\n          actorName\n          targetType\n          targetId\n          targetName\n          before\n          after\n          createdAt\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user {\n        id\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n": types.LogoutEverywhereDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      email\n      memberships {\n        role\n        suspended\n        tenant {\n          id\n          name\n          slug\n          depth\n          accountId\n        }\n      }\n    }\n    accounts {\n      id\n      name\n      ownerUserId\n    }\n  }\n": types.MeDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": types.ResetPasswordDocument,
    "\n  mutation StartSignUp($input: SignUpInput!) {\n    startSignUp(input: $input)\n  }\n": types.StartSignUpDocument,
    "\n  mutation ConfirmSignUp($token: String!) {\n    confirmSignUp(token: $token) {\n      token\n      user {\n        id\n      }\n    }\n  }\n": types.ConfirmSignUpDocument,
    "\n  query SlugAvailable($slug: String!) {\n    slugAvailable(slug: $slug) {\n      available\n      reason\n    }\n  }\n": types.SlugAvailableDocument,
    "\n  fragment BoardTicket on Ticket {\n    id\n    number\n    status\n    position\n    customerName\n    phone\n    partySize\n    extensions\n    channel\n    ranLateAt\n    joinedAt\n    calledAt\n    servedAt\n    ticketType {\n      id\n      code\n      name\n    }\n    counter {\n      id\n      name\n    }\n    estimate {\n      p50Seconds\n      p90Seconds\n    }\n  }\n": types.BoardTicketFragmentDoc,
    "\n  mutation CallNext($lineId: ID!, $counterId: ID) {\n    callNext(lineId: $lineId, counterId: $counterId) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n": types.CallNextDocument,
    "\n  mutation CallTicket($id: ID!, $counterId: ID) {\n    callTicket(id: $id, counterId: $counterId) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n": types.CallTicketDocument,
    "\n  mutation CancelTicket($id: ID!, $reason: String) {\n    cancelTicket(id: $id, reason: $reason) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n": types.CancelTicketDocument,
    "\n  mutation CompleteTicket($id: ID!) {\n    completeTicket(id: $id) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n": types.CompleteTicketDocument,
    "\n  mutation EraseCustomerData($ticketId: ID!) {\n    eraseCustomerData(ticketId: $ticketId) {\n      id\n      customerName\n      phone\n      email\n      extensions\n      cancelReason\n      personalDataErasedAt\n      notify\n      notifications {\n        ...NotificationFields\n      }\n    }\n  }\n": types.EraseCustomerDataDocument,
    "\n  mutation IssueWalkIn($input: IssueTicketInput!) {\n    issueTicket(input: $input) {\n      id\n      number\n      status\n      position\n      lineId\n      channel\n    }\n  }\n": types.IssueWalkInDocument,
    "\n  subscription LineUpdated($lineId: ID!) {\n    lineUpdated(lineId: $lineId) {\n      kind\n      lineId\n      at\n      seq\n      ticket {\n        lineId\n        ...BoardTicket\n      }\n      stats {\n        waitingCount\n        estimatedWaitSeconds\n        nowServing {\n          ticketId\n          number\n          status\n          counterId\n        }\n      }\n      waiting(first: 200) {\n        ticketId\n        position\n        estimate {\n          p50Seconds\n          p90Seconds\n        }\n      }\n    }\n  }\n": types.LineUpdatedDocument,
    "\n  mutation MarkNoShow($id: ID!) {\n    markNoShow(id: $id) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n": types.MarkNoShowDocument,
    "\n  mutation MoveTicket($id: ID!, $position: Int!) {\n    moveTicket(id: $id, position: $position) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n": types.MoveTicketDocument,
    "\n  query QueueBoard($lineId: ID!) {\n    line(id: $lineId) {\n      id\n      tenantId\n      name\n      prefix\n      seq\n      acceptingTickets\n      openNow\n      showEstimates\n      waitingCount\n      estimatedWaitSeconds\n      ttl {\n        waitingSeconds\n        calledSeconds\n        warnSeconds\n      }\n      counters {\n        id\n        name\n        isOpen\n      }\n      waiting: tickets(status: [WAITING], first: 200) {\n        nodes {\n          ...BoardTicket\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n      active: tickets(status: [CALLED, SERVING], first: 100) {\n        nodes {\n          ...BoardTicket\n        }\n      }\n      tenant {\n        id\n        ticketExtensionSchema\n        lines {\n          id\n          name\n          prefix\n        }\n      }\n    }\n  }\n": types.QueueBoardDocument,
    "\n  mutation RequeueTicket($id: ID!) {\n    requeueTicket(id: $id) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n": types.RequeueTicketDocument,
    "\n  mutation StartServing($id: ID!) {\n    startServing(id: $id) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n": types.StartServingDocument,
    "\n  query TicketDetails($id: ID!) {\n    ticket(id: $id) {\n      id\n      number\n      status\n      customerName\n      phone\n      email\n      channel\n      ranLateAt\n      partySize\n      extensions\n      extensionSchemaVersion\n      cancelReason\n      joinedAt\n      calledAt\n      servedAt\n      completedAt\n      endedAt\n      personalDataErasedAt\n      ticketType {\n        id\n        name\n      }\n      counter {\n        id\n        name\n      }\n      notify\n      notifications {\n        ...NotificationFields\n      }\n      history {\n        id\n        kind\n        fromStatus\n        toStatus\n        actorType\n        at\n      }\n    }\n  }\n": types.TicketDetailsDocument,
    "\n  mutation TransferTicket($id: ID!, $lineId: ID!) {\n    transferTicket(id: $id, lineId: $lineId) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n": types.TransferTicketDocument,
    "\n  mutation UndoNoShow($id: ID!) {\n    undoNoShow(id: $id) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n": types.UndoNoShowDocument,
    "\n  query WalkInForm($lineId: ID!) {\n    line(id: $lineId) {\n      id\n      allowedTicketTypeIds\n      ticketTypes {\n        id\n        code\n        name\n      }\n    }\n  }\n": types.WalkInFormDocument,
    "\n  mutation CreateDevice($tenantId: ID!, $input: CreateDeviceInput!) {\n    createDevice(tenantId: $tenantId, input: $input) {\n      pairingUrl\n      expiresAt\n      device {\n        ...DeviceFields\n      }\n    }\n  }\n": types.CreateDeviceDocument,
    "\n  query Devices($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      devices {\n        ...DeviceFields\n      }\n      lines {\n        id\n        name\n      }\n    }\n  }\n\n  fragment DeviceFields on Device {\n    id\n    tenantId\n    name\n    kind\n    lineIds\n    message\n    createdAt\n    pairedAt\n    lastSeenAt\n    pairingExpiresAt\n    revokedAt\n  }\n": types.DevicesDocument,
    "\n  mutation RenewDevicePairing($id: ID!) {\n    renewDevicePairing(id: $id) {\n      pairingUrl\n      expiresAt\n      device {\n        ...DeviceFields\n      }\n    }\n  }\n": types.RenewDevicePairingDocument,
    "\n  mutation RevokeDevice($id: ID!) {\n    revokeDevice(id: $id) {\n      ...DeviceFields\n    }\n  }\n": types.RevokeDeviceDocument,
    "\n  mutation UpdateDevice($id: ID!, $input: UpdateDeviceInput!) {\n    updateDevice(id: $id, input: $input) {\n      ...DeviceFields\n    }\n  }\n": types.UpdateDeviceDocument,
    "\n  query ExtensionSchema($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      ticketExtensionSchema\n      ticketExtensionSchemaVersion\n    }\n  }\n": types.ExtensionSchemaDocument,
    "\n  mutation SetExtensionSchema($tenantId: ID!, $schema: JSON!) {\n    setTicketExtensionSchema(tenantId: $tenantId, schema: $schema) {\n      id\n      ticketExtensionSchema\n      ticketExtensionSchemaVersion\n    }\n  }\n": types.SetExtensionSchemaDocument,
    "\n  query JoinLinks($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      publicLinks {\n        join\n        kiosk\n        display\n      }\n      lines {\n        id\n        name\n        prefix\n        remoteJoin\n        joinUrl\n      }\n    }\n  }\n": types.JoinLinksDocument,
    "\n  mutation ArchiveCounter($id: ID!) {\n    archiveCounter(id: $id) {\n      ...CounterFields\n    }\n  }\n": types.ArchiveCounterDocument,
    "\n  mutation ArchiveLine($id: ID!) {\n    archiveLine(id: $id) {\n      ...LineFields\n    }\n  }\n": types.ArchiveLineDocument,
    "\n  mutation ArchiveTicketType($id: ID!) {\n    archiveTicketType(id: $id) {\n      ...TicketTypeFields\n    }\n  }\n": types.ArchiveTicketTypeDocument,
    "\n  mutation CloseCounter($id: ID!) {\n    closeCounter(id: $id) {\n      ...CounterFields\n    }\n  }\n": types.CloseCounterDocument,
    "\n  mutation CreateCounter($input: CreateCounterInput!) {\n    createCounter(input: $input) {\n      ...CounterFields\n    }\n  }\n": types.CreateCounterDocument,
    "\n  mutation CreateLine($input: CreateLineInput!) {\n    createLine(input: $input) {\n      ...LineFields\n    }\n  }\n": types.CreateLineDocument,
    "\n  mutation CreateTicketType($input: CreateTicketTypeInput!) {\n    createTicketType(input: $input) {\n      ...TicketTypeFields\n    }\n  }\n": types.CreateTicketTypeDocument,
    "\n  query LinePreset($id: ID!) {\n    tenant(id: $id) {\n      id\n      templates {\n        linePreset {\n          field\n          value\n        }\n      }\n    }\n  }\n": types.LinePresetDocument,
    "\n  query Lines($tenantId: ID!, $includeArchived: Boolean! = false) {\n    tenant(id: $tenantId) {\n      id\n      lines(includeArchived: $includeArchived) {\n        ...LineFields\n        allCounters: counters(includeArchived: $includeArchived) {\n          ...CounterFields\n        }\n      }\n      ticketTypes(includeArchived: $includeArchived) {\n        ...TicketTypeFields\n      }\n    }\n  }\n\n  fragment LineFields on Line {\n    id\n    tenantId\n    name\n    prefix\n    acceptingTickets\n    remoteJoin\n    joinUrl\n    openNow\n    capacity\n    timeZone\n    showEstimates\n    estimator\n    estimatorOptions\n    estimatorWebhookSecretSet\n    archivedAt\n    allowedTicketTypeIds\n    openingHours {\n      day\n      opens\n      closes\n    }\n    ttl {\n      waitingSeconds\n      calledSeconds\n      warnSeconds\n    }\n    waitingCount\n    counters {\n      ...CounterFields\n    }\n  }\n\n  fragment CounterFields on Counter {\n    id\n    lineId\n    name\n    isOpen\n    archivedAt\n  }\n\n  fragment TicketTypeFields on TicketType {\n    id\n    tenantId\n    code\n    name\n    defaultServiceSeconds\n    archivedAt\n  }\n": types.LinesDocument,
    "\n  mutation OpenCounter($id: ID!) {\n    openCounter(id: $id) {\n      ...CounterFields\n    }\n  }\n": types.OpenCounterDocument,
    "\n  mutation RestoreCounter($id: ID!) {\n    restoreCounter(id: $id) {\n      ...CounterFields\n    }\n  }\n": types.RestoreCounterDocument,
    "\n  mutation RestoreLine($id: ID!) {\n    restoreLine(id: $id) {\n      ...LineFields\n    }\n  }\n": types.RestoreLineDocument,
    "\n  mutation RestoreTicketType($id: ID!) {\n    restoreTicketType(id: $id) {\n      ...TicketTypeFields\n    }\n  }\n": types.RestoreTicketTypeDocument,
    "\n  mutation RotateWebhookSecret($lineId: ID!) {\n    rotateEstimatorWebhookSecret(lineId: $lineId) {\n      secret\n      line {\n        id\n        estimatorWebhookSecretSet\n      }\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation TestWebhook($lineId: ID!, $url: String, $timeoutMs: Int) {\n    testEstimatorWebhook(lineId: $lineId, url: $url, timeoutMs: $timeoutMs) {\n      ok\n      httpStatus\n      latencyMs\n      problem\n    }\n  }\n": types.TestWebhookDocument,
    "\n  mutation UpdateCounter($id: ID!, $input: UpdateCounterInput!) {\n    updateCounter(id: $id, input: $input) {\n      ...CounterFields\n    }\n  }\n": types.UpdateCounterDocument,
    "\n  mutation UpdateLine($id: ID!, $input: UpdateLineInput!) {\n    updateLine(id: $id, input: $input) {\n      ...LineFields\n    }\n  }\n": types.UpdateLineDocument,
    "\n  mutation UpdateTicketType($id: ID!, $input: UpdateTicketTypeInput!) {\n    updateTicketType(id: $id, input: $input) {\n      ...TicketTypeFields\n    }\n  }\n": types.UpdateTicketTypeDocument,
    "\n  mutation AcceptInvitationWithSignUp($token: String!, $name: String!, $password: String!) {\n    acceptInvitationWithSignUp(token: $token, name: $name, password: $password) {\n      token\n      user {\n        id\n        memberships {\n          tenant {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.AcceptInvitationWithSignUpDocument,
    "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      role\n      tenant {\n        id\n        name\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      tenantName\n      role\n      email\n      status\n      expiresAt\n    }\n  }\n": types.InvitationPreviewDocument,
    "\n  query Invitations($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      invitations {\n        id\n        email\n        role\n        status\n        sentAt\n        expiresAt\n      }\n    }\n  }\n": types.InvitationsDocument,
    "\n  mutation InviteMember($tenantId: ID!, $email: String!, $role: MemberRole!) {\n    inviteMember(tenantId: $tenantId, email: $email, role: $role) {\n      id\n      email\n      role\n      status\n    }\n  }\n": types.InviteMemberDocument,
    "\n  query Members($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      members {\n        tenantId\n        userId\n        name\n        email\n        role\n        createdAt\n      }\n    }\n  }\n": types.MembersDocument,
    "\n  mutation RemoveMember($tenantId: ID!, $userId: ID!) {\n    removeMember(tenantId: $tenantId, userId: $userId)\n  }\n": types.RemoveMemberDocument,
    "\n  mutation ResendInvitation($tenantId: ID!, $id: ID!) {\n    resendInvitation(tenantId: $tenantId, id: $id) {\n      id\n      status\n      sentAt\n      expiresAt\n    }\n  }\n": types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($tenantId: ID!, $id: ID!) {\n    revokeInvitation(tenantId: $tenantId, id: $id)\n  }\n": types.RevokeInvitationDocument,
    "\n  mutation UpdateMemberRole($tenantId: ID!, $userId: ID!, $role: MemberRole!) {\n    updateMemberRole(tenantId: $tenantId, userId: $userId, role: $role) {\n      tenantId\n      userId\n      role\n    }\n  }\n": types.UpdateMemberRoleDocument,
    "\n  query DevMailbox($tenantId: ID!) {\n    devMailbox(tenantId: $tenantId) {\n      id\n      kind\n      to\n      subject\n      body\n      receivedAt\n    }\n  }\n": types.DevMailboxDocument,
    "\n  query LineNotificationSettings($lineId: ID!) {\n    notificationSettings(lineId: $lineId) {\n      ...LineNotificationSettingsFields\n    }\n  }\n\n  fragment LineNotificationSettingsFields on LineNotificationSettings {\n    lineId\n    joined\n    almostThere\n    almostTherePosition\n    almostThereMinutes\n    called\n    noShow\n    expired\n    cancelled\n  }\n": types.LineNotificationSettingsDocument,
    "\n  fragment NotificationFields on Notification {\n    id\n    ticketId\n    lineId\n    trigger\n    channel\n    provider\n    status\n    attempts\n    recipient\n    subject\n    lastError\n    createdAt\n    sentAt\n    nextAttemptAt\n  }\n": types.NotificationFieldsFragmentDoc,
    "\n  query NotificationLines($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      lines {\n        id\n        name\n        prefix\n      }\n    }\n  }\n": types.NotificationLinesDocument,
    "\n  query NotificationProviders($tenantId: ID!) {\n    notificationProviders(tenantId: $tenantId) {\n      ...NotificationProvidersFields\n    }\n  }\n\n  fragment NotificationProvidersFields on NotificationProviders {\n    smsRoute\n    twilioConfigured\n    twilioAccountSid\n    twilioFrom\n    webhookUrl\n    webhookConfigured\n    emailSenderName\n    emailReplyTo\n    platformSms\n    platformEmail\n  }\n": types.NotificationProvidersDocument,
    "\n  query NotificationTemplates($tenantId: ID!) {\n    notificationTemplates(tenantId: $tenantId) {\n      ...NotificationTemplateFields\n    }\n  }\n\n  fragment NotificationTemplateFields on NotificationTemplate {\n    trigger\n    channel\n    language\n    subject\n    body\n    isDefault\n    variables\n  }\n": types.NotificationTemplatesDocument,
    "\n  query PreviewNotificationTemplate($tenantId: ID!, $input: NotificationTemplateInput!) {\n    previewNotificationTemplate(tenantId: $tenantId, input: $input) {\n      subject\n      body\n    }\n  }\n": types.PreviewNotificationTemplateDocument,
    "\n  mutation ResetNotificationTemplate($tenantId: ID!, $trigger: NotificationTrigger!, $channel: NotificationChannel!, $language: String!) {\n    resetNotificationTemplate(tenantId: $tenantId, trigger: $trigger, channel: $channel, language: $language) {\n      ...NotificationTemplateFields\n    }\n  }\n": types.ResetNotificationTemplateDocument,
    "\n  mutation SetMyEscalationEmails($tenantId: ID!, $enabled: Boolean!) {\n    setMyEscalationEmails(tenantId: $tenantId, enabled: $enabled)\n  }\n": types.SetMyEscalationEmailsDocument,
    "\n  mutation SetNotificationProviders($tenantId: ID!, $input: NotificationProvidersInput!) {\n    setNotificationProviders(tenantId: $tenantId, input: $input) {\n      ...NotificationProvidersFields\n    }\n  }\n": types.SetNotificationProvidersDocument,
    "\n  mutation SetNotificationTemplate($tenantId: ID!, $input: NotificationTemplateInput!) {\n    setNotificationTemplate(tenantId: $tenantId, input: $input) {\n      ...NotificationTemplateFields\n    }\n  }\n": types.SetNotificationTemplateDocument,
    "\n  query TenantNotifications($tenantId: ID!, $filter: NotificationFilter, $first: Int!, $after: String) {\n    tenantNotifications(tenantId: $tenantId, filter: $filter, first: $first, after: $after) {\n      nodes {\n        ...NotificationFields\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      counts {\n        pending\n        sending\n        sent\n        retrying\n        dead\n        skipped\n      }\n    }\n  }\n": types.TenantNotificationsDocument,
    "\n  mutation UpdateNotificationSettings($lineId: ID!, $input: NotificationSettingsInput!) {\n    updateNotificationSettings(lineId: $lineId, input: $input) {\n      ...LineNotificationSettingsFields\n    }\n  }\n": types.UpdateNotificationSettingsDocument,
    "\n  query PlatformCheck {\n    platformAccounts {\n      id\n    }\n  }\n": types.PlatformCheckDocument,
    "\n  mutation SetTenantSuspended($tenantId: ID!, $suspended: Boolean!) {\n    setTenantSuspended(tenantId: $tenantId, suspended: $suspended)\n  }\n": types.SetTenantSuspendedDocument,
    "\n  mutation CancelTenantDeletion($id: ID!) {\n    cancelTenantDeletion(id: $id) {\n      id\n      deletionScheduledAt\n    }\n  }\n": types.CancelTenantDeletionDocument,
    "\n  mutation DeleteTenant($id: ID!) {\n    deleteTenant(id: $id) {\n      id\n      deletionScheduledAt\n    }\n  }\n": types.DeleteTenantDocument,
    "\n  mutation ExportTenantData($tenantId: ID!) {\n    exportTenantData(tenantId: $tenantId) {\n      url\n      expiresAt\n    }\n  }\n": types.ExportTenantDataDocument,
    "\n  query TenantSettings($id: ID!) {\n    tenant(id: $id) {\n      ...TenantSettingsFields\n    }\n  }\n\n  fragment TenantSettingsFields on Tenant {\n    id\n    name\n    slug\n    location {\n      address\n      latitude\n      longitude\n      insideTenantId\n    }\n    theme {\n      primaryColor\n      accentColor\n      logoUrl\n      fontFamily\n    }\n    settings\n    effectiveSettings\n    retentionDays\n    deletionScheduledAt\n    ancestors {\n      id\n      name\n      settings\n    }\n  }\n": types.TenantSettingsDocument,
    "\n  mutation UpdateTenant($id: ID!, $input: UpdateTenantInput!) {\n    updateTenant(id: $id, input: $input) {\n      ...TenantSettingsFields\n    }\n  }\n": types.UpdateTenantDocument,
    "\n  mutation ResetTemplateField($tenantId: ID!, $template: TemplateKind!, $field: String!) {\n    resetTemplateField(tenantId: $tenantId, template: $template, field: $field) {\n      id\n    }\n  }\n": types.ResetTemplateFieldDocument,
    "\n  mutation SetLinePreset($tenantId: ID!, $input: LinePresetInput!) {\n    setLinePreset(tenantId: $tenantId, input: $input) {\n      id\n    }\n  }\n": types.SetLinePresetDocument,
    "\n  mutation SetTemplateTheme($id: ID!, $theme: ThemeInput!) {\n    updateTenant(id: $id, input: { theme: $theme }) {\n      id\n      theme {\n        primaryColor\n        accentColor\n        logoUrl\n        fontFamily\n      }\n    }\n  }\n": types.SetTemplateThemeDocument,
    "\n  mutation SetInheritedTicketTypeHidden($tenantId: ID!, $ticketTypeId: ID!, $hidden: Boolean!) {\n    setInheritedTicketTypeHidden(tenantId: $tenantId, ticketTypeId: $ticketTypeId, hidden: $hidden) {\n      id\n    }\n  }\n": types.SetInheritedTicketTypeHiddenDocument,
    "\n  query TenantTemplates($id: ID!) {\n    tenant(id: $id) {\n      id\n      name\n      templates {\n        theme {\n          field\n          value\n          overridden\n          source {\n            id\n            name\n          }\n        }\n        linePreset {\n          field\n          value\n          overridden\n          source {\n            id\n            name\n          }\n        }\n        extensionSchema {\n          version\n          overridden\n          source {\n            id\n            name\n          }\n        }\n        ticketTypes {\n          id\n          code\n          name\n          inherited\n          hidden\n          archivedAt\n          source {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.TenantTemplatesDocument,
    "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      id\n      name\n      slug\n      depth\n    }\n  }\n": types.CreateTenantDocument,
    "\n  mutation MoveTenant($id: ID!, $parentId: ID!) {\n    moveTenant(id: $id, parentId: $parentId) {\n      id\n      depth\n      parent {\n        id\n      }\n    }\n  }\n": types.MoveTenantDocument,
    "\n  query Subtenants($id: ID!, $search: String, $first: Int, $after: String) {\n    tenant(id: $id) {\n      id\n      descendants(search: $search, first: $first, after: $after) {\n        totalCount\n        nodes {\n          id\n          name\n          depth\n          suspended\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.SubtenantsDocument,
    "\n  query TenantShell($id: ID!) {\n    tenant(id: $id) {\n      id\n      name\n      slug\n      depth\n      accountId\n      suspended\n      deletionScheduledAt\n      ancestors {\n        id\n        name\n      }\n      theme {\n        primaryColor\n        accentColor\n        logoUrl\n        fontFamily\n      }\n    }\n    viewerPermissions(tenantId: $id) {\n      tenantId\n      role\n      permissions\n      grantableRoles\n      grantableScopes\n    }\n  }\n": types.TenantShellDocument,
    "\n  query TenantTree($id: ID!) {\n    tenant(id: $id) {\n      ...TreeNode\n      children {\n        ...TreeNode\n        children {\n          ...TreeNode\n          children {\n            ...TreeNode\n            children {\n              ...TreeNode\n              children {\n                ...TreeNode\n                children {\n                  id\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n\n  fragment TreeNode on Tenant {\n    id\n    name\n    slug\n    depth\n    suspended\n    location {\n      address\n    }\n  }\n": types.TenantTreeDocument,
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
export function graphql(source: "\n  query ActivityLines($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      lines {\n        id\n        name\n        prefix\n        waitingCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query ActivityLines($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      lines {\n        id\n        name\n        prefix\n        waitingCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TenantActivity($tenantId: ID!) {\n    tenantActivity(tenantId: $tenantId) {\n      kind\n      tenantId\n      lineId\n      at\n      ticket {\n        id\n        number\n        status\n      }\n      stats {\n        waitingCount\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription TenantActivity($tenantId: ID!) {\n    tenantActivity(tenantId: $tenantId) {\n      kind\n      tenantId\n      lineId\n      at\n      ticket {\n        id\n        number\n        status\n      }\n      stats {\n        waitingCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AnalyticsFields on QueueAnalytics {\n    from\n    to\n    timeZone\n    tenantCount\n    issued\n    served\n    noShows\n    cancelled\n    expired\n    open\n    waitSamples\n    averageWaitSeconds\n    p90WaitSeconds\n    noShowRate\n    cancellationRate\n    byHour {\n      hour\n      issued\n      served\n    }\n    estimateAccuracy {\n      samples\n      meanAbsoluteErrorSeconds\n      pastP90Share\n    }\n  }\n"): (typeof documents)["\n  fragment AnalyticsFields on QueueAnalytics {\n    from\n    to\n    timeZone\n    tenantCount\n    issued\n    served\n    noShows\n    cancelled\n    expired\n    open\n    waitSamples\n    averageWaitSeconds\n    p90WaitSeconds\n    noShowRate\n    cancellationRate\n    byHour {\n      hour\n      issued\n      served\n    }\n    estimateAccuracy {\n      samples\n      meanAbsoluteErrorSeconds\n      pastP90Share\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalyticsLines($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      lines(includeArchived: true) {\n        id\n        name\n        timeZone\n        archivedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query AnalyticsLines($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      lines(includeArchived: true) {\n        id\n        name\n        timeZone\n        archivedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalyticsReport($tenantId: ID, $lineId: ID, $from: DateTimeISO!, $to: DateTimeISO!, $serviceLevelMinutes: Int) {\n    analyticsReport(tenantId: $tenantId, lineId: $lineId, from: $from, to: $to, serviceLevelMinutes: $serviceLevelMinutes) {\n      tenantId\n      lineId\n      timeZone\n      serviceLevelMinutes\n      total {\n        issued\n        served\n        noShows\n        cancelled\n        waitSamples\n        meanWaitSeconds\n        medianWaitSeconds\n        calledWithinTarget\n        serviceLevelShare\n        serviceSamples\n        meanServiceSeconds\n        medianServiceSeconds\n      }\n      daily {\n        day\n        issued\n        served\n        noShows\n        cancelled\n        waitSamples\n        meanWaitSeconds\n        medianWaitSeconds\n        calledWithinTarget\n        serviceLevelShare\n        serviceSamples\n        meanServiceSeconds\n        medianServiceSeconds\n      }\n      byCounter {\n        counterId\n        name\n        issued\n        served\n        noShows\n        cancelled\n        waitSamples\n        meanWaitSeconds\n        medianWaitSeconds\n        calledWithinTarget\n        serviceLevelShare\n        serviceSamples\n        meanServiceSeconds\n        medianServiceSeconds\n      }\n      byStaff {\n        userId\n        name\n        issued\n        served\n        noShows\n        cancelled\n        waitSamples\n        meanWaitSeconds\n        medianWaitSeconds\n        calledWithinTarget\n        serviceLevelShare\n        serviceSamples\n        meanServiceSeconds\n        medianServiceSeconds\n      }\n    }\n  }\n"): (typeof documents)["\n  query AnalyticsReport($tenantId: ID, $lineId: ID, $from: DateTimeISO!, $to: DateTimeISO!, $serviceLevelMinutes: Int) {\n    analyticsReport(tenantId: $tenantId, lineId: $lineId, from: $from, to: $to, serviceLevelMinutes: $serviceLevelMinutes) {\n      tenantId\n      lineId\n      timeZone\n      serviceLevelMinutes\n      total {\n        issued\n        served\n        noShows\n        cancelled\n        waitSamples\n        meanWaitSeconds\n        medianWaitSeconds\n        calledWithinTarget\n        serviceLevelShare\n        serviceSamples\n        meanServiceSeconds\n        medianServiceSeconds\n      }\n      daily {\n        day\n        issued\n        served\n        noShows\n        cancelled\n        waitSamples\n        meanWaitSeconds\n        medianWaitSeconds\n        calledWithinTarget\n        serviceLevelShare\n        serviceSamples\n        meanServiceSeconds\n        medianServiceSeconds\n      }\n      byCounter {\n        counterId\n        name\n        issued\n        served\n        noShows\n        cancelled\n        waitSamples\n        meanWaitSeconds\n        medianWaitSeconds\n        calledWithinTarget\n        serviceLevelShare\n        serviceSamples\n        meanServiceSeconds\n        medianServiceSeconds\n      }\n      byStaff {\n        userId\n        name\n        issued\n        served\n        noShows\n        cancelled\n        waitSamples\n        meanWaitSeconds\n        medianWaitSeconds\n        calledWithinTarget\n        serviceLevelShare\n        serviceSamples\n        meanServiceSeconds\n        medianServiceSeconds\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChainAnalytics($tenantId: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $first: Int!, $after: String) {\n    chainAnalytics(tenantId: $tenantId, from: $from, to: $to, first: $first, after: $after) {\n      totalStores\n      stores {\n        tenant {\n          id\n          name\n          depth\n        }\n        analytics {\n          issued\n          served\n          noShows\n          averageWaitSeconds\n          noShowRate\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ChainAnalytics($tenantId: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $first: Int!, $after: String) {\n    chainAnalytics(tenantId: $tenantId, from: $from, to: $to, first: $first, after: $after) {\n      totalStores\n      stores {\n        tenant {\n          id\n          name\n          depth\n        }\n        analytics {\n          issued\n          served\n          noShows\n          averageWaitSeconds\n          noShowRate\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LineAnalytics($lineId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {\n    lineAnalytics(lineId: $lineId, from: $from, to: $to) {\n      ...AnalyticsFields\n    }\n  }\n"): (typeof documents)["\n  query LineAnalytics($lineId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {\n    lineAnalytics(lineId: $lineId, from: $from, to: $to) {\n      ...AnalyticsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantAnalytics($tenantId: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $includeSubtree: Boolean!) {\n    tenantAnalytics(tenantId: $tenantId, from: $from, to: $to, includeSubtree: $includeSubtree) {\n      ...AnalyticsFields\n    }\n  }\n"): (typeof documents)["\n  query TenantAnalytics($tenantId: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $includeSubtree: Boolean!) {\n    tenantAnalytics(tenantId: $tenantId, from: $from, to: $to, includeSubtree: $includeSubtree) {\n      ...AnalyticsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      apiKeys {\n        ...ApiKeyFields\n      }\n    }\n  }\n\n  fragment ApiKeyFields on ApiKey {\n    id\n    tenantId\n    name\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"): (typeof documents)["\n  query ApiKeys($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      apiKeys {\n        ...ApiKeyFields\n      }\n    }\n  }\n\n  fragment ApiKeyFields on ApiKey {\n    id\n    tenantId\n    name\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($tenantId: ID!, $name: String!, $scopes: [String!]!) {\n    createApiKey(tenantId: $tenantId, name: $name, scopes: $scopes) {\n      secret\n      apiKey {\n        ...ApiKeyFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($tenantId: ID!, $name: String!, $scopes: [String!]!) {\n    createApiKey(tenantId: $tenantId, name: $name, scopes: $scopes) {\n      secret\n      apiKey {\n        ...ApiKeyFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($tenantId: ID!, $filter: AuditFilterInput, $first: Int!, $after: String) {\n    tenant(id: $tenantId) {\n      id\n      auditLog(filter: $filter, first: $first, after: $after) {\n        nodes {\n          id\n          action\n          actorId\n          actorType\n          actorName\n          targetType\n          targetId\n          targetName\n          before\n          after\n          createdAt\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($tenantId: ID!, $filter: AuditFilterInput, $first: Int!, $after: String) {\n    tenant(id: $tenantId) {\n      id\n      auditLog(filter: $filter, first: $first, after: $after) {\n        nodes {\n          id\n          action\n          actorId\n          actorType\n          actorName\n          targetType\n          targetId\n          targetName\n          before\n          after\n          createdAt\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n"): (typeof documents)["\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      name\n      email\n      memberships {\n        role\n        suspended\n        tenant {\n          id\n          name\n          slug\n          depth\n          accountId\n        }\n      }\n    }\n    accounts {\n      id\n      name\n      ownerUserId\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      name\n      email\n      memberships {\n        role\n        suspended\n        tenant {\n          id\n          name\n          slug\n          depth\n          accountId\n        }\n      }\n    }\n    accounts {\n      id\n      name\n      ownerUserId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartSignUp($input: SignUpInput!) {\n    startSignUp(input: $input)\n  }\n"): (typeof documents)["\n  mutation StartSignUp($input: SignUpInput!) {\n    startSignUp(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmSignUp($token: String!) {\n    confirmSignUp(token: $token) {\n      token\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmSignUp($token: String!) {\n    confirmSignUp(token: $token) {\n      token\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SlugAvailable($slug: String!) {\n    slugAvailable(slug: $slug) {\n      available\n      reason\n    }\n  }\n"): (typeof documents)["\n  query SlugAvailable($slug: String!) {\n    slugAvailable(slug: $slug) {\n      available\n      reason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BoardTicket on Ticket {\n    id\n    number\n    status\n    position\n    customerName\n    phone\n    partySize\n    extensions\n    channel\n    ranLateAt\n    joinedAt\n    calledAt\n    servedAt\n    ticketType {\n      id\n      code\n      name\n    }\n    counter {\n      id\n      name\n    }\n    estimate {\n      p50Seconds\n      p90Seconds\n    }\n  }\n"): (typeof documents)["\n  fragment BoardTicket on Ticket {\n    id\n    number\n    status\n    position\n    customerName\n    phone\n    partySize\n    extensions\n    channel\n    ranLateAt\n    joinedAt\n    calledAt\n    servedAt\n    ticketType {\n      id\n      code\n      name\n    }\n    counter {\n      id\n      name\n    }\n    estimate {\n      p50Seconds\n      p90Seconds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CallNext($lineId: ID!, $counterId: ID) {\n    callNext(lineId: $lineId, counterId: $counterId) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n"): (typeof documents)["\n  mutation CallNext($lineId: ID!, $counterId: ID) {\n    callNext(lineId: $lineId, counterId: $counterId) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CallTicket($id: ID!, $counterId: ID) {\n    callTicket(id: $id, counterId: $counterId) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n"): (typeof documents)["\n  mutation CallTicket($id: ID!, $counterId: ID) {\n    callTicket(id: $id, counterId: $counterId) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelTicket($id: ID!, $reason: String) {\n    cancelTicket(id: $id, reason: $reason) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n"): (typeof documents)["\n  mutation CancelTicket($id: ID!, $reason: String) {\n    cancelTicket(id: $id, reason: $reason) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteTicket($id: ID!) {\n    completeTicket(id: $id) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteTicket($id: ID!) {\n    completeTicket(id: $id) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EraseCustomerData($ticketId: ID!) {\n    eraseCustomerData(ticketId: $ticketId) {\n      id\n      customerName\n      phone\n      email\n      extensions\n      cancelReason\n      personalDataErasedAt\n      notify\n      notifications {\n        ...NotificationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EraseCustomerData($ticketId: ID!) {\n    eraseCustomerData(ticketId: $ticketId) {\n      id\n      customerName\n      phone\n      email\n      extensions\n      cancelReason\n      personalDataErasedAt\n      notify\n      notifications {\n        ...NotificationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueWalkIn($input: IssueTicketInput!) {\n    issueTicket(input: $input) {\n      id\n      number\n      status\n      position\n      lineId\n      channel\n    }\n  }\n"): (typeof documents)["\n  mutation IssueWalkIn($input: IssueTicketInput!) {\n    issueTicket(input: $input) {\n      id\n      number\n      status\n      position\n      lineId\n      channel\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LineUpdated($lineId: ID!) {\n    lineUpdated(lineId: $lineId) {\n      kind\n      lineId\n      at\n      seq\n      ticket {\n        lineId\n        ...BoardTicket\n      }\n      stats {\n        waitingCount\n        estimatedWaitSeconds\n        nowServing {\n          ticketId\n          number\n          status\n          counterId\n        }\n      }\n      waiting(first: 200) {\n        ticketId\n        position\n        estimate {\n          p50Seconds\n          p90Seconds\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription LineUpdated($lineId: ID!) {\n    lineUpdated(lineId: $lineId) {\n      kind\n      lineId\n      at\n      seq\n      ticket {\n        lineId\n        ...BoardTicket\n      }\n      stats {\n        waitingCount\n        estimatedWaitSeconds\n        nowServing {\n          ticketId\n          number\n          status\n          counterId\n        }\n      }\n      waiting(first: 200) {\n        ticketId\n        position\n        estimate {\n          p50Seconds\n          p90Seconds\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNoShow($id: ID!) {\n    markNoShow(id: $id) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n"): (typeof documents)["\n  mutation MarkNoShow($id: ID!) {\n    markNoShow(id: $id) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveTicket($id: ID!, $position: Int!) {\n    moveTicket(id: $id, position: $position) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n"): (typeof documents)["\n  mutation MoveTicket($id: ID!, $position: Int!) {\n    moveTicket(id: $id, position: $position) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueBoard($lineId: ID!) {\n    line(id: $lineId) {\n      id\n      tenantId\n      name\n      prefix\n      seq\n      acceptingTickets\n      openNow\n      showEstimates\n      waitingCount\n      estimatedWaitSeconds\n      ttl {\n        waitingSeconds\n        calledSeconds\n        warnSeconds\n      }\n      counters {\n        id\n        name\n        isOpen\n      }\n      waiting: tickets(status: [WAITING], first: 200) {\n        nodes {\n          ...BoardTicket\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n      active: tickets(status: [CALLED, SERVING], first: 100) {\n        nodes {\n          ...BoardTicket\n        }\n      }\n      tenant {\n        id\n        ticketExtensionSchema\n        lines {\n          id\n          name\n          prefix\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query QueueBoard($lineId: ID!) {\n    line(id: $lineId) {\n      id\n      tenantId\n      name\n      prefix\n      seq\n      acceptingTickets\n      openNow\n      showEstimates\n      waitingCount\n      estimatedWaitSeconds\n      ttl {\n        waitingSeconds\n        calledSeconds\n        warnSeconds\n      }\n      counters {\n        id\n        name\n        isOpen\n      }\n      waiting: tickets(status: [WAITING], first: 200) {\n        nodes {\n          ...BoardTicket\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n      active: tickets(status: [CALLED, SERVING], first: 100) {\n        nodes {\n          ...BoardTicket\n        }\n      }\n      tenant {\n        id\n        ticketExtensionSchema\n        lines {\n          id\n          name\n          prefix\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequeueTicket($id: ID!) {\n    requeueTicket(id: $id) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n"): (typeof documents)["\n  mutation RequeueTicket($id: ID!) {\n    requeueTicket(id: $id) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartServing($id: ID!) {\n    startServing(id: $id) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n"): (typeof documents)["\n  mutation StartServing($id: ID!) {\n    startServing(id: $id) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketDetails($id: ID!) {\n    ticket(id: $id) {\n      id\n      number\n      status\n      customerName\n      phone\n      email\n      channel\n      ranLateAt\n      partySize\n      extensions\n      extensionSchemaVersion\n      cancelReason\n      joinedAt\n      calledAt\n      servedAt\n      completedAt\n      endedAt\n      personalDataErasedAt\n      ticketType {\n        id\n        name\n      }\n      counter {\n        id\n        name\n      }\n      notify\n      notifications {\n        ...NotificationFields\n      }\n      history {\n        id\n        kind\n        fromStatus\n        toStatus\n        actorType\n        at\n      }\n    }\n  }\n"): (typeof documents)["\n  query TicketDetails($id: ID!) {\n    ticket(id: $id) {\n      id\n      number\n      status\n      customerName\n      phone\n      email\n      channel\n      ranLateAt\n      partySize\n      extensions\n      extensionSchemaVersion\n      cancelReason\n      joinedAt\n      calledAt\n      servedAt\n      completedAt\n      endedAt\n      personalDataErasedAt\n      ticketType {\n        id\n        name\n      }\n      counter {\n        id\n        name\n      }\n      notify\n      notifications {\n        ...NotificationFields\n      }\n      history {\n        id\n        kind\n        fromStatus\n        toStatus\n        actorType\n        at\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TransferTicket($id: ID!, $lineId: ID!) {\n    transferTicket(id: $id, lineId: $lineId) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n"): (typeof documents)["\n  mutation TransferTicket($id: ID!, $lineId: ID!) {\n    transferTicket(id: $id, lineId: $lineId) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UndoNoShow($id: ID!) {\n    undoNoShow(id: $id) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n"): (typeof documents)["\n  mutation UndoNoShow($id: ID!) {\n    undoNoShow(id: $id) {\n      id\n      number\n      status\n      position\n      lineId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalkInForm($lineId: ID!) {\n    line(id: $lineId) {\n      id\n      allowedTicketTypeIds\n      ticketTypes {\n        id\n        code\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query WalkInForm($lineId: ID!) {\n    line(id: $lineId) {\n      id\n      allowedTicketTypeIds\n      ticketTypes {\n        id\n        code\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDevice($tenantId: ID!, $input: CreateDeviceInput!) {\n    createDevice(tenantId: $tenantId, input: $input) {\n      pairingUrl\n      expiresAt\n      device {\n        ...DeviceFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateDevice($tenantId: ID!, $input: CreateDeviceInput!) {\n    createDevice(tenantId: $tenantId, input: $input) {\n      pairingUrl\n      expiresAt\n      device {\n        ...DeviceFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Devices($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      devices {\n        ...DeviceFields\n      }\n      lines {\n        id\n        name\n      }\n    }\n  }\n\n  fragment DeviceFields on Device {\n    id\n    tenantId\n    name\n    kind\n    lineIds\n    message\n    createdAt\n    pairedAt\n    lastSeenAt\n    pairingExpiresAt\n    revokedAt\n  }\n"): (typeof documents)["\n  query Devices($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      devices {\n        ...DeviceFields\n      }\n      lines {\n        id\n        name\n      }\n    }\n  }\n\n  fragment DeviceFields on Device {\n    id\n    tenantId\n    name\n    kind\n    lineIds\n    message\n    createdAt\n    pairedAt\n    lastSeenAt\n    pairingExpiresAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenewDevicePairing($id: ID!) {\n    renewDevicePairing(id: $id) {\n      pairingUrl\n      expiresAt\n      device {\n        ...DeviceFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RenewDevicePairing($id: ID!) {\n    renewDevicePairing(id: $id) {\n      pairingUrl\n      expiresAt\n      device {\n        ...DeviceFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeDevice($id: ID!) {\n    revokeDevice(id: $id) {\n      ...DeviceFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeDevice($id: ID!) {\n    revokeDevice(id: $id) {\n      ...DeviceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDevice($id: ID!, $input: UpdateDeviceInput!) {\n    updateDevice(id: $id, input: $input) {\n      ...DeviceFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateDevice($id: ID!, $input: UpdateDeviceInput!) {\n    updateDevice(id: $id, input: $input) {\n      ...DeviceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExtensionSchema($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      ticketExtensionSchema\n      ticketExtensionSchemaVersion\n    }\n  }\n"): (typeof documents)["\n  query ExtensionSchema($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      name\n      ticketExtensionSchema\n      ticketExtensionSchemaVersion\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetExtensionSchema($tenantId: ID!, $schema: JSON!) {\n    setTicketExtensionSchema(tenantId: $tenantId, schema: $schema) {\n      id\n      ticketExtensionSchema\n      ticketExtensionSchemaVersion\n    }\n  }\n"): (typeof documents)["\n  mutation SetExtensionSchema($tenantId: ID!, $schema: JSON!) {\n    setTicketExtensionSchema(tenantId: $tenantId, schema: $schema) {\n      id\n      ticketExtensionSchema\n      ticketExtensionSchemaVersion\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JoinLinks($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      publicLinks {\n        join\n        kiosk\n        display\n      }\n      lines {\n        id\n        name\n        prefix\n        remoteJoin\n        joinUrl\n      }\n    }\n  }\n"): (typeof documents)["\n  query JoinLinks($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      publicLinks {\n        join\n        kiosk\n        display\n      }\n      lines {\n        id\n        name\n        prefix\n        remoteJoin\n        joinUrl\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveCounter($id: ID!) {\n    archiveCounter(id: $id) {\n      ...CounterFields\n    }\n  }\n"): (typeof documents)["\n  mutation ArchiveCounter($id: ID!) {\n    archiveCounter(id: $id) {\n      ...CounterFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveLine($id: ID!) {\n    archiveLine(id: $id) {\n      ...LineFields\n    }\n  }\n"): (typeof documents)["\n  mutation ArchiveLine($id: ID!) {\n    archiveLine(id: $id) {\n      ...LineFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveTicketType($id: ID!) {\n    archiveTicketType(id: $id) {\n      ...TicketTypeFields\n    }\n  }\n"): (typeof documents)["\n  mutation ArchiveTicketType($id: ID!) {\n    archiveTicketType(id: $id) {\n      ...TicketTypeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseCounter($id: ID!) {\n    closeCounter(id: $id) {\n      ...CounterFields\n    }\n  }\n"): (typeof documents)["\n  mutation CloseCounter($id: ID!) {\n    closeCounter(id: $id) {\n      ...CounterFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCounter($input: CreateCounterInput!) {\n    createCounter(input: $input) {\n      ...CounterFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCounter($input: CreateCounterInput!) {\n    createCounter(input: $input) {\n      ...CounterFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateLine($input: CreateLineInput!) {\n    createLine(input: $input) {\n      ...LineFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateLine($input: CreateLineInput!) {\n    createLine(input: $input) {\n      ...LineFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTicketType($input: CreateTicketTypeInput!) {\n    createTicketType(input: $input) {\n      ...TicketTypeFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTicketType($input: CreateTicketTypeInput!) {\n    createTicketType(input: $input) {\n      ...TicketTypeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LinePreset($id: ID!) {\n    tenant(id: $id) {\n      id\n      templates {\n        linePreset {\n          field\n          value\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LinePreset($id: ID!) {\n    tenant(id: $id) {\n      id\n      templates {\n        linePreset {\n          field\n          value\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Lines($tenantId: ID!, $includeArchived: Boolean! = false) {\n    tenant(id: $tenantId) {\n      id\n      lines(includeArchived: $includeArchived) {\n        ...LineFields\n        allCounters: counters(includeArchived: $includeArchived) {\n          ...CounterFields\n        }\n      }\n      ticketTypes(includeArchived: $includeArchived) {\n        ...TicketTypeFields\n      }\n    }\n  }\n\n  fragment LineFields on Line {\n    id\n    tenantId\n    name\n    prefix\n    acceptingTickets\n    remoteJoin\n    joinUrl\n    openNow\n    capacity\n    timeZone\n    showEstimates\n    estimator\n    estimatorOptions\n    estimatorWebhookSecretSet\n    archivedAt\n    allowedTicketTypeIds\n    openingHours {\n      day\n      opens\n      closes\n    }\n    ttl {\n      waitingSeconds\n      calledSeconds\n      warnSeconds\n    }\n    waitingCount\n    counters {\n      ...CounterFields\n    }\n  }\n\n  fragment CounterFields on Counter {\n    id\n    lineId\n    name\n    isOpen\n    archivedAt\n  }\n\n  fragment TicketTypeFields on TicketType {\n    id\n    tenantId\n    code\n    name\n    defaultServiceSeconds\n    archivedAt\n  }\n"): (typeof documents)["\n  query Lines($tenantId: ID!, $includeArchived: Boolean! = false) {\n    tenant(id: $tenantId) {\n      id\n      lines(includeArchived: $includeArchived) {\n        ...LineFields\n        allCounters: counters(includeArchived: $includeArchived) {\n          ...CounterFields\n        }\n      }\n      ticketTypes(includeArchived: $includeArchived) {\n        ...TicketTypeFields\n      }\n    }\n  }\n\n  fragment LineFields on Line {\n    id\n    tenantId\n    name\n    prefix\n    acceptingTickets\n    remoteJoin\n    joinUrl\n    openNow\n    capacity\n    timeZone\n    showEstimates\n    estimator\n    estimatorOptions\n    estimatorWebhookSecretSet\n    archivedAt\n    allowedTicketTypeIds\n    openingHours {\n      day\n      opens\n      closes\n    }\n    ttl {\n      waitingSeconds\n      calledSeconds\n      warnSeconds\n    }\n    waitingCount\n    counters {\n      ...CounterFields\n    }\n  }\n\n  fragment CounterFields on Counter {\n    id\n    lineId\n    name\n    isOpen\n    archivedAt\n  }\n\n  fragment TicketTypeFields on TicketType {\n    id\n    tenantId\n    code\n    name\n    defaultServiceSeconds\n    archivedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenCounter($id: ID!) {\n    openCounter(id: $id) {\n      ...CounterFields\n    }\n  }\n"): (typeof documents)["\n  mutation OpenCounter($id: ID!) {\n    openCounter(id: $id) {\n      ...CounterFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreCounter($id: ID!) {\n    restoreCounter(id: $id) {\n      ...CounterFields\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreCounter($id: ID!) {\n    restoreCounter(id: $id) {\n      ...CounterFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreLine($id: ID!) {\n    restoreLine(id: $id) {\n      ...LineFields\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreLine($id: ID!) {\n    restoreLine(id: $id) {\n      ...LineFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreTicketType($id: ID!) {\n    restoreTicketType(id: $id) {\n      ...TicketTypeFields\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreTicketType($id: ID!) {\n    restoreTicketType(id: $id) {\n      ...TicketTypeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($lineId: ID!) {\n    rotateEstimatorWebhookSecret(lineId: $lineId) {\n      secret\n      line {\n        id\n        estimatorWebhookSecretSet\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateWebhookSecret($lineId: ID!) {\n    rotateEstimatorWebhookSecret(lineId: $lineId) {\n      secret\n      line {\n        id\n        estimatorWebhookSecretSet\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestWebhook($lineId: ID!, $url: String, $timeoutMs: Int) {\n    testEstimatorWebhook(lineId: $lineId, url: $url, timeoutMs: $timeoutMs) {\n      ok\n      httpStatus\n      latencyMs\n      problem\n    }\n  }\n"): (typeof documents)["\n  mutation TestWebhook($lineId: ID!, $url: String, $timeoutMs: Int) {\n    testEstimatorWebhook(lineId: $lineId, url: $url, timeoutMs: $timeoutMs) {\n      ok\n      httpStatus\n      latencyMs\n      problem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCounter($id: ID!, $input: UpdateCounterInput!) {\n    updateCounter(id: $id, input: $input) {\n      ...CounterFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCounter($id: ID!, $input: UpdateCounterInput!) {\n    updateCounter(id: $id, input: $input) {\n      ...CounterFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLine($id: ID!, $input: UpdateLineInput!) {\n    updateLine(id: $id, input: $input) {\n      ...LineFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateLine($id: ID!, $input: UpdateLineInput!) {\n    updateLine(id: $id, input: $input) {\n      ...LineFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTicketType($id: ID!, $input: UpdateTicketTypeInput!) {\n    updateTicketType(id: $id, input: $input) {\n      ...TicketTypeFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTicketType($id: ID!, $input: UpdateTicketTypeInput!) {\n    updateTicketType(id: $id, input: $input) {\n      ...TicketTypeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitationWithSignUp($token: String!, $name: String!, $password: String!) {\n    acceptInvitationWithSignUp(token: $token, name: $name, password: $password) {\n      token\n      user {\n        id\n        memberships {\n          tenant {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitationWithSignUp($token: String!, $name: String!, $password: String!) {\n    acceptInvitationWithSignUp(token: $token, name: $name, password: $password) {\n      token\n      user {\n        id\n        memberships {\n          tenant {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      role\n      tenant {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      role\n      tenant {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      tenantName\n      role\n      email\n      status\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      tenantName\n      role\n      email\n      status\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invitations($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      invitations {\n        id\n        email\n        role\n        status\n        sentAt\n        expiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Invitations($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      invitations {\n        id\n        email\n        role\n        status\n        sentAt\n        expiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($tenantId: ID!, $email: String!, $role: MemberRole!) {\n    inviteMember(tenantId: $tenantId, email: $email, role: $role) {\n      id\n      email\n      role\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation InviteMember($tenantId: ID!, $email: String!, $role: MemberRole!) {\n    inviteMember(tenantId: $tenantId, email: $email, role: $role) {\n      id\n      email\n      role\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Members($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      members {\n        tenantId\n        userId\n        name\n        email\n        role\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Members($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      members {\n        tenantId\n        userId\n        name\n        email\n        role\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($tenantId: ID!, $userId: ID!) {\n    removeMember(tenantId: $tenantId, userId: $userId)\n  }\n"): (typeof documents)["\n  mutation RemoveMember($tenantId: ID!, $userId: ID!) {\n    removeMember(tenantId: $tenantId, userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvitation($tenantId: ID!, $id: ID!) {\n    resendInvitation(tenantId: $tenantId, id: $id) {\n      id\n      status\n      sentAt\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation ResendInvitation($tenantId: ID!, $id: ID!) {\n    resendInvitation(tenantId: $tenantId, id: $id) {\n      id\n      status\n      sentAt\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($tenantId: ID!, $id: ID!) {\n    revokeInvitation(tenantId: $tenantId, id: $id)\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($tenantId: ID!, $id: ID!) {\n    revokeInvitation(tenantId: $tenantId, id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMemberRole($tenantId: ID!, $userId: ID!, $role: MemberRole!) {\n    updateMemberRole(tenantId: $tenantId, userId: $userId, role: $role) {\n      tenantId\n      userId\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMemberRole($tenantId: ID!, $userId: ID!, $role: MemberRole!) {\n    updateMemberRole(tenantId: $tenantId, userId: $userId, role: $role) {\n      tenantId\n      userId\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DevMailbox($tenantId: ID!) {\n    devMailbox(tenantId: $tenantId) {\n      id\n      kind\n      to\n      subject\n      body\n      receivedAt\n    }\n  }\n"): (typeof documents)["\n  query DevMailbox($tenantId: ID!) {\n    devMailbox(tenantId: $tenantId) {\n      id\n      kind\n      to\n      subject\n      body\n      receivedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LineNotificationSettings($lineId: ID!) {\n    notificationSettings(lineId: $lineId) {\n      ...LineNotificationSettingsFields\n    }\n  }\n\n  fragment LineNotificationSettingsFields on LineNotificationSettings {\n    lineId\n    joined\n    almostThere\n    almostTherePosition\n    almostThereMinutes\n    called\n    noShow\n    expired\n    cancelled\n  }\n"): (typeof documents)["\n  query LineNotificationSettings($lineId: ID!) {\n    notificationSettings(lineId: $lineId) {\n      ...LineNotificationSettingsFields\n    }\n  }\n\n  fragment LineNotificationSettingsFields on LineNotificationSettings {\n    lineId\n    joined\n    almostThere\n    almostTherePosition\n    almostThereMinutes\n    called\n    noShow\n    expired\n    cancelled\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationFields on Notification {\n    id\n    ticketId\n    lineId\n    trigger\n    channel\n    provider\n    status\n    attempts\n    recipient\n    subject\n    lastError\n    createdAt\n    sentAt\n    nextAttemptAt\n  }\n"): (typeof documents)["\n  fragment NotificationFields on Notification {\n    id\n    ticketId\n    lineId\n    trigger\n    channel\n    provider\n    status\n    attempts\n    recipient\n    subject\n    lastError\n    createdAt\n    sentAt\n    nextAttemptAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationLines($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      lines {\n        id\n        name\n        prefix\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationLines($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      lines {\n        id\n        name\n        prefix\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationProviders($tenantId: ID!) {\n    notificationProviders(tenantId: $tenantId) {\n      ...NotificationProvidersFields\n    }\n  }\n\n  fragment NotificationProvidersFields on NotificationProviders {\n    smsRoute\n    twilioConfigured\n    twilioAccountSid\n    twilioFrom\n    webhookUrl\n    webhookConfigured\n    emailSenderName\n    emailReplyTo\n    platformSms\n    platformEmail\n  }\n"): (typeof documents)["\n  query NotificationProviders($tenantId: ID!) {\n    notificationProviders(tenantId: $tenantId) {\n      ...NotificationProvidersFields\n    }\n  }\n\n  fragment NotificationProvidersFields on NotificationProviders {\n    smsRoute\n    twilioConfigured\n    twilioAccountSid\n    twilioFrom\n    webhookUrl\n    webhookConfigured\n    emailSenderName\n    emailReplyTo\n    platformSms\n    platformEmail\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationTemplates($tenantId: ID!) {\n    notificationTemplates(tenantId: $tenantId) {\n      ...NotificationTemplateFields\n    }\n  }\n\n  fragment NotificationTemplateFields on NotificationTemplate {\n    trigger\n    channel\n    language\n    subject\n    body\n    isDefault\n    variables\n  }\n"): (typeof documents)["\n  query NotificationTemplates($tenantId: ID!) {\n    notificationTemplates(tenantId: $tenantId) {\n      ...NotificationTemplateFields\n    }\n  }\n\n  fragment NotificationTemplateFields on NotificationTemplate {\n    trigger\n    channel\n    language\n    subject\n    body\n    isDefault\n    variables\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewNotificationTemplate($tenantId: ID!, $input: NotificationTemplateInput!) {\n    previewNotificationTemplate(tenantId: $tenantId, input: $input) {\n      subject\n      body\n    }\n  }\n"): (typeof documents)["\n  query PreviewNotificationTemplate($tenantId: ID!, $input: NotificationTemplateInput!) {\n    previewNotificationTemplate(tenantId: $tenantId, input: $input) {\n      subject\n      body\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetNotificationTemplate($tenantId: ID!, $trigger: NotificationTrigger!, $channel: NotificationChannel!, $language: String!) {\n    resetNotificationTemplate(tenantId: $tenantId, trigger: $trigger, channel: $channel, language: $language) {\n      ...NotificationTemplateFields\n    }\n  }\n"): (typeof documents)["\n  mutation ResetNotificationTemplate($tenantId: ID!, $trigger: NotificationTrigger!, $channel: NotificationChannel!, $language: String!) {\n    resetNotificationTemplate(tenantId: $tenantId, trigger: $trigger, channel: $channel, language: $language) {\n      ...NotificationTemplateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMyEscalationEmails($tenantId: ID!, $enabled: Boolean!) {\n    setMyEscalationEmails(tenantId: $tenantId, enabled: $enabled)\n  }\n"): (typeof documents)["\n  mutation SetMyEscalationEmails($tenantId: ID!, $enabled: Boolean!) {\n    setMyEscalationEmails(tenantId: $tenantId, enabled: $enabled)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetNotificationProviders($tenantId: ID!, $input: NotificationProvidersInput!) {\n    setNotificationProviders(tenantId: $tenantId, input: $input) {\n      ...NotificationProvidersFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetNotificationProviders($tenantId: ID!, $input: NotificationProvidersInput!) {\n    setNotificationProviders(tenantId: $tenantId, input: $input) {\n      ...NotificationProvidersFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetNotificationTemplate($tenantId: ID!, $input: NotificationTemplateInput!) {\n    setNotificationTemplate(tenantId: $tenantId, input: $input) {\n      ...NotificationTemplateFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetNotificationTemplate($tenantId: ID!, $input: NotificationTemplateInput!) {\n    setNotificationTemplate(tenantId: $tenantId, input: $input) {\n      ...NotificationTemplateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantNotifications($tenantId: ID!, $filter: NotificationFilter, $first: Int!, $after: String) {\n    tenantNotifications(tenantId: $tenantId, filter: $filter, first: $first, after: $after) {\n      nodes {\n        ...NotificationFields\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      counts {\n        pending\n        sending\n        sent\n        retrying\n        dead\n        skipped\n      }\n    }\n  }\n"): (typeof documents)["\n  query TenantNotifications($tenantId: ID!, $filter: NotificationFilter, $first: Int!, $after: String) {\n    tenantNotifications(tenantId: $tenantId, filter: $filter, first: $first, after: $after) {\n      nodes {\n        ...NotificationFields\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      counts {\n        pending\n        sending\n        sent\n        retrying\n        dead\n        skipped\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationSettings($lineId: ID!, $input: NotificationSettingsInput!) {\n    updateNotificationSettings(lineId: $lineId, input: $input) {\n      ...LineNotificationSettingsFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateNotificationSettings($lineId: ID!, $input: NotificationSettingsInput!) {\n    updateNotificationSettings(lineId: $lineId, input: $input) {\n      ...LineNotificationSettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlatformCheck {\n    platformAccounts {\n      id\n    }\n  }\n"): (typeof documents)["\n  query PlatformCheck {\n    platformAccounts {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTenantSuspended($tenantId: ID!, $suspended: Boolean!) {\n    setTenantSuspended(tenantId: $tenantId, suspended: $suspended)\n  }\n"): (typeof documents)["\n  mutation SetTenantSuspended($tenantId: ID!, $suspended: Boolean!) {\n    setTenantSuspended(tenantId: $tenantId, suspended: $suspended)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelTenantDeletion($id: ID!) {\n    cancelTenantDeletion(id: $id) {\n      id\n      deletionScheduledAt\n    }\n  }\n"): (typeof documents)["\n  mutation CancelTenantDeletion($id: ID!) {\n    cancelTenantDeletion(id: $id) {\n      id\n      deletionScheduledAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteTenant($id: ID!) {\n    deleteTenant(id: $id) {\n      id\n      deletionScheduledAt\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteTenant($id: ID!) {\n    deleteTenant(id: $id) {\n      id\n      deletionScheduledAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportTenantData($tenantId: ID!) {\n    exportTenantData(tenantId: $tenantId) {\n      url\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation ExportTenantData($tenantId: ID!) {\n    exportTenantData(tenantId: $tenantId) {\n      url\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantSettings($id: ID!) {\n    tenant(id: $id) {\n      ...TenantSettingsFields\n    }\n  }\n\n  fragment TenantSettingsFields on Tenant {\n    id\n    name\n    slug\n    location {\n      address\n      latitude\n      longitude\n      insideTenantId\n    }\n    theme {\n      primaryColor\n      accentColor\n      logoUrl\n      fontFamily\n    }\n    settings\n    effectiveSettings\n    retentionDays\n    deletionScheduledAt\n    ancestors {\n      id\n      name\n      settings\n    }\n  }\n"): (typeof documents)["\n  query TenantSettings($id: ID!) {\n    tenant(id: $id) {\n      ...TenantSettingsFields\n    }\n  }\n\n  fragment TenantSettingsFields on Tenant {\n    id\n    name\n    slug\n    location {\n      address\n      latitude\n      longitude\n      insideTenantId\n    }\n    theme {\n      primaryColor\n      accentColor\n      logoUrl\n      fontFamily\n    }\n    settings\n    effectiveSettings\n    retentionDays\n    deletionScheduledAt\n    ancestors {\n      id\n      name\n      settings\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTenant($id: ID!, $input: UpdateTenantInput!) {\n    updateTenant(id: $id, input: $input) {\n      ...TenantSettingsFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTenant($id: ID!, $input: UpdateTenantInput!) {\n    updateTenant(id: $id, input: $input) {\n      ...TenantSettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetTemplateField($tenantId: ID!, $template: TemplateKind!, $field: String!) {\n    resetTemplateField(tenantId: $tenantId, template: $template, field: $field) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ResetTemplateField($tenantId: ID!, $template: TemplateKind!, $field: String!) {\n    resetTemplateField(tenantId: $tenantId, template: $template, field: $field) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetLinePreset($tenantId: ID!, $input: LinePresetInput!) {\n    setLinePreset(tenantId: $tenantId, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SetLinePreset($tenantId: ID!, $input: LinePresetInput!) {\n    setLinePreset(tenantId: $tenantId, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTemplateTheme($id: ID!, $theme: ThemeInput!) {\n    updateTenant(id: $id, input: { theme: $theme }) {\n      id\n      theme {\n        primaryColor\n        accentColor\n        logoUrl\n        fontFamily\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetTemplateTheme($id: ID!, $theme: ThemeInput!) {\n    updateTenant(id: $id, input: { theme: $theme }) {\n      id\n      theme {\n        primaryColor\n        accentColor\n        logoUrl\n        fontFamily\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetInheritedTicketTypeHidden($tenantId: ID!, $ticketTypeId: ID!, $hidden: Boolean!) {\n    setInheritedTicketTypeHidden(tenantId: $tenantId, ticketTypeId: $ticketTypeId, hidden: $hidden) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SetInheritedTicketTypeHidden($tenantId: ID!, $ticketTypeId: ID!, $hidden: Boolean!) {\n    setInheritedTicketTypeHidden(tenantId: $tenantId, ticketTypeId: $ticketTypeId, hidden: $hidden) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantTemplates($id: ID!) {\n    tenant(id: $id) {\n      id\n      name\n      templates {\n        theme {\n          field\n          value\n          overridden\n          source {\n            id\n            name\n          }\n        }\n        linePreset {\n          field\n          value\n          overridden\n          source {\n            id\n            name\n          }\n        }\n        extensionSchema {\n          version\n          overridden\n          source {\n            id\n            name\n          }\n        }\n        ticketTypes {\n          id\n          code\n          name\n          inherited\n          hidden\n          archivedAt\n          source {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TenantTemplates($id: ID!) {\n    tenant(id: $id) {\n      id\n      name\n      templates {\n        theme {\n          field\n          value\n          overridden\n          source {\n            id\n            name\n          }\n        }\n        linePreset {\n          field\n          value\n          overridden\n          source {\n            id\n            name\n          }\n        }\n        extensionSchema {\n          version\n          overridden\n          source {\n            id\n            name\n          }\n        }\n        ticketTypes {\n          id\n          code\n          name\n          inherited\n          hidden\n          archivedAt\n          source {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      id\n      name\n      slug\n      depth\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      id\n      name\n      slug\n      depth\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveTenant($id: ID!, $parentId: ID!) {\n    moveTenant(id: $id, parentId: $parentId) {\n      id\n      depth\n      parent {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MoveTenant($id: ID!, $parentId: ID!) {\n    moveTenant(id: $id, parentId: $parentId) {\n      id\n      depth\n      parent {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Subtenants($id: ID!, $search: String, $first: Int, $after: String) {\n    tenant(id: $id) {\n      id\n      descendants(search: $search, first: $first, after: $after) {\n        totalCount\n        nodes {\n          id\n          name\n          depth\n          suspended\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Subtenants($id: ID!, $search: String, $first: Int, $after: String) {\n    tenant(id: $id) {\n      id\n      descendants(search: $search, first: $first, after: $after) {\n        totalCount\n        nodes {\n          id\n          name\n          depth\n          suspended\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantShell($id: ID!) {\n    tenant(id: $id) {\n      id\n      name\n      slug\n      depth\n      accountId\n      suspended\n      deletionScheduledAt\n      ancestors {\n        id\n        name\n      }\n      theme {\n        primaryColor\n        accentColor\n        logoUrl\n        fontFamily\n      }\n    }\n    viewerPermissions(tenantId: $id) {\n      tenantId\n      role\n      permissions\n      grantableRoles\n      grantableScopes\n    }\n  }\n"): (typeof documents)["\n  query TenantShell($id: ID!) {\n    tenant(id: $id) {\n      id\n      name\n      slug\n      depth\n      accountId\n      suspended\n      deletionScheduledAt\n      ancestors {\n        id\n        name\n      }\n      theme {\n        primaryColor\n        accentColor\n        logoUrl\n        fontFamily\n      }\n    }\n    viewerPermissions(tenantId: $id) {\n      tenantId\n      role\n      permissions\n      grantableRoles\n      grantableScopes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantTree($id: ID!) {\n    tenant(id: $id) {\n      ...TreeNode\n      children {\n        ...TreeNode\n        children {\n          ...TreeNode\n          children {\n            ...TreeNode\n            children {\n              ...TreeNode\n              children {\n                ...TreeNode\n                children {\n                  id\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n\n  fragment TreeNode on Tenant {\n    id\n    name\n    slug\n    depth\n    suspended\n    location {\n      address\n    }\n  }\n"): (typeof documents)["\n  query TenantTree($id: ID!) {\n    tenant(id: $id) {\n      ...TreeNode\n      children {\n        ...TreeNode\n        children {\n          ...TreeNode\n          children {\n            ...TreeNode\n            children {\n              ...TreeNode\n              children {\n                ...TreeNode\n                children {\n                  id\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n\n  fragment TreeNode on Tenant {\n    id\n    name\n    slug\n    depth\n    suspended\n    location {\n      address\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;