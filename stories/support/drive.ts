/**
 * "Setup" for stories that show a state reached by using the element (a receipt after paying, a
 * dialog with errors, walkthrough step 4): the story's render attaches `setup(fn)` to the element,
 * and `fn` drives it the way a user would (clicks, typing) once it is rendered. No Storybook `play`
 * function and no test-framework code, so the same render works in Storybook and in the stories
 * test, which waits for `whenSetupsDone()`.
 */
import { ref } from 'lit/directives/ref.js';
import { loadMessages } from '../../src/i18n/index.js';

const started = new WeakSet<Element>();
const running = new Set<Promise<void>>();
const failures: unknown[] = [];

/**
 * A Lit element directive: runs `fn(element)` once per element after it is rendered. A failure is
 * logged with console.error (a visible story failure) and rethrown by `whenSetupsDone()`.
 */
export function setup<T extends Element>(fn: (el: T) => Promise<void>) {
  return ref((el) => {
    if (!el || started.has(el)) return;
    started.add(el);
    const p = (async () => {
      // Let the element connect and render first, in its language.
      await Promise.resolve();
      await messagesLoaded(el);
      await fn(el as T);
    })().catch((e: unknown) => {
      // An element removed while its setup ran (Storybook moved to another story) is no failure.
      if (!el.isConnected) return;
      failures.push(e);
      console.error('[story setup]', e);
    });
    running.add(p);
    void p.finally(() => running.delete(p));
  });
}

/**
 * Spanish and French load on first use (`loadMessages`): the element first renders in English and
 * then again once its catalog is here. Waits for that, so a story shows (and the stories test
 * checks) the translated state, not the English flash.
 */
async function messagesLoaded(el: Element): Promise<void> {
  const locale = (el as { locale?: unknown }).locale;
  if (typeof locale !== 'string' || locale === '') return;
  const loading = loadMessages(locale);
  if (!loading) return;
  await loading;
  const lit = el as Element & { requestUpdate?: () => void; updateComplete?: Promise<unknown> };
  lit.requestUpdate?.();
  await lit.updateComplete;
}

/** Resolves when every setup started so far has finished; rejects with the first failure. */
export async function whenSetupsDone(): Promise<void> {
  while (running.size > 0) await Promise.all([...running]);
  const failure = failures.shift();
  failures.length = 0;
  if (failure !== undefined) throw failure instanceof Error ? failure : new Error(String(failure));
}

/** Polls `check` until it returns something truthy (or `timeout` ms pass: then it throws `what`). */
export async function waitFor<T>(check: () => T | null | undefined | false, what: string, timeout = 15000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Story setup: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The shadow root of a custom element (they all use open roots). */
export function root(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

/** Waits for `selector` in `el`'s shadow root. */
export function find<T extends Element = HTMLElement>(el: Element, selector: string, timeout?: number): Promise<T> {
  return waitFor(() => el.shadowRoot?.querySelector<T>(selector), `${selector} in <${el.localName}>`, timeout);
}

/** Clicks what a user would click, then lets Lit render. */
export async function click(el: Element, target: HTMLElement): Promise<void> {
  target.click();
  await (el as Element & { updateComplete?: Promise<unknown> }).updateComplete;
}

/** Types `value` into an input as a user would (input, then change). */
export async function type(el: Element, input: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await (el as Element & { updateComplete?: Promise<unknown> }).updateComplete;
}
