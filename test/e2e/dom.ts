/**
 * End-to-end helpers: find what a user sees across shadow roots — by role and accessible name, by
 * label, by text — and act on it as a user would (keyboard typing through `sendKeys`, clicks).
 */
import { waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

export type NameMatcher = string | RegExp;

/** Generous: the machine is small and other suites share it. */
export const WAIT_MS = 15000;

const collapse = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** Every element under `root`, descending into open shadow roots (document order). */
export function allElements(root: ParentNode = document): Element[] {
  const out: Element[] = [];
  const walk = (node: ParentNode): void => {
    for (const el of Array.from(node.children)) {
      out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
      if (el instanceof HTMLTemplateElement) continue;
      walk(el);
    }
  };
  walk(root);
  return out;
}

/** Elements matching a CSS selector anywhere under `root`, shadow roots included. */
export function deepQueryAll<E extends Element = Element>(selector: string, root: ParentNode = document): E[] {
  return allElements(root).filter((el) => el.matches(selector)) as E[];
}

/** Rendered (not `display: none`, not inside a closed `<dialog>`, not `hidden`). */
export function isVisible(el: Element): boolean {
  if (typeof el.checkVisibility === 'function') return el.checkVisibility();
  return el.getClientRects().length > 0;
}

/** Text as a user reads it: `aria-hidden` and `hidden` parts left out, blocks spaced, whitespace collapsed. */
export function visibleText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push(node.textContent ?? '');
      return;
    }
    if (!(node instanceof Element)) return;
    if (node.getAttribute('aria-hidden') === 'true') return;
    if (node instanceof HTMLElement && node.hidden) return;
    // Blocks, cells and form controls separate words; inline elements do not.
    const display = getComputedStyle(node).display;
    if (display === 'none') return;
    const block = !display.startsWith('inline') && display !== 'contents';
    if (block) parts.push(' ');
    visitChildren(node);
    if (block) parts.push(' ');
  };
  const visitChildren = (node: Element): void => {
    const kids = node.shadowRoot && node.shadowRoot.childNodes.length > 0 ? node.shadowRoot.childNodes : node.childNodes;
    for (const child of Array.from(kids)) walk(child);
    if (node instanceof HTMLSlotElement) for (const a of node.assignedNodes()) walk(a);
  };
  walk(el);
  return collapse(parts.join(''));
}

function byIdInRoot(el: Element, id: string): Element | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  return root.getElementById ? root.getElementById(id) : null;
}

/** A simplified accessible name: aria-labelledby, aria-label, `<label>`s, alt/title, then content. */
export function accessibleName(el: Element): string {
  const labelledby = el.getAttribute('aria-labelledby');
  if (labelledby) {
    const text = labelledby
      .split(/\s+/)
      .map((id) => byIdInRoot(el, id))
      .filter((x): x is Element => x !== null)
      .map((x) => visibleText(x))
      .join(' ');
    if (collapse(text)) return collapse(text);
  }
  const label = el.getAttribute('aria-label');
  if (label && collapse(label)) return collapse(label);
  const labels = (el as HTMLInputElement).labels;
  if (labels && labels.length > 0) return collapse(Array.from(labels, (l) => visibleText(l)).join(' '));
  if (el instanceof HTMLFieldSetElement) {
    const legend = el.querySelector(':scope > legend');
    if (legend) return visibleText(legend);
  }
  if (el instanceof HTMLTableElement && el.caption) return visibleText(el.caption);
  if (el instanceof HTMLDialogElement) return '';
  const role = roleOf(el);
  if (role && ['button', 'link', 'heading', 'option', 'cell', 'columnheader', 'rowheader', 'tab', 'menuitem'].includes(role)) {
    return visibleText(el);
  }
  return collapse(el.getAttribute('title') ?? '');
}

const INPUT_ROLES: Record<string, string> = {
  button: 'button',
  submit: 'button',
  reset: 'button',
  checkbox: 'checkbox',
  radio: 'radio',
  search: 'searchbox',
  text: 'textbox',
  email: 'textbox',
  tel: 'textbox',
  url: 'textbox',
  number: 'spinbutton',
};

/** The element's explicit role, or the implicit one of the common HTML elements. */
export function roleOf(el: Element): string | null {
  const explicit = el.getAttribute('role');
  if (explicit) return explicit.split(/\s+/)[0] ?? null;
  const tag = el.localName;
  switch (tag) {
    case 'button':
      return 'button';
    case 'a':
      return el.hasAttribute('href') ? 'link' : null;
    case 'input':
      return INPUT_ROLES[(el as HTMLInputElement).type] ?? 'textbox';
    case 'textarea':
      return 'textbox';
    case 'select':
      return (el as HTMLSelectElement).multiple ? 'listbox' : 'combobox';
    case 'option':
      return 'option';
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return 'heading';
    case 'table':
      return 'table';
    case 'tr':
      return 'row';
    case 'td':
      return 'cell';
    case 'th':
      return el.getAttribute('scope') === 'row' ? 'rowheader' : 'columnheader';
    case 'dialog':
      return 'dialog';
    case 'fieldset':
      return 'group';
    case 'ul':
    case 'ol':
      return 'list';
    case 'li':
      return 'listitem';
    case 'nav':
      return 'navigation';
    default:
      return null;
  }
}

export function matches(text: string, name: NameMatcher): boolean {
  return typeof name === 'string' ? collapse(text) === collapse(name) : name.test(text);
}

export interface FindOptions {
  root?: ParentNode;
  /** Include elements that are not rendered (default false). */
  hidden?: boolean;
}

/** Every element with `role` (and, when given, that accessible name). */
export function allByRole<E extends Element = HTMLElement>(role: string, name?: NameMatcher, opts: FindOptions = {}): E[] {
  return allElements(opts.root).filter(
    (el) =>
      roleOf(el) === role &&
      (opts.hidden || isVisible(el)) &&
      (name === undefined || matches(accessibleName(el), name)),
  ) as E[];
}

export function queryByRole<E extends Element = HTMLElement>(role: string, name?: NameMatcher, opts: FindOptions = {}): E | null {
  return allByRole<E>(role, name, opts)[0] ?? null;
}

/** Form controls whose label (or aria-label) matches. */
export function queryByLabel<E extends Element = HTMLInputElement>(label: NameMatcher, opts: FindOptions = {}): E | null {
  const controls = allElements(opts.root).filter(
    (el) => el.matches('input, select, textarea') && (opts.hidden || isVisible(el)),
  );
  return (controls.find((el) => matches(accessibleName(el), label)) as E | undefined) ?? null;
}

/** The innermost rendered elements (matching `selector`) whose visible text matches. */
export function queryByText<E extends Element = HTMLElement>(text: NameMatcher, selector = '*', opts: FindOptions = {}): E | null {
  const candidates = allElements(opts.root).filter(
    (el) => el.matches(selector) && (opts.hidden || isVisible(el)) && matches(visibleText(el), text),
  );
  // The innermost: no other candidate inside it.
  const inner = candidates.filter((el) => !candidates.some((o) => o !== el && el.contains(o)));
  return (inner[0] as E | undefined) ?? null;
}

/** Waits until `find` returns something, and returns it. */
export async function waitFor<T>(find: () => T | null | undefined | false, message: string, timeout = WAIT_MS): Promise<T> {
  let found: T | null | undefined | false = null;
  await waitUntil(
    () => {
      found = find();
      return !!found;
    },
    message,
    { timeout, interval: 50 },
  );
  return found as unknown as T;
}

export const findByRole = <E extends Element = HTMLElement>(role: string, name?: NameMatcher, opts: FindOptions = {}): Promise<E> =>
  waitFor(() => queryByRole<E>(role, name, opts), `no visible ${role} named ${String(name ?? '(any)')}`);

export const findButton = (name: NameMatcher, opts: FindOptions = {}): Promise<HTMLButtonElement> =>
  waitFor(
    () => {
      const b = queryByRole<HTMLButtonElement>('button', name, opts);
      return b && !b.disabled ? b : null;
    },
    `no enabled button named ${String(name)}`,
  );

export const findByLabel = <E extends Element = HTMLInputElement>(label: NameMatcher, opts: FindOptions = {}): Promise<E> =>
  waitFor(() => queryByLabel<E>(label, opts), `no visible control labelled ${String(label)}`);

export const findByText = <E extends Element = HTMLElement>(text: NameMatcher, selector = '*', opts: FindOptions = {}): Promise<E> =>
  waitFor(() => queryByText<E>(text, selector, opts), `no visible text ${String(text)}`);

/** Waits until nothing (rendered) has that role and name. */
export async function waitForGone(role: string, name: NameMatcher, opts: FindOptions = {}): Promise<void> {
  await waitUntil(() => queryByRole(role, name, opts) === null, `${role} ${String(name)} is still there`, {
    timeout: WAIT_MS,
    interval: 50,
  });
}

/** Scrolls into view and clicks (a real user can only press what is on screen). */
export function click(el: Element): void {
  el.scrollIntoView({ block: 'center' });
  (el as HTMLElement).click();
}

/** Focuses the field, selects what is in it, and types `text` on the keyboard (replacing it). */
export async function typeInto(field: HTMLInputElement | HTMLTextAreaElement, text: string): Promise<void> {
  field.scrollIntoView({ block: 'center' });
  field.focus();
  field.select();
  if (field.value !== '' && text === '') await sendKeys({ press: 'Backspace' });
  if (text) await sendKeys({ type: text });
}

/** Presses a key (e.g. `Tab`, `Enter`) on whatever has focus. */
export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

/**
 * The text of the cell in `column` (header text, matched from its start) of the row whose row
 * header (its `<th>`, else its first cell) starts with `rowHeader`, in a rendered table under
 * `root` (body and footer rows); null when there is no such row.
 */
export function cellText(rowHeader: string, column: string, root: ParentNode = document): string | null {
  for (const table of deepQueryAll<HTMLTableElement>('table', root)) {
    if (!isVisible(table)) continue;
    const headers = Array.from(table.tHead?.rows[0]?.cells ?? [], (c) => visibleText(c));
    const index = headers.findIndex((h) => h.startsWith(column));
    if (index < 0) continue;
    const sections = [...Array.from(table.tBodies), ...(table.tFoot ? [table.tFoot] : [])];
    for (const body of sections) {
      for (const row of Array.from(body.rows)) {
        const head = row.querySelector(':scope > th') ?? row.cells[0];
        if (!head || !visibleText(head).startsWith(rowHeader)) continue;
        const cell = row.cells[index];
        return cell ? visibleText(cell) : null;
      }
    }
  }
  return null;
}

/** The `<dd>` text after the `<dt>` reading `term`, in a rendered description list under `root`. */
export function definition(term: string, root: ParentNode = document): string | null {
  for (const dt of deepQueryAll('dt', root)) {
    if (!isVisible(dt) || visibleText(dt) !== term) continue;
    const dd = dt.nextElementSibling;
    if (dd?.localName === 'dd') return visibleText(dd);
  }
  return null;
}
