/**
 * The pending submission of `<pay-invoices>` (F01–F05): the idempotency key and the request are
 * stored in session storage BEFORE the payment request leaves, and removed only once the outcome
 * is definitive. A reload, or the element being removed and re-added, finds the key and looks the
 * payment up instead of charging again.
 *
 * Nothing stored here is card or bank data: the request carries only an opaque processor token,
 * a display summary (brand, last 4) and the ACH authorization text.
 */
import type { PaymentRequest } from '../../core/schemas.js';

export interface PendingSubmission {
  key: string;
  request: PaymentRequest;
  /** When the key was made (ISO instant). */
  createdAt: string;
}

/** The session storage key for an account's pending payment. */
export function pendingStorageKey(accountId: string): string {
  return `pay-invoices:pending:${accountId}`;
}

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    // Storage can throw (sandboxed iframes, privacy modes).
    return null;
  }
}

/** Fallback when session storage is unavailable: survives re-adding the element, not a reload. */
const memory = new Map<string, string>();

export function savePending(accountId: string, pending: PendingSubmission): void {
  const k = pendingStorageKey(accountId);
  const text = JSON.stringify(pending);
  const s = storage();
  try {
    if (!s) throw new Error('no storage');
    s.setItem(k, text);
    memory.delete(k);
  } catch {
    // Quota or privacy mode: the in-memory copy still protects against a re-added element.
    memory.set(k, text);
  }
}

export function loadPending(accountId: string): PendingSubmission | null {
  const k = pendingStorageKey(accountId);
  let text: string | null;
  try {
    text = storage()?.getItem(k) ?? null;
  } catch {
    text = null;
  }
  // The in-memory copy only exists when storage refused the entry.
  text ??= memory.get(k) ?? null;
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<PendingSubmission> | null;
    if (
      value &&
      typeof value.key === 'string' &&
      value.key.length > 0 &&
      typeof value.request === 'object' &&
      value.request !== null &&
      value.request.accountId === accountId
    ) {
      return {
        key: value.key,
        request: value.request,
        createdAt: typeof value.createdAt === 'string' ? value.createdAt : '',
      };
    }
  } catch {
    // Unreadable entry: ignored (and left for the host to inspect).
  }
  return null;
}

export function clearPending(accountId: string): void {
  const k = pendingStorageKey(accountId);
  memory.delete(k);
  try {
    storage()?.removeItem(k);
  } catch {
    // ignore
  }
}
