/**
 * `windowRows()`: a list that renders only the rows in view (plus a few beyond each edge), for the
 * invoice table of `<pay-invoices>` with thousands of rows.
 *
 * The rows are rendered into the element that holds the directive; the scroller is that element or
 * its nearest ancestor that scrolls vertically (`overflow-y: auto`, with a fixed height). Whatever
 * comes before the rows inside the scroller (a sticky header) is allowed for, and the scroller's
 * `scroll-padding-top` is set to its height so that a row that focus scrolls into view is not hidden
 * under it. Empty "gap" elements above, between and below the rendered rows stand in for the rows
 * that are not rendered, so the scrollbar reflects the whole list. Each item must render exactly one
 * element.
 *
 * Row heights: rows are expected to be about the same height; the first rows rendered give the
 * estimate (their median height). Every row that has been rendered is measured before it leaves the
 * window, so rows of another height (an error message under a field, wrapped text) move nothing
 * when they scroll out; rows never rendered count as the estimate.
 *
 * Focus: the row that holds the focus stays rendered, with a few rows either side, even when it is
 * scrolled far out of view, so Tab and Shift+Tab go on to the neighbouring rows as in a full list.
 *
 * Heights are written through the CSSOM (`element.style`), which a strict `style-src` allows.
 */
import { html, noChange, nothing } from 'lit';
import { AsyncDirective } from 'lit/async-directive.js';
import { Directive, directive, type ElementPart, type ChildPart } from 'lit/directive.js';
import { repeat } from 'lit/directives/repeat.js';

export interface WindowRowsOptions<T> {
  items: readonly T[];
  /** A unique key per item (rows are kept and moved by key). */
  key: (item: T) => string;
  /** One element per item; `index` is the item's position in `items`. */
  renderItem: (item: T, index: number) => unknown;
  /** Rows rendered beyond each edge of the viewport, and either side of the focused row. Default 4. */
  overscan?: number;
}

/** Row height assumed until the first rows are measured (2.75rem). */
const ESTIMATE = 44;
/** Viewport height assumed while the scroller has no layout yet (before it is in the document). */
const VIEWPORT_GUESS = 600;
/** Marks the gap elements (written literally in the gap template below). */
const GAP_ATTR = 'data-window-gap';

/**
 * The heights of `count` rows: measured where known, the estimate elsewhere; offsets are prefix
 * sums, rebuilt when a height changed.
 */
export class RowSizes {
  private readonly measured: Float64Array;
  private readonly prefix: Float64Array;
  private dirty = true;
  private estimateValue: number;
  /** Changes whenever an offset may have changed. */
  version = 0;

  constructor(
    readonly count: number,
    estimate: number,
  ) {
    this.measured = new Float64Array(count);
    this.prefix = new Float64Array(count + 1);
    this.estimateValue = estimate > 0 ? estimate : ESTIMATE;
  }

  get estimate(): number {
    return this.estimateValue;
  }

  set estimate(px: number) {
    if (px > 0 && px !== this.estimateValue) {
      this.estimateValue = px;
      this.changed();
    }
  }

  /** Records the measured height of row `i` (ignored when not positive). */
  set(i: number, px: number): void {
    if (i >= 0 && i < this.count && px > 0 && this.measured[i] !== px) {
      this.measured[i] = px;
      this.changed();
    }
  }

  /** Forgets every measurement (the rows may have re-flowed). */
  clear(): void {
    this.measured.fill(0);
    this.changed();
  }

  /** Top of row `i` (0 ≤ i ≤ count; `offset(count)` is the total height). */
  offset(i: number): number {
    if (this.dirty) this.rebuild();
    return this.prefix[Math.max(0, Math.min(this.count, i))] ?? 0;
  }

  get total(): number {
    return this.offset(this.count);
  }

  /** The row at height `y` (clamped to the rows; 0 when there are none). */
  indexAt(y: number): number {
    if (this.count === 0) return 0;
    if (this.dirty) this.rebuild();
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.prefix[mid] ?? 0) <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** First and last row to render for a viewport of `height` at `top`, `overscan` rows beyond each edge. */
  range(top: number, height: number, overscan: number): [number, number] {
    if (this.count === 0) return [0, -1];
    const first = this.indexAt(Math.max(0, top));
    const last = this.indexAt(Math.max(0, top + height - 1));
    return [Math.max(0, first - overscan), Math.min(this.count - 1, last + overscan)];
  }

  private changed(): void {
    this.dirty = true;
    this.version++;
  }

  private rebuild(): void {
    let sum = 0;
    const { measured, prefix, estimateValue } = this;
    for (let i = 0; i < this.count; i++) {
      prefix[i] = sum;
      sum += measured[i] || estimateValue;
    }
    prefix[this.count] = sum;
    this.dirty = false;
  }
}

/** The sorted, distinct indices of the given inclusive ranges, clamped to `[0, count)`. */
export function mergeRanges(count: number, ranges: readonly (readonly [number, number])[]): number[] {
  const seen = new Set<number>();
  for (const [a, b] of ranges) {
    for (let i = Math.max(0, a); i <= Math.min(count - 1, b); i++) seen.add(i);
  }
  return [...seen].sort((x, y) => x - y);
}

/** Sets an element's height through the CSSOM and keeps it out of scroll anchoring. */
class GapHeight extends Directive {
  render(_px: number): unknown {
    return nothing;
  }
  override update(part: ElementPart, [px]: [number]): unknown {
    const style = (part.element as HTMLElement).style;
    style.height = `${px}px`;
    style.overflowAnchor = 'none';
    return noChange;
  }
}
const gapHeight = directive(GapHeight);

type Entry = { key: string; index: number; px: number };

class WindowRows extends AsyncDirective {
  private opts: WindowRowsOptions<unknown> = { items: [], key: String, renderItem: () => nothing };
  /** The element the rows are rendered in. */
  private parent: HTMLElement | null = null;
  /** Its nearest scrolling ancestor-or-self, found once connected. */
  private scroller: HTMLElement | null = null;
  private sizes = new RowSizes(0, ESTIMATE);
  private estimated = false;
  /** The rows in view (with overscan) at the last refresh. */
  private first = 0;
  private last = -1;
  /** What the last commit rendered: row indices (ascending) and the sizes' version. */
  private rendered: number[] = [];
  private renderedVersion = -1;
  private frame = 0;
  private width = -1;
  private paddingTop = -1;
  private committing = false;
  private observer: ResizeObserver | null = null;

  render(options: WindowRowsOptions<unknown>): unknown {
    this.opts = options;
    return this.template();
  }

  override update(part: ChildPart, [options]: [WindowRowsOptions<unknown>]): unknown {
    const itemsChanged = options.items !== this.opts.items;
    this.opts = options;
    if (!this.parent) {
      this.parent = part.parentNode as HTMLElement;
      this.listen();
    }
    if (itemsChanged) {
      const n = options.items.length;
      this.sizes = new RowSizes(n, this.sizes.estimate);
      if (this.last < 0) {
        // Not laid out yet (the first render happens before the rows are in the document).
        [this.first, this.last] = this.sizes.range(0, this.scroller?.clientHeight || VIEWPORT_GUESS, this.overscan);
      } else {
        this.last = Math.min(this.last, n - 1);
        this.first = Math.min(this.first, Math.max(0, this.last));
      }
      this.schedule();
    }
    return this.template();
  }

  protected override disconnected(): void {
    this.unlisten();
  }

  protected override reconnected(): void {
    this.listen();
    this.schedule();
  }

  private get overscan(): number {
    return Math.max(1, this.opts.overscan ?? 4);
  }

  private listen(): void {
    this.parent?.addEventListener('focusin', this.onFocusIn);
    this.parent?.addEventListener('focusout', this.schedule);
  }

  /** Finds the scroller once the rows are in the document, and follows its scrolling and size. */
  private attach(): HTMLElement | null {
    if (this.scroller || !this.parent?.isConnected) return this.scroller;
    const s = scrollingAncestor(this.parent);
    if (!s) return null;
    this.scroller = s;
    s.addEventListener('scroll', this.schedule, { passive: true });
    if (typeof ResizeObserver === 'function') {
      this.observer ??= new ResizeObserver(this.onResize);
      this.observer.observe(s);
    }
    return s;
  }

  private unlisten(): void {
    this.parent?.removeEventListener('focusin', this.onFocusIn);
    this.parent?.removeEventListener('focusout', this.schedule);
    this.scroller?.removeEventListener('scroll', this.schedule);
    this.scroller = null;
    this.width = -1;
    this.observer?.disconnect();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** At most one refresh per frame. */
  private readonly schedule = (): void => {
    if (this.frame || !this.isConnected) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.refresh();
    });
  };

  private readonly onResize = (entries: ResizeObserverEntry[]): void => {
    const width = entries[entries.length - 1]?.contentRect.width ?? this.width;
    if (width !== this.width) {
      // Another width may wrap text differently: measure again.
      if (this.width >= 0) {
        this.sizes.clear();
        this.estimated = false;
      }
      this.width = width;
    }
    this.schedule();
  };

  /** Focus moved to a row: render its neighbours now, before the next Tab can skip past them. */
  private readonly onFocusIn = (): void => {
    if (this.committing) return;
    const focused = this.focusedIndex();
    if (focused === null) return;
    const want = mergeRanges(this.opts.items.length, [[focused - this.overscan, focused + this.overscan]]);
    const have = new Set(this.rendered);
    if (want.some((i) => !have.has(i))) this.commit();
  };

  /** Measures the rendered rows, works out the rows in view and renders them if they changed. */
  private refresh(): void {
    const s = this.attach();
    const parent = this.parent;
    if (!s || !parent || !this.isConnected) return;
    const viewport = s.clientHeight;
    if (viewport === 0) return; // Not displayed: nothing to measure; the resize observer calls again.
    this.measure();
    // Where the list starts inside the scroller's content (below a header, for instance): the top
    // of the first gap, which is always rendered first.
    const head = [...parent.children].find((c) => c.hasAttribute(GAP_ATTR)) ?? parent;
    const start = head.getBoundingClientRect().top - s.getBoundingClientRect().top - s.clientTop + s.scrollTop;
    const pad = Math.max(0, Math.round(start));
    if (pad !== this.paddingTop) {
      // What is above the rows (a sticky header) must not hide a row that focus scrolls into view.
      s.style.scrollPaddingTop = `${pad}px`;
      this.paddingTop = pad;
    }
    [this.first, this.last] = this.sizes.range(s.scrollTop - start, viewport, this.overscan);
    const next = this.indices();
    if (this.renderedVersion !== this.sizes.version || !sameList(next, this.rendered)) this.commit();
  }

  private rowElements(): Element[] {
    const p = this.parent;
    return p ? [...p.children].filter((c) => !c.hasAttribute(GAP_ATTR)) : [];
  }

  private measure(): void {
    const rows = this.rowElements();
    if (rows.length !== this.rendered.length) return;
    const heights = rows.map((r) => r.getBoundingClientRect().height);
    if (!this.estimated) {
      const sorted = heights.filter((h) => h > 0).sort((a, b) => a - b);
      const median = sorted[sorted.length >> 1];
      if (median) {
        this.sizes.estimate = median;
        this.estimated = true;
      }
    }
    heights.forEach((h, j) => this.sizes.set(this.rendered[j] ?? -1, h));
  }

  /** The index of the row that holds the focus, or null. */
  private focusedIndex(): number | null {
    const p = this.parent;
    const active = p ? (p.getRootNode() as Document | ShadowRoot).activeElement : null;
    if (!p || !active || active === p || !p.contains(active)) return null;
    let row: Element | null = active;
    while (row && row.parentElement !== p) row = row.parentElement;
    const at = row ? this.rowElements().indexOf(row) : -1;
    return at < 0 ? null : (this.rendered[at] ?? null);
  }

  /** Rows to render: those in view and, wherever it is, the focused row with its neighbours. */
  private indices(): number[] {
    const ranges: [number, number][] = [[this.first, this.last]];
    const focused = this.focusedIndex();
    if (focused !== null) ranges.push([focused - this.overscan, focused + this.overscan]);
    return mergeRanges(this.opts.items.length, ranges);
  }

  private template(): unknown {
    const { items, key, renderItem } = this.opts;
    const rows = this.indices();
    const sizes = this.sizes;
    const entries: Entry[] = [];
    let next = 0;
    const gap = (name: string, to: number): void => {
      entries.push({ key: `\u0000gap:${name}`, index: -1, px: sizes.offset(to) - sizes.offset(next) });
    };
    for (const i of rows) {
      if (i > next || entries.length === 0) gap(next === 0 ? 'top' : 'mid', i);
      entries.push({ key: key(items[i]), index: i, px: 0 });
      next = i + 1;
    }
    gap('end', items.length);
    this.rendered = rows;
    this.renderedVersion = sizes.version;
    return repeat(
      entries,
      (e) => e.key,
      (e) =>
        e.index < 0
          ? html`<div data-window-gap aria-hidden="true" ${gapHeight(e.px)}></div>`
          : renderItem(items[e.index], e.index),
    );
  }

  /** Renders now; the focused control keeps the focus even if its row had to move. */
  private commit(): void {
    const p = this.parent;
    if (!p) return;
    const root = p.getRootNode() as Document | ShadowRoot;
    const active = root.activeElement;
    this.committing = true;
    try {
      this.setValue(this.template());
      if (active instanceof HTMLElement && root.activeElement !== active && p.contains(active)) {
        active.focus({ preventScroll: true });
      }
    } finally {
      this.committing = false;
    }
  }
}

/** The element itself or its nearest ancestor (in the same tree) that scrolls vertically. */
function scrollingAncestor(from: HTMLElement): HTMLElement | null {
  for (let el: HTMLElement | null = from; el; el = el.parentElement) {
    const y = getComputedStyle(el).overflowY;
    if (y === 'auto' || y === 'scroll') return el;
  }
  return null;
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Renders the items of a long list a window at a time inside the element that holds it (the
 * scroller). See the module comment for what the scroller and the items must be.
 */
export const windowRows = directive(WindowRows) as <T>(options: WindowRowsOptions<T>) => unknown;
