/**
 * How the script-tag bundle registers the elements that are not in its first download
 * (`<pay-invoices>` with its modal and guide): as soon as a page needs one, and otherwise once the
 * page is idle.
 * - a tag already in the document, or added to it later (light DOM), is fetched at once;
 * - `<invoice-list>` fetches `<pay-invoices>` itself on the first Pay Now (inside its shadow root,
 *   where no observer of the document sees it);
 * - when the page has finished loading and is idle, whatever is still missing is fetched, so a tag
 *   inside a host's own shadow root is registered too, and a payer's first click finds the code
 *   there already. A page whose load event comes late or never (an image or a third-party script
 *   that hangs) does not hold this back for more than ten seconds.
 * A failed fetch is reported on the console and tried again the next time the tag is needed, when
 * the browser comes back online, and after a few growing delays — a tag in a shadow root has no
 * other way to ask again.
 */
import { loadElement } from '../elements/element-loader.js';

/** How long the idle fetch waits at most for the browser to be idle, after the page's load event. */
const IDLE_TIMEOUT_MS = 4000;
/** The longest the idle fetch waits for the page's load event. */
const LOAD_WAIT_MS = 10_000;
/** After a failed fetch, when to try the missing tags again (then only when next needed or back online). */
const RETRY_DELAYS_MS = [5_000, 30_000, 120_000];

export interface OnDemandOptions {
  /** Delays of the retries after a failed fetch (tests shorten them). */
  retryDelaysMs?: readonly number[];
  /** The longest the idle fetch waits for the page's load event (tests shorten it). */
  loadWaitMs?: number;
}

export function defineOnDemand(tags: readonly string[], options: OnDemandOptions = {}): void {
  const retryDelays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  let retries = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const missing = (): string[] => tags.filter((tag) => !customElements.get(tag));
  const selector = tags.join(',');
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) scan(node);
    }
  });

  const load = (tag: string): void => {
    if (customElements.get(tag)) return;
    loadElement(tag).then(
      () => {
        if (missing().length > 0) return;
        observer.disconnect();
        window.removeEventListener('online', onOnline);
      },
      (error: unknown) => {
        console.error(`pay-invoices: <${tag}> could not be loaded; it is tried again when next needed.`, error);
        scheduleRetry();
      },
    );
  };
  const loadMissing = (): void => missing().forEach(load);
  const scheduleRetry = (): void => {
    if (retryTimer !== undefined || retries >= retryDelays.length) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      loadMissing();
    }, retryDelays[retries++]);
  };
  const onOnline = (): void => {
    if (missing().length === 0) window.removeEventListener('online', onOnline);
    else loadMissing();
  };
  /** Loads every tag used in or under `node`. */
  const scan = (node: ParentNode & Node): void => {
    if (node instanceof Element && tags.includes(node.localName)) load(node.localName);
    for (const el of node.querySelectorAll(selector)) load(el.localName);
  };

  scan(document);
  if (missing().length === 0) return;
  observer.observe(document, { childList: true, subtree: true });
  window.addEventListener('online', onOnline);

  let idleFetch = false;
  const whenIdle = (): void => {
    if (idleFetch) return;
    idleFetch = true;
    if ('requestIdleCallback' in window) requestIdleCallback(loadMissing, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(loadMissing, 200);
  };
  if (document.readyState === 'complete') whenIdle();
  else {
    window.addEventListener('load', whenIdle, { once: true });
    setTimeout(whenIdle, options.loadWaitMs ?? LOAD_WAIT_MS);
  }
}
