/**
 * A translation of an English catalog: exactly its keys (a missing or extra key is a type error),
 * each mapped to a string with the same `{placeholders}` (checked by test/i18n/catalogs.test.ts).
 */
export type Translation<T> = { readonly [K in keyof T]: string };
