/**
 * Request limits shared by HTTP (Apollo `validationRules`) and WebSocket (graphql-ws `validate` and
 * `onSubscribe`): graphql-ws runs neither Apollo plugins nor its validation rules by itself.
 */
import {
  GraphQLError,
  Kind,
  specifiedRules,
  validate,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import { ErrorCode } from "./errors/codes.js";

export const limits = {
  /** Deepest selection: Tenant.children.children… is legitimate, but not without bound. */
  maxDepth: 12,
  /** Aliases per operation: stops one request from fanning out into thousands of resolver calls. */
  maxAliases: 30,
  /** Subscriptions one WebSocket may hold at once. */
  maxSubscriptionsPerConnection: 50,
} as const;

const limitError = (message: string) => new GraphQLError(message, { extensions: { code: ErrorCode.LIMIT_EXCEEDED } });

function selectionDepth(set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, seen: Set<string>): number {
  if (!set) return 0;
  let deepest = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      deepest = Math.max(deepest, selection.selectionSet ? 1 + selectionDepth(selection.selectionSet, fragments, seen) : 1);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, selectionDepth(selection.selectionSet, fragments, seen));
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) continue; // cycles are reported by graphql's own NoFragmentCycles rule
      deepest = Math.max(deepest, selectionDepth(fragment.selectionSet, fragments, new Set([...seen, name])));
    }
  }
  return deepest;
}

export const maxDepthRule: ValidationRule = (context: ValidationContext): ASTVisitor => {
  const document = context.getDocument();
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  return {
    OperationDefinition(operation) {
      const depth = selectionDepth(operation.selectionSet, fragments, new Set());
      if (depth > limits.maxDepth) context.reportError(limitError(`Query depth ${depth} exceeds the limit of ${limits.maxDepth}`));
    },
  };
};

export const maxAliasesRule: ValidationRule = (context: ValidationContext): ASTVisitor => {
  let aliases = 0;
  return {
    Field(field) {
      if (field.alias && ++aliases === limits.maxAliases + 1) context.reportError(limitError(`More than ${limits.maxAliases} aliases in one request`));
    },
  };
};

export const qlineValidationRules: ValidationRule[] = [maxDepthRule, maxAliasesRule];

/** graphql-ws's `validate`: graphql's own rules plus ours. */
export const validateWithLimits = (schema: GraphQLSchema, document: DocumentNode) => validate(schema, document, [...specifiedRules, ...qlineValidationRules]);
