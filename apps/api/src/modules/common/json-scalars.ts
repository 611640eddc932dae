/** The JSON and JSONObject scalars: values from variables as sent, inline literals built without recursion. */
import { GraphQLError, GraphQLScalarType, Kind, print, type ValueNode } from "graphql";
import { inputLimits } from "../../input/request-input.js";

const specifiedByURL = "http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf";

const literalError = (message: string, node: ValueNode) => new GraphQLError(message, { nodes: node, extensions: { code: "BAD_USER_INPUT" } });

/** An own property even for "__proto__" (plain assignment would set the prototype instead). */
const defineOwn = (target: Record<string, unknown>, key: string, value: unknown) =>
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

/**
 * An inline JSON literal (`schema: { type: "object", required: ["a"] }`, `extensions: {}`) as a plain value:
 * objects are ordinary `{}` objects (class-validator, which type-graphql runs on every argument, fails on the
 * null-prototype objects graphql-scalars builds), `$variables` inside are substituted, and the walk keeps its
 * own stack, refusing nesting past `inputLimits.maxNesting` instead of overflowing.
 */
export function jsonFromLiteral(root: ValueNode, variables?: Record<string, unknown> | null): unknown {
  let result: unknown;
  const stack: { node: ValueNode; depth: number; set: (value: unknown) => void }[] = [{ node: root, depth: 0, set: (value) => (result = value) }];
  while (stack.length > 0) {
    const { node, depth, set } = stack.pop()!;
    switch (node.kind) {
      case Kind.STRING:
      case Kind.BOOLEAN:
        set(node.value);
        break;
      case Kind.INT:
      case Kind.FLOAT:
        set(Number(node.value));
        break;
      case Kind.NULL:
        set(null);
        break;
      case Kind.VARIABLE:
        set(variables?.[node.name.value]);
        break;
      case Kind.ENUM:
        throw literalError(`JSON cannot represent the bare word ${node.value}; quote it as a string`, node);
      case Kind.LIST:
      case Kind.OBJECT: {
        if (depth >= inputLimits.maxNesting) throw literalError(`The JSON value nests deeper than ${inputLimits.maxNesting} levels`, node);
        if (node.kind === Kind.LIST) {
          const list: unknown[] = node.values.map(() => null);
          set(list);
          node.values.forEach((item, i) => stack.push({ node: item, depth: depth + 1, set: (value) => (list[i] = value ?? null) }));
        } else {
          const object: Record<string, unknown> = {};
          set(object);
          // Keys in the order written; a field whose variable is not provided is left out, as graphql-js does.
          for (const field of node.fields) defineOwn(object, field.name.value, undefined);
          for (const field of node.fields) {
            const key = field.name.value;
            stack.push({ node: field.value, depth: depth + 1, set: (value) => (value === undefined ? delete object[key] : defineOwn(object, key, value)) });
          }
        }
        break;
      }
    }
  }
  return result;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

export const JSON = new GraphQLScalarType({
  name: "JSON",
  description: `The \`JSON\` scalar type represents JSON values as specified by [ECMA-404](${specifiedByURL}).`,
  specifiedByURL,
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (node, variables) => jsonFromLiteral(node, variables),
});

export const JSONObject = new GraphQLScalarType({
  name: "JSONObject",
  description: `The \`JSONObject\` scalar type represents JSON objects as specified by [ECMA-404](${specifiedByURL}).`,
  specifiedByURL,
  serialize: (value) => {
    if (!isObject(value)) throw new GraphQLError(`JSONObject cannot represent a non-object value`);
    return value;
  },
  parseValue: (value) => {
    if (!isObject(value)) throw new GraphQLError(`JSONObject cannot represent a non-object value`, { extensions: { code: "BAD_USER_INPUT" } });
    return value;
  },
  parseLiteral: (node, variables) => {
    if (node.kind !== Kind.OBJECT) throw literalError(`JSONObject cannot represent a non-object value: ${print(node)}`, node);
    return jsonFromLiteral(node, variables);
  },
});
