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
    "\n  query ApiKeys($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      apiKeys {\n        ...ApiKeyFields\n      }\n    }\n  }\n\n  fragment ApiKeyFields on ApiKey {\n    id\n    tenantId\n    name\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($tenantId: ID!, $name: String!, $scopes: [String!]!) {\n    createApiKey(tenantId: $tenantId, name: $name, scopes: $scopes) {\n      secret\n      apiKey {\n        ...ApiKeyFields\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyFields\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query AuditLog($tenantId: ID!, $filter: AuditFilterInput, $first: Int!, $after: String) {\n    tenant(id: $tenantId) {\n      id\n      auditLog(filter: $filter, first: $first, after: $after) {\n        nodes {\n          id\n          action\n          actorId\n          actorType\n          targetType\n          targetId\n          before\n          after\n          createdAt\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user {\n        id\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      email\n      memberships {\n        role\n        suspended\n        tenant {\n          id\n          name\n          slug\n          depth\n          accountId\n        }\n      }\n    }\n    accounts {\n      id\n      name\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user {\n        id\n      }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  query SlugAvailable($slug: String!) {\n    slugAvailable(slug: $slug) {\n      available\n      reason\n    }\n  }\n": typeof types.SlugAvailableDocument,
    "\n  mutation AddMember($tenantId: ID!, $email: String!, $role: MemberRole!) {\n    addMember(tenantId: $tenantId, email: $email, role: $role) {\n      tenantId\n      userId\n      name\n      email\n      role\n      createdAt\n    }\n  }\n": typeof types.AddMemberDocument,
    "\n  query Members($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      members {\n        tenantId\n        userId\n        name\n        email\n        role\n        createdAt\n      }\n    }\n  }\n": typeof types.MembersDocument,
    "\n  mutation RemoveMember($tenantId: ID!, $userId: ID!) {\n    removeMember(tenantId: $tenantId, userId: $userId)\n  }\n": typeof types.RemoveMemberDocument,
    "\n  mutation UpdateMemberRole($tenantId: ID!, $userId: ID!, $role: MemberRole!) {\n    updateMemberRole(tenantId: $tenantId, userId: $userId, role: $role) {\n      tenantId\n      userId\n      role\n    }\n  }\n": typeof types.UpdateMemberRoleDocument,
    "\n  query TenantSettings($id: ID!) {\n    tenant(id: $id) {\n      ...TenantSettingsFields\n    }\n  }\n\n  fragment TenantSettingsFields on Tenant {\n    id\n    name\n    slug\n    location {\n      address\n      latitude\n      longitude\n      insideTenantId\n    }\n    theme {\n      primaryColor\n      accentColor\n      logoUrl\n      fontFamily\n    }\n    settings\n    effectiveSettings\n    ancestors {\n      id\n      name\n      settings\n    }\n  }\n": typeof types.TenantSettingsDocument,
    "\n  mutation UpdateTenant($id: ID!, $input: UpdateTenantInput!) {\n    updateTenant(id: $id, input: $input) {\n      ...TenantSettingsFields\n    }\n  }\n": typeof types.UpdateTenantDocument,
    "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      id\n      name\n      slug\n      depth\n    }\n  }\n": typeof types.CreateTenantDocument,
    "\n  mutation MoveTenant($id: ID!, $parentId: ID!) {\n    moveTenant(id: $id, parentId: $parentId) {\n      id\n      depth\n      parent {\n        id\n      }\n    }\n  }\n": typeof types.MoveTenantDocument,
    "\n  query TenantShell($id: ID!) {\n    tenant(id: $id) {\n      id\n      name\n      slug\n      depth\n      accountId\n      suspended\n      ancestors {\n        id\n        name\n      }\n      theme {\n        primaryColor\n        accentColor\n        logoUrl\n        fontFamily\n      }\n    }\n  }\n": typeof types.TenantShellDocument,
    "\n  query TenantTree($id: ID!) {\n    tenant(id: $id) {\n      ...TreeNode\n      children {\n        ...TreeNode\n        children {\n          ...TreeNode\n          children {\n            ...TreeNode\n            children {\n              ...TreeNode\n              children {\n                ...TreeNode\n                children {\n                  id\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n\n  fragment TreeNode on Tenant {\n    id\n    name\n    slug\n    depth\n    suspended\n    location {\n      address\n    }\n  }\n": typeof types.TenantTreeDocument,
};
const documents: Documents = {
    "\n  query ApiKeys($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      apiKeys {\n        ...ApiKeyFields\n      }\n    }\n  }\n\n  fragment ApiKeyFields on ApiKey {\n    id\n    tenantId\n    name\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($tenantId: ID!, $name: String!, $scopes: [String!]!) {\n    createApiKey(tenantId: $tenantId, name: $name, scopes: $scopes) {\n      secret\n      apiKey {\n        ...ApiKeyFields\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyFields\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query AuditLog($tenantId: ID!, $filter: AuditFilterInput, $first: Int!, $after: String) {\n    tenant(id: $tenantId) {\n      id\n      auditLog(filter: $filter, first: $first, after: $after) {\n        nodes {\n          id\n          action\n          actorId\n          actorType\n          targetType\n          targetId\n          before\n          after\n          createdAt\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user {\n        id\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      email\n      memberships {\n        role\n        suspended\n        tenant {\n          id\n          name\n          slug\n          depth\n          accountId\n        }\n      }\n    }\n    accounts {\n      id\n      name\n    }\n  }\n": types.MeDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user {\n        id\n      }\n    }\n  }\n": types.SignUpDocument,
    "\n  query SlugAvailable($slug: String!) {\n    slugAvailable(slug: $slug) {\n      available\n      reason\n    }\n  }\n": types.SlugAvailableDocument,
    "\n  mutation AddMember($tenantId: ID!, $email: String!, $role: MemberRole!) {\n    addMember(tenantId: $tenantId, email: $email, role: $role) {\n      tenantId\n      userId\n      name\n      email\n      role\n      createdAt\n    }\n  }\n": types.AddMemberDocument,
    "\n  query Members($tenantId: ID!) {\n    tenant(id: $tenantId) {\n      id\n      members {\n        tenantId\n        userId\n        name\n        email\n        role\n        createdAt\n      }\n    }\n  }\n": types.MembersDocument,
    "\n  mutation RemoveMember($tenantId: ID!, $userId: ID!) {\n    removeMember(tenantId: $tenantId, userId: $userId)\n  }\n": types.RemoveMemberDocument,
    "\n  mutation UpdateMemberRole($tenantId: ID!, $userId: ID!, $role: MemberRole!) {\n    updateMemberRole(tenantId: $tenantId, userId: $userId, role: $role) {\n      tenantId\n      userId\n      role\n    }\n  }\n": types.UpdateMemberRoleDocument,
    "\n  query TenantSettings($id: ID!) {\n    tenant(id: $id) {\n      ...TenantSettingsFields\n    }\n  }\n\n  fragment TenantSettingsFields on Tenant {\n    id\n    name\n    slug\n    location {\n      address\n      latitude\n      longitude\n      insideTenantId\n    }\n    theme {\n      primaryColor\n      accentColor\n      logoUrl\n      fontFamily\n    }\n    settings\n    effectiveSettings\n    ancestors {\n      id\n      name\n      settings\n    }\n  }\n": types.TenantSettingsDocument,
    "\n  mutation UpdateTenant($id: ID!, $input: UpdateTenantInput!) {\n    updateTenant(id: $id, input: $input) {\n      ...TenantSettingsFields\n    }\n  }\n": types.UpdateTenantDocument,
    "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      id\n      name\n      slug\n      depth\n    }\n  }\n": types.CreateTenantDocument,
    "\n  mutation MoveTenant($id: ID!, $parentId: ID!) {\n    moveTenant(id: $id, parentId: $parentId) {\n      id\n      depth\n      parent {\n        id\n      }\n    }\n  }\n": types.MoveTenantDocument,
    "\n  query TenantShell($id: ID!) {\n    tenant(id: $id) {\n      id\n      name\n      slug\n      depth\n      accountId\n      suspended\n      ancestors {\n        id\n        name\n      }\n      theme {\n        primaryColor\n        accentColor\n        logoUrl\n        fontFamily\n      }\n    }\n  }\n": types.TenantShellDocument,
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
export function graphql(source: "\n  query AuditLog($tenantId: ID!, $filter: AuditFilterInput, $first: Int!, $after: String) {\n    tenant(id: $tenantId) {\n      id\n      auditLog(filter: $filter, first: $first, after: $after) {\n        nodes {\n          id\n          action\n          actorId\n          actorType\n          targetType\n          targetId\n          before\n          after\n          createdAt\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($tenantId: ID!, $filter: AuditFilterInput, $first: Int!, $after: String) {\n    tenant(id: $tenantId) {\n      id\n      auditLog(filter: $filter, first: $first, after: $after) {\n        nodes {\n          id\n          action\n          actorId\n          actorType\n          targetType\n          targetId\n          before\n          after\n          createdAt\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      name\n      email\n      memberships {\n        role\n        suspended\n        tenant {\n          id\n          name\n          slug\n          depth\n          accountId\n        }\n      }\n    }\n    accounts {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      name\n      email\n      memberships {\n        role\n        suspended\n        tenant {\n          id\n          name\n          slug\n          depth\n          accountId\n        }\n      }\n    }\n    accounts {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SlugAvailable($slug: String!) {\n    slugAvailable(slug: $slug) {\n      available\n      reason\n    }\n  }\n"): (typeof documents)["\n  query SlugAvailable($slug: String!) {\n    slugAvailable(slug: $slug) {\n      available\n      reason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddMember($tenantId: ID!, $email: String!, $role: MemberRole!) {\n    addMember(tenantId: $tenantId, email: $email, role: $role) {\n      tenantId\n      userId\n      name\n      email\n      role\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation AddMember($tenantId: ID!, $email: String!, $role: MemberRole!) {\n    addMember(tenantId: $tenantId, email: $email, role: $role) {\n      tenantId\n      userId\n      name\n      email\n      role\n      createdAt\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation UpdateMemberRole($tenantId: ID!, $userId: ID!, $role: MemberRole!) {\n    updateMemberRole(tenantId: $tenantId, userId: $userId, role: $role) {\n      tenantId\n      userId\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMemberRole($tenantId: ID!, $userId: ID!, $role: MemberRole!) {\n    updateMemberRole(tenantId: $tenantId, userId: $userId, role: $role) {\n      tenantId\n      userId\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantSettings($id: ID!) {\n    tenant(id: $id) {\n      ...TenantSettingsFields\n    }\n  }\n\n  fragment TenantSettingsFields on Tenant {\n    id\n    name\n    slug\n    location {\n      address\n      latitude\n      longitude\n      insideTenantId\n    }\n    theme {\n      primaryColor\n      accentColor\n      logoUrl\n      fontFamily\n    }\n    settings\n    effectiveSettings\n    ancestors {\n      id\n      name\n      settings\n    }\n  }\n"): (typeof documents)["\n  query TenantSettings($id: ID!) {\n    tenant(id: $id) {\n      ...TenantSettingsFields\n    }\n  }\n\n  fragment TenantSettingsFields on Tenant {\n    id\n    name\n    slug\n    location {\n      address\n      latitude\n      longitude\n      insideTenantId\n    }\n    theme {\n      primaryColor\n      accentColor\n      logoUrl\n      fontFamily\n    }\n    settings\n    effectiveSettings\n    ancestors {\n      id\n      name\n      settings\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTenant($id: ID!, $input: UpdateTenantInput!) {\n    updateTenant(id: $id, input: $input) {\n      ...TenantSettingsFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTenant($id: ID!, $input: UpdateTenantInput!) {\n    updateTenant(id: $id, input: $input) {\n      ...TenantSettingsFields\n    }\n  }\n"];
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
export function graphql(source: "\n  query TenantShell($id: ID!) {\n    tenant(id: $id) {\n      id\n      name\n      slug\n      depth\n      accountId\n      suspended\n      ancestors {\n        id\n        name\n      }\n      theme {\n        primaryColor\n        accentColor\n        logoUrl\n        fontFamily\n      }\n    }\n  }\n"): (typeof documents)["\n  query TenantShell($id: ID!) {\n    tenant(id: $id) {\n      id\n      name\n      slug\n      depth\n      accountId\n      suspended\n      ancestors {\n        id\n        name\n      }\n      theme {\n        primaryColor\n        accentColor\n        logoUrl\n        fontFamily\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantTree($id: ID!) {\n    tenant(id: $id) {\n      ...TreeNode\n      children {\n        ...TreeNode\n        children {\n          ...TreeNode\n          children {\n            ...TreeNode\n            children {\n              ...TreeNode\n              children {\n                ...TreeNode\n                children {\n                  id\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n\n  fragment TreeNode on Tenant {\n    id\n    name\n    slug\n    depth\n    suspended\n    location {\n      address\n    }\n  }\n"): (typeof documents)["\n  query TenantTree($id: ID!) {\n    tenant(id: $id) {\n      ...TreeNode\n      children {\n        ...TreeNode\n        children {\n          ...TreeNode\n          children {\n            ...TreeNode\n            children {\n              ...TreeNode\n              children {\n                ...TreeNode\n                children {\n                  id\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n\n  fragment TreeNode on Tenant {\n    id\n    name\n    slug\n    depth\n    suspended\n    location {\n      address\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;