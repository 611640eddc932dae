/**
 * Every document the admin and kiosk apps send stays under the default request limits, checked with the same
 * parser options, rules and estimator the server uses: a limit that refused our own screens would be a bug.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import {
  Kind,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  specifiedRules,
  typeFromAST,
  validate,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import { defaultLimits, operationCost, shapeRules } from "../limits.js";
import { createPubSub } from "../pubsub/pubsub.js";
import { buildQlineSchema } from "../schema.js";

const root = fileURLToPath(new URL("../../../../", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "gql" ? [] : sourceFiles(path); // gql/: codegen output
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The `graphql(\`…\`)` texts of an app, each with the fragments it spreads appended (as the client sends it). */
function clientDocuments(app: string): { name: string; text: string }[] {
  const texts = sourceFiles(join(root, "apps", app, "src")).flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/graphql\(`([\s\S]*?)`\)/g)].map((m) => m[1]!),
  );
  const fragments = new Map<string, { definition: FragmentDefinitionNode; text: string }>();
  for (const text of texts)
    for (const definition of parse(text).definitions)
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, { definition, text });
  const spreads = (node: DefinitionNode | DocumentNode) => {
    const names: string[] = [];
    visit(node, { FragmentSpread: (s) => void names.push(s.name.value) });
    return names;
  };
  return texts
    .filter((text) => parse(text).definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION))
    .map((text) => {
      const own = new Set(parse(text).definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [d.name.value] : [])));
      const needed = new Set<string>();
      const queue = spreads(parse(text));
      while (queue.length) {
        const name = queue.pop()!;
        if (own.has(name) || needed.has(name)) continue;
        const fragment = fragments.get(name);
        assert.ok(fragment, `fragment ${name} not found`);
        needed.add(name);
        queue.push(...spreads(fragment.definition));
      }
      const extra = [...needed].map((name) => fragments.get(name)!.text);
      const operation = parse(text).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
      return { name: `${app}:${operation?.kind === Kind.OPERATION_DEFINITION ? operation.name?.value : "?"}`, text: [text, ...new Set(extra)].join("\n") };
    });
}

describe("the web apps' documents stay under the default limits", async () => {
  const schema = await buildQlineSchema(createPubSub(undefined));
  const documents = [...clientDocuments("admin"), ...clientDocuments("kiosk")];
  const rules = shapeRules(defaultLimits);

  it("finds the apps' documents", () => {
    assert.ok(documents.length >= 40, `only ${documents.length} documents found`);
    assert.ok(documents.some((d) => d.name === "admin:QueueBoard"));
    assert.ok(documents.some((d) => d.name.startsWith("kiosk:")));
  });

  for (const { name, text } of documents) {
    it(`${name}: tokens, shape and cost`, () => {
      const document = parse(text, { maxTokens: defaultLimits.maxTokens });
      assert.deepEqual(validate(schema, document, [...specifiedRules, ...rules]).map((e) => e.message), []);
      const subscription = document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === "subscription");
      // Variables are not known here: defaults apply (`tickets(first: 50)`), and explicit pages are literals in our documents.
      const cost = operationCost(schema, document, undefined, sampleVariables(schema, document));
      if (process.env.PRINT_COSTS) console.log(name, cost);
      assert.ok(cost <= (subscription ? defaultLimits.maxSubscriptionCost : defaultLimits.maxCost), `${name} costs ${cost}`);
    });
  }
});

/**
 * A value for each variable, made from its type (the estimator only reads `first`/`last`; the rest must merely
 * coerce): Int variables are the largest page our apps ask for (the board's 200), so their cost is an upper bound.
 */
function sampleVariables(schema: GraphQLSchema, document: DocumentNode): Record<string, unknown> {
  const sample = (type: GraphQLInputType): unknown => {
    if (isNonNullType(type)) return sample(type.ofType);
    if (isListType(type)) return [];
    if (isEnumType(type)) return type.getValues()[0]!.value;
    if (isInputObjectType(type))
      return Object.fromEntries(Object.values(type.getFields()).flatMap((f) => (isNonNullType(f.type) && f.defaultValue === undefined ? [[f.name, sample(f.type)]] : [])));
    const samples: Record<string, unknown> = { Int: 200, Float: 1, Boolean: true, DateTimeISO: "2026-01-01T00:00:00.000Z", JSON: {}, JSONObject: {} };
    return type.name in samples ? samples[type.name] : "00000000-0000-4000-8000-000000000000";
  };
  const values: Record<string, unknown> = {};
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      const type = typeFromAST(schema, variable.type) as GraphQLInputType; // variables are input types (validated above)
      values[variable.variable.name.value] = sample(type);
    }
  }
  return values;
}
