/**
 * The one message layer. Every user-visible string goes through `translate`. Message catalogs are
 * per locale (language part), each split by element so they can grow independently; a missing
 * message falls back to English, then to its key.
 *
 * Placeholders: `{name}` replaced by `params.name` (as text; elements render results as text nodes,
 * never as HTML).
 */
import { en } from './en/index.js';

export type Catalog = Readonly<Record<string, string>>;
const catalogs = new Map<string, Catalog>([['en', en]]);

/** Adds or extends a locale's catalog (hosts may override any message). */
export function registerMessages(locale: string, messages: Catalog): void {
  const lang = normalizeLocale(locale);
  catalogs.set(lang, { ...(catalogs.get(lang) ?? {}), ...messages });
}

export function normalizeLocale(locale: string): string {
  return (locale || 'en').toLowerCase().split(/[-_]/)[0] || 'en';
}

export function translate(locale: string, key: string, params?: Readonly<Record<string, string | number>>): string {
  const lang = normalizeLocale(locale);
  const template = catalogs.get(lang)?.[key] ?? en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** Right-to-left scripts by language. */
const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ku', 'sd', 'ug']);
export function isRtl(locale: string): boolean {
  return RTL.has(normalizeLocale(locale));
}
