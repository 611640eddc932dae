import type { en } from "./en";

/** The same keys as `T`, every leaf a string: what a translation must provide. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** Every language has every key of English (TypeScript lists what a translation misses). */
export type Resources = Shape<typeof en>;
