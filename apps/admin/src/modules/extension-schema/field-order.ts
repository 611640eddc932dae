/**
 * The custom fields' order. PostgreSQL's jsonb does not keep the order of `properties`, so the API stores it as
 * `x-order` (a list of top-level property names); the kiosk renders in that order, and so do the preview and
 * the walk-in form here. A schema without `x-order` is in the order its properties are written.
 */
export const fieldOrderKeyword = "x-order";

const propertyNames = (schema: Record<string, unknown> | null | undefined): string[] => {
  const properties = schema?.properties;
  return properties && typeof properties === "object" && !Array.isArray(properties) ? Object.keys(properties) : [];
};

/** Every top-level property once: `x-order`'s names that exist first, then the others as written. */
export function fieldOrderOf(schema: Record<string, unknown> | null | undefined): string[] {
  const names = propertyNames(schema);
  const given = schema?.[fieldOrderKeyword];
  const order = Array.isArray(given) ? given.filter((n): n is string => typeof n === "string" && names.includes(n)) : [];
  const unique = [...new Set(order)];
  return [...unique, ...names.filter((n) => !unique.includes(n))];
}

/** The schema with `x-order` set to `order` (normalised: unknown names dropped, missing ones appended). */
export function withFieldOrder(schema: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const names = propertyNames(schema);
  if (names.length === 0) {
    const { [fieldOrderKeyword]: _dropped, ...rest } = schema;
    return rest;
  }
  return { ...schema, [fieldOrderKeyword]: fieldOrderOf({ ...schema, [fieldOrderKeyword]: [...order] }) };
}

/** `order` with `name` moved one place up (-1) or down (+1); unchanged at the ends. */
export function moveField(order: readonly string[], name: string, delta: -1 | 1): string[] {
  const from = order.indexOf(name);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= order.length) return [...order];
  const next = [...order];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}
