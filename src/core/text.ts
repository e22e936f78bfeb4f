/**
 * User-visible text: lengths in grapheme clusters (what people see as characters, F33) and
 * which links may be rendered (F32).
 */

let segmenter: Intl.Segmenter | null | undefined;

function graphemeSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  }
  return segmenter;
}

/**
 * Number of user-visible characters (extended grapheme clusters): an emoji ZWJ sequence or a flag
 * counts 1, a letter with combining marks counts 1. Zero-width characters count as Intl segments
 * them. Without Intl.Segmenter it falls back to code points.
 */
export function graphemeLength(s: string): number {
  const seg = graphemeSegmenter();
  if (!seg) return Array.from(s).length;
  let n = 0;
  for (const _ of seg.segment(s)) n++;
  return n;
}

/** The first `max` user-visible characters of `s`; never splits a grapheme cluster or a surrogate pair. */
export function truncateGraphemes(s: string, max: number): string {
  const limit = Number.isFinite(max) ? Math.max(0, Math.floor(max)) : max > 0 ? Infinity : 0;
  if (limit === 0) return '';
  const seg = graphemeSegmenter();
  if (!seg) {
    const cps = Array.from(s);
    return cps.length <= limit ? s : cps.slice(0, limit).join('');
  }
  let n = 0;
  for (const { index } of seg.segment(s)) {
    if (n === limit) return s.slice(0, index);
    n++;
  }
  return s;
}

/** A parsed (so already punycoded) DNS name or bracketed IPv6 address; nothing percent-encoded. */
const VALID_HOSTNAME = /^(?:\[[0-9a-f:.]+\]|[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?)$/i;

/**
 * True only for an absolute `https:` URL with a well-formed host and without credentials. Refuses
 * `javascript:`, `data:`, `http:`, relative and malformed URLs, and any text carrying control
 * characters or surrounding whitespace (which URL parsing would silently drop). Render the link with
 * `new URL(url).href`.
 */
export function isSafeHttpsUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || url === '' || url.length > 4096) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/.test(url) || url.trim() !== url) return false;
  if (!/^https:\/\//i.test(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    VALID_HOSTNAME.test(parsed.hostname) &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
