/**
 * GraphiQL at /graphiql/, entirely from local files: the page and its setup script (apps/api/graphiql/) and the
 * UMD builds of graphiql 3 and React 18 from node_modules (the `graphiql` catalog pins them). Nothing is fetched
 * from a CDN, so it works offline and under the API's Content-Security-Policy (scripts from 'self' only).
 *
 * GraphiQL's own introspection query nests `ofType` nine levels deep; the page's fetcher swaps it for
 * `graphiqlIntrospectionQuery` below (served at /graphiql/introspection.graphql), which asks the same questions
 * with three levels — enough for every type in this schema (`[X!]!`) — so it passes the depth and cost limits
 * every other query meets. A test checks that it passes them and that the schema it yields is the server's.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Express } from "express";

const typeRef = "kind name ofType { kind name ofType { kind name ofType { kind name } } }";
export const graphiqlIntrospectionQuery = `query IntrospectionQuery {
  __schema {
    description
    queryType { name }
    mutationType { name }
    subscriptionType { name }
    types { ...FullType }
    directives { name description isRepeatable locations args(includeDeprecated: true) { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description specifiedByURL
  fields(includeDeprecated: true) { name description args(includeDeprecated: true) { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields(includeDeprecated: true) { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue isDeprecated deprecationReason }
fragment TypeRef on __Type { ${typeRef} }
`;

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** The vendor files the page loads, by the name it asks for. */
export const graphiqlVendorFiles: Record<string, string> = {
  "graphiql.min.js": join(packageDir("graphiql"), "graphiql.min.js"),
  "graphiql.min.css": join(packageDir("graphiql"), "graphiql.min.css"),
  "react.production.min.js": join(packageDir("react"), "umd/react.production.min.js"),
  "react-dom.production.min.js": join(packageDir("react-dom"), "umd/react-dom.production.min.js"),
};

const pageDir = fileURLToPath(new URL("../../graphiql/", import.meta.url));

export function mountGraphiql(app: Express): void {
  app.get("/graphiql/vendor/:file", (req, res, next) => {
    const file = graphiqlVendorFiles[req.params.file];
    if (!file) return next();
    // pnpm keeps packages under node_modules/.pnpm, which `send` would refuse as a dot-directory by default.
    res.sendFile(file, { maxAge: "1d", dotfiles: "allow" });
  });
  app.get("/graphiql/introspection.graphql", (_req, res) => {
    res.type("text/plain").send(graphiqlIntrospectionQuery);
  });
  app.use("/graphiql", express.static(pageDir, { index: "index.html" }));
}
