/**
 * The one message layer. Every user-visible string goes through `translate`. Message catalogs are
 * per locale, each split by element so they can grow independently. English, Spanish and French
 * ship complete; hosts add a locale or override any message with `registerMessages`.
 *
 * English is built in (each module registers its own messages). Spanish and French are loaded on first use (`loadMessages`, which every
 * element calls for its locale and then re-renders), so pages that never use them never download
 * them. A host that wants no English flash awaits `loadMessages('es')` before showing the widget.
 *
 * Lookup for `es-MX`: a catalog registered for `es-mx`, then `es`, then English, then the key itself.
 * Money and dates are not messages: elements format them with `Intl` in the same locale.
 *
 * Placeholders: `{name}` replaced by `params.name` (as text; elements render results as text nodes,
 * never as HTML).
 */
import { common } from './en/common.js';

export type Catalog = Readonly<Record<string, string>>;
// English starts with the shared messages; each element and collector registers its own English
// messages when its module loads, so code that loads on demand brings its strings along.
const catalogs = new Map<string, Catalog>([['en', common]]);

/** Catalogs shipped with the widget but loaded on demand, by language. */
const lazyCatalogs: Readonly<Record<string, () => Promise<Catalog>>> = {
  es: () => import('./es/index.js').then((m) => m.es),
  fr: () => import('./fr/index.js').then((m) => m.fr),
};
const loading = new Map<string, Promise<void>>();

/**
 * Loads the shipped catalog of `locale`'s language if it has one and it is not loaded yet.
 * Resolves once it is registered (messages registered by a host earlier still win). Returns null
 * when there is nothing to load. Never rejects: a failed load leaves English in place.
 */
export function loadMessages(locale: string): Promise<void> | null {
  const lang = normalizeLocale(locale);
  const load = lazyCatalogs[lang];
  if (!load) return null;
  let pending = loading.get(lang);
  if (!pending) {
    pending = load().then(
      (shipped) => {
        // Host overrides registered before the catalog arrived stay on top.
        catalogs.set(lang, { ...shipped, ...(catalogs.get(lang) ?? {}) });
      },
      () => {
        loading.delete(lang); // English stays; a later call may try again.
      },
    );
    loading.set(lang, pending);
  }
  return pending;
}

/**
 * The widget's own messages, registered by each element and collector module as it loads (code
 * loaded on demand brings its strings along). They only fill in what is missing: a host's
 * `registerMessages`, before or after, always stays on top.
 */
export function registerDefaultMessages(locale: string, messages: Catalog): void {
  const tag = normalizeTag(locale);
  catalogs.set(tag, { ...messages, ...(catalogs.get(tag) ?? {}) });
}

/**
 * Adds or extends a locale's catalog; later registrations win, so a host may override any message.
 * `locale` is a language (`'de'`) or a regional locale (`'fr-CA'`, used before `'fr'` for that region).
 */
export function registerMessages(locale: string, messages: Catalog): void {
  const tag = normalizeTag(locale);
  catalogs.set(tag, { ...(catalogs.get(tag) ?? {}), ...messages });
}

/** The language part of a BCP 47 locale, lowercased (`'es-MX'` → `'es'`); `'en'` when empty. */
export function normalizeLocale(locale: string): string {
  return (locale || 'en').toLowerCase().split(/[-_]/)[0] || 'en';
}

/** The locale lowercased with `-` separators (`'fr_CA'` → `'fr-ca'`); `'en'` when empty. */
function normalizeTag(locale: string): string {
  return (locale || 'en').toLowerCase().replace(/_/g, '-');
}

/** The message for `key` in `locale` (see the lookup order above), placeholders filled in. */
export function translate(locale: string, key: string, params?: Readonly<Record<string, string | number>>): string {
  const tag = normalizeTag(locale);
  const lang = normalizeLocale(locale);
  const template = catalogs.get(tag)?.[key] ?? catalogs.get(lang)?.[key] ?? catalogs.get('en')?.[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/**
 * The language the messages for `locale` are written in: `locale` itself when it has a catalog
 * (registered, or shipped and loaded on demand), else English, the fallback. Elements put this in
 * their `lang` attribute so screen readers pronounce the text in the language it is in.
 */
export function messagesLocale(locale: string): string {
  const tag = normalizeTag(locale);
  const lang = normalizeLocale(locale);
  return catalogs.has(tag) || catalogs.has(lang) || lang in lazyCatalogs ? locale : 'en';
}

/** Right-to-left scripts by language. */
const RTL = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'yi', 'dv', 'ku', 'sd', 'ug', 'ckb']);
export function isRtl(locale: string): boolean {
  return RTL.has(normalizeLocale(locale));
}
