/** Idempotency keys for payment requests (F01–F05): one per payment attempt, reused on retries. */

/** A random UUID v4 string (e.g. `3b241101-e2bb-4255-8caf-4136c566a962`). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  // randomUUID only exists in secure contexts; getRandomValues exists everywhere.
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  if (typeof c?.getRandomValues !== 'function') throw new Error('No cryptographic random source available');
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
