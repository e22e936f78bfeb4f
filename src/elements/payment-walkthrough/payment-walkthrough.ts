import { html, nothing, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { PayInvoicesBase } from '../base.js';
import { registerDefaultMessages } from '../../i18n/index.js';
import { paymentWalkthrough as messages } from '../../i18n/en/payment-walkthrough.js';
import { paymentWalkthroughStyles } from './payment-walkthrough.styles.js';
import { defaultWalkthroughSteps, type WalkthroughStep } from './steps.js';
import { placeCard } from './position.js';
import { deepActiveElement } from '../../dom/focus.js';

registerDefaultMessages('en', messages);

export type { WalkthroughStep } from './steps.js';
export { defaultWalkthroughSteps, DEFAULT_WALKTHROUGH_STEP_IDS } from './steps.js';

/** Where step targets are looked up. */
export type WalkthroughScope = Document | ShadowRoot | Element;

/** Detail of `walkthrough-step`. */
export interface WalkthroughStepDetail {
  /** Position among the steps shown (0-based). */
  index: number;
  /** The step's `id`. */
  id: string;
}

/** Detail of `walkthrough-close`. */
export interface WalkthroughCloseDetail {
  /** True when the payer finished with Done; false when dismissed. */
  completed: boolean;
}

/** Detail of `walkthrough-complete`. */
export interface WalkthroughCompleteDetail {
  /** The localStorage key the completion was stored under. */
  storageKey: string;
}

/** Space between a target and its highlight outline, in px. */
const HIGHLIGHT_PAD = 4;
/** Space between the highlight and the card, and the card's minimum distance from the viewport edge. */
const CARD_GAP = 10;
const VIEWPORT_MARGIN = 8;

/** Completion when localStorage is unavailable (private mode, sandboxed frames): per page load. */
const memoryCompleted = new Set<string>();

const supportsPopover = typeof HTMLElement !== 'undefined' && typeof HTMLElement.prototype.showPopover === 'function';

interface Session {
  root: WalkthroughScope;
  returnFocus: HTMLElement | null;
  /** Indexes into `steps` of the steps shown (optional steps with no target are left out). */
  indexes: number[];
}

function isRendered(el: Element): boolean {
  return el.isConnected && el.getClientRects().length > 0;
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * A step-by-step guide through paying invoices online: each step outlines a region of the payment
 * form and explains it in a small non-modal dialog card next to it, with Back, Next and Done.
 *
 * Inside `<pay-invoices>` it is opened by the "i" button next to "Make Online Payments"
 * (`walkthrough.start(shadowRoot, iButton)`); on its own it can guide through any element: give
 * `start()` a root, or set `for` to the id of an element in the same tree.
 *
 * **Steps.** The default steps target `[data-walkthrough="invoices"]`, `"amounts"`, `"method"`,
 * `"method-entry"`, `"memo"` and `"submit"`; their texts come from the message catalog
 * (`paymentWalkthrough.step.<id>.title|body`, see `registerMessages`). Set the `steps` property to
 * replace or extend them; it reads back the steps in force, so
 * `el.steps = [...el.steps, { id: 'help', title: 'Need help?', body: '…' }]` appends a step and
 * `el.steps = el.steps.map((s) => (s.id === 'memo' ? { ...s, body: 'Add your PO number.' } : s))`
 * rewrites one. A step with no `target`, or whose target is missing, is shown without a highlight
 * (card centred); an `optional` step whose target is missing at start is left out.
 *
 * **Behaviour.** The highlight and card are fixed-position boxes in the top layer (manual popovers)
 * that follow their target as the page scrolls (any scroll container), resizes, or changes; the
 * target is scrolled into view on each step. Focus moves to the card on opening and on each step.
 * Escape closes it from anywhere (except inside a modal dialog, which handles its own Escape).
 * On close, focus returns to `returnFocusTo` (default: what was focused at start) unless the payer
 * has since moved focus elsewhere on the page. Finishing with Done stores completion in
 * localStorage under `storage-key`; it can be reopened any time.
 *
 * Positions are set through CSSOM (`element.style`), which a strict `style-src` CSP allows.
 *
 * @tagname payment-walkthrough
 * @summary Step-by-step guide that highlights and explains each part of the payment form.
 *
 * @fires walkthrough-step - `{index, id}` each time a step is shown (including the first).
 * @fires walkthrough-close - `{completed}` when the guide closes (Done: true; Close, Escape, `close()`: false).
 * @fires walkthrough-complete - `{storageKey}` when the payer finishes with Done (before `walkthrough-close`).
 *
 * @csspart highlight - The outline box drawn over the current step's target.
 * @csspart card - The dialog card with the step's title, progress, text and buttons.
 *
 * @cssprop [--pi-walkthrough-width=22rem] - Width of the card (capped by the viewport).
 * @cssprop [--pi-walkthrough-backdrop=rgb(0 0 0 / 0.18)] - Tint over the page around the highlight; `transparent` for none.
 * @cssprop [--pi-walkthrough-z-index=2147483000] - Stacking level where the top layer is unavailable.
 * @cssprop [--pi-color-accent=#1d4ed8] - Accent: primary buttons, links, selected rows, focus ring (dark theme: #7aa7ff).
 * @cssprop [--pi-color-accent-contrast=#ffffff] - Text on the accent (dark theme: #0b1220).
 * @cssprop [--pi-color-bg=#ffffff] - Background of the element, fields and dialogs (dark theme: #15181d).
 * @cssprop [--pi-color-surface=#f6f7f9] - Table headers, secondary buttons, alerts (dark theme: #1f242b).
 * @cssprop [--pi-color-text=#1f2328] - Text (dark theme: #e6e9ee).
 * @cssprop [--pi-color-muted=#57606a] - Hints and secondary text (dark theme: #a4adb9).
 * @cssprop [--pi-color-border=#c9ced6] - Borders and rules (dark theme: #3a424d).
 * @cssprop [--pi-color-danger=#b42318] - Errors and past-due marks (dark theme: #ff8c80).
 * @cssprop [--pi-color-success=#1a7f37] - Success messages (dark theme: #6fd08c).
 * @cssprop [--pi-color-warning=#8a5a00] - Pending amounts and warnings (dark theme: #f2c14e).
 * @cssprop --pi-color-scheme - `color-scheme` for native controls; default `light dark`, or the forced theme's.
 * @cssprop --pi-font-family - Font; default the system UI font.
 * @cssprop [--pi-font-size=0.9375rem] - Base font size.
 * @cssprop [--pi-radius=6px] - Corner radius of buttons, fields and boxes.
 * @cssprop [--pi-space=0.5rem] - Base spacing unit.
 * @cssprop [--pi-density=1] - Multiplier of spacing, row and control heights (0.8 compact, 1.2 roomy).
 * @cssprop [--pi-row-height=2.75rem] - Minimum table row height (times the density).
 * @cssprop [--pi-control-height=2.25rem] - Minimum height of buttons and fields (times the density).
 * @cssprop --pi-focus-ring - Focus indicator, a `box-shadow` value; default a 3px accent halo.
 */
export class PaymentWalkthrough extends PayInvoicesBase {
  static override styles = paymentWalkthroughStyles;

  private _session: Session | null = null;
  private _customSteps?: WalkthroughStep[];
  private _stepDirty = false;
  private _target: Element | null = null;
  private _frame = 0;
  private _resizeObserver?: ResizeObserver;
  private _mutationObserver?: MutationObserver;
  private _scrollNodes = new Set<EventTarget>();
  private _observedScope: Element | null = null;
  private _lastStyles = new WeakMap<HTMLElement, string>();

  @query('.highlight') private _highlight!: HTMLElement;
  @query('.card') private _card!: HTMLElement;

  /** True while the guide is shown. Setting it opens (as `start()` with no arguments) or closes it. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Index of the step shown, among the steps in force (0-based). Set it while open to jump to a step. */
  @property({ type: Number }) step = 0;

  /** Switches the guide off (as a site setting would): `start()` does nothing, and an open guide closes. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** localStorage key under which completion is remembered. */
  @property({ attribute: 'storage-key' }) storageKey = 'pay-invoices:walkthrough-complete';

  /**
   * Id of an element in the same tree (document or shadow root) to guide through when `start()` gets
   * no root: its shadow root is searched if it has one, else the element itself. Without it, the tree
   * the walkthrough is in is searched.
   */
  @property() for = '';

  /**
   * The steps: the built-in six (translated) unless replaced. Assign an array to replace or extend
   * them; assign `undefined` or `[]` to go back to the built-in ones.
   */
  @property({ attribute: false })
  get steps(): WalkthroughStep[] {
    return this._customSteps ?? defaultWalkthroughSteps(this.lang_);
  }
  set steps(value: readonly WalkthroughStep[] | undefined | null) {
    this._customSteps = value?.length ? value.map((s) => ({ ...s })) : undefined;
  }

  /** True once the payer has finished the guide with Done (remembered in localStorage). */
  get completed(): boolean {
    try {
      return localStorage.getItem(this.storageKey) !== null;
    } catch {
      return memoryCompleted.has(this.storageKey); // Storage unavailable: this page's memory.
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this._session) {
      this._session = null;
      this._detach();
      this.open = false;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('disabled') && this.disabled && this.open) {
      this._end(false);
    }
    if (changed.has('open')) {
      if (this.open && !this._session) {
        if (this.disabled || !this._begin(undefined, undefined)) this.open = false;
      } else if (!this.open && this._session) {
        this._end(false);
      }
    }
    if (this._session && changed.has('steps')) {
      this._session.indexes = this._activeIndexes(this._session.root);
      if (!this._session.indexes.length) this._end(false);
      this._stepDirty = true;
    }
    if (this._session) {
      const max = this._session.indexes.length - 1;
      const clamped = Math.min(Math.max(Math.trunc(this.step) || 0, 0), max);
      if (clamped !== this.step) this.step = clamped;
      if (changed.has('step') || changed.has('open')) this._stepDirty = true;
    }
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this._session) {
      this._showLayers();
      if (this._stepDirty) {
        this._stepDirty = false;
        this._onStepShown();
      }
    } else {
      this._hideLayers();
    }
  }

  // ---------------------------------------------------------------------------------------------

  private _defaultScope(): WalkthroughScope {
    const rootNode = this.getRootNode();
    const tree = rootNode instanceof Document || rootNode instanceof ShadowRoot ? rootNode : null;
    if (this.for && tree) {
      const el = tree.getElementById(this.for);
      if (el) return el.shadowRoot ?? el;
    }
    return tree ?? document;
  }

  private _findIn(root: WalkthroughScope, step: WalkthroughStep | undefined): Element | null {
    if (!step?.target) return null;
    try {
      const el = root.querySelector(step.target);
      return el && isRendered(el) ? el : null;
    } catch {
      return null; // An invalid selector is treated as a missing target.
    }
  }

  private _activeIndexes(root: WalkthroughScope): number[] {
    const indexes: number[] = [];
    this.steps.forEach((step, i) => {
      if (!step.optional || this._findIn(root, step)) indexes.push(i);
    });
    return indexes;
  }

  private _currentStep(): WalkthroughStep | undefined {
    const index = this._session?.indexes[this.step];
    return index === undefined ? undefined : this.steps[index];
  }

  /** Starts a session; false when there is nothing to show. */
  private _begin(root: WalkthroughScope | undefined, returnFocusTo: HTMLElement | null | undefined): boolean {
    const scope = root ?? this._defaultScope();
    const indexes = this._activeIndexes(scope);
    if (!indexes.length) return false;
    this._session = { root: scope, returnFocus: returnFocusTo ?? deepActiveElement(), indexes };
    this._attach();
    this._stepDirty = true;
    return true;
  }

  /** Ends the session: stores completion, fires events, returns focus. */
  private _end(completed: boolean): void {
    const session = this._session;
    if (!session) return;
    const active = deepActiveElement();
    const focusWithUs = !active || active === document.body || this.renderRoot.contains(active);
    this._session = null;
    this._detach();
    this._hideLayers();
    this.open = false;
    if (completed) {
      this._storeCompleted();
      this.dispatchEvent(
        new CustomEvent<WalkthroughCompleteDetail>('walkthrough-complete', {
          detail: { storageKey: this.storageKey },
          bubbles: true,
          composed: true,
        }),
      );
    }
    this.dispatchEvent(
      new CustomEvent<WalkthroughCloseDetail>('walkthrough-close', {
        detail: { completed },
        bubbles: true,
        composed: true,
      }),
    );
    if (focusWithUs && session.returnFocus?.isConnected) session.returnFocus.focus();
  }

  private _storeCompleted(): void {
    try {
      localStorage.setItem(this.storageKey, new Date().toISOString());
    } catch {
      memoryCompleted.add(this.storageKey); // Remembered for this page only.
    }
  }

  private _attach(): void {
    document.addEventListener('keydown', this._onKeydown);
    window.addEventListener('resize', this._schedule, { passive: true });
    this._listenScroll(window);
    this._resizeObserver ??= new ResizeObserver(this._schedule);
    this._mutationObserver ??= new MutationObserver(this._schedule);
    const root = this._session?.root;
    if (root) {
      this._mutationObserver.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
      if (root instanceof ShadowRoot) this._listenScroll(root);
      // A region above the target growing moves it without resizing it: watch the whole scope too.
      this._observedScope =
        root instanceof ShadowRoot ? root.host : root instanceof Document ? root.documentElement : root;
      this._resizeObserver.observe(this._observedScope);
    }
    if (this._card) this._resizeObserver.observe(this._card);
  }

  private _detach(): void {
    document.removeEventListener('keydown', this._onKeydown);
    window.removeEventListener('resize', this._schedule);
    for (const node of this._scrollNodes) node.removeEventListener('scroll', this._schedule, { capture: true });
    this._scrollNodes.clear();
    this._resizeObserver?.disconnect();
    this._mutationObserver?.disconnect();
    this._observedScope = null;
    this._target = null;
    if (this._frame) cancelAnimationFrame(this._frame);
    this._frame = 0;
  }

  private _listenScroll(node: EventTarget): void {
    if (this._scrollNodes.has(node)) return;
    this._scrollNodes.add(node);
    node.addEventListener('scroll', this._schedule, { capture: true, passive: true });
  }

  /** Follows a new target: observes its size and the scroll containers of every shadow tree it is in. */
  private _setTarget(target: Element | null): void {
    if (target === this._target) return;
    if (this._target && this._target !== this._observedScope) this._resizeObserver?.unobserve(this._target);
    this._target = target;
    if (!target) return;
    this._resizeObserver?.observe(target);
    let root = target.getRootNode();
    while (root instanceof ShadowRoot) {
      this._listenScroll(root);
      root = root.host.getRootNode();
    }
  }

  private _showLayers(): void {
    if (!supportsPopover) return;
    // Highlight first so that the card stacks above it.
    for (const el of [this._highlight, this._card]) {
      if (el && !el.matches(':popover-open')) el.showPopover();
    }
  }

  private _hideLayers(): void {
    if (!supportsPopover) return;
    for (const el of [this._card, this._highlight]) {
      if (el?.matches(':popover-open')) el.hidePopover();
    }
  }

  private _onStepShown(): void {
    const session = this._session;
    const step = this._currentStep();
    if (!session || !step) return;
    this._resizeObserver?.observe(this._card);
    this._setTarget(this._findIn(session.root, step));
    this._target?.scrollIntoView({
      block: 'nearest',
      inline: 'nearest',
      behavior: prefersReducedMotion() ? 'auto' : 'smooth',
    });
    this._reposition();
    this._card.focus({ preventScroll: true });
    this.dispatchEvent(
      new CustomEvent<WalkthroughStepDetail>('walkthrough-step', {
        detail: { index: this.step, id: step.id },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private _schedule = (): void => {
    if (this._frame || !this._session) return;
    this._frame = requestAnimationFrame(() => {
      this._frame = 0;
      this._reposition();
    });
  };

  private _setBox(el: HTMLElement, top: number, left: number, width?: number, height?: number): void {
    const key = `${top}|${left}|${width}|${height}`;
    if (this._lastStyles.get(el) === key) return;
    this._lastStyles.set(el, key);
    // CSSOM writes: allowed under a strict style-src CSP, unlike style attributes in markup.
    el.style.setProperty('top', `${top}px`);
    el.style.setProperty('left', `${left}px`);
    if (width !== undefined) el.style.setProperty('width', `${width}px`);
    if (height !== undefined) el.style.setProperty('height', `${height}px`);
  }

  /** Puts the highlight over the target and the card next to it. */
  private _reposition(): void {
    const session = this._session;
    if (!session || !this._card || !this._highlight) return;
    // The target may have been re-rendered, hidden, or may only now exist.
    if (!this._target || !isRendered(this._target)) {
      this._setTarget(this._findIn(session.root, this._currentStep()));
    }
    const viewport = {
      width: document.documentElement.clientWidth || window.innerWidth,
      height: document.documentElement.clientHeight || window.innerHeight,
    };
    let box = null;
    if (this._target) {
      const r = this._target.getBoundingClientRect();
      box = {
        top: r.top - HIGHLIGHT_PAD,
        left: r.left - HIGHLIGHT_PAD,
        width: r.width + HIGHLIGHT_PAD * 2,
        height: r.height + HIGHLIGHT_PAD * 2,
      };
      this._highlight.classList.remove('none');
      this._setBox(this._highlight, box.top, box.left, box.width, box.height);
    } else {
      this._highlight.classList.add('none');
    }
    const rtl = getComputedStyle(this._card).direction === 'rtl';
    const size = { width: this._card.offsetWidth, height: this._card.offsetHeight };
    const place = placeCard(box, size, viewport, { gap: CARD_GAP, margin: VIEWPORT_MARGIN, rtl });
    this._card.dataset.side = place.side;
    this._setBox(this._card, Math.round(place.top), Math.round(place.left));
  }

  private _onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || !this._session) return;
    // A modal dialog (say, Enter Card Info) handles its own Escape.
    const inModal = event
      .composedPath()
      .some((n) => n instanceof HTMLDialogElement && n.open && n.matches(':modal'));
    if (inModal) return;
    this.close();
  };

  private _onDone = (): void => {
    this._end(true);
  };

  // ---------------------------------------------------------------------------------------------

  /**
   * Opens the guide at its first step. `root` is where step targets are looked up (default: the
   * element named by `for`, else the tree the walkthrough is in); `returnFocusTo` gets focus back
   * on close (default: what is focused now). Does nothing when `disabled`. Restarts when open.
   * Resolves to true when the guide opened.
   */
  async start(root?: WalkthroughScope | null, returnFocusTo?: HTMLElement | null): Promise<boolean> {
    if (this.disabled) return false;
    if (this._session) {
      this._session = null;
      this._detach();
    }
    if (!this._begin(root ?? undefined, returnFocusTo)) {
      this.open = false;
      return false;
    }
    this.step = 0;
    this.open = true;
    this.requestUpdate();
    await this.updateComplete;
    return this.open;
  }

  /** Closes the guide without marking it complete. */
  close(): void {
    this._end(false);
  }

  /** Shows the next step; on the last step, finishes like Done. */
  async next(): Promise<void> {
    if (!this._session) return;
    if (this.step >= this._session.indexes.length - 1) {
      this._end(true);
      return;
    }
    this.step++;
    await this.updateComplete;
  }

  /** Shows the previous step (nothing on the first). */
  async back(): Promise<void> {
    if (!this._session || this.step <= 0) return;
    this.step--;
    await this.updateComplete;
  }

  override render() {
    const step = this._session ? this._currentStep() : undefined;
    const total = this._session?.indexes.length ?? 0;
    const last = this.step >= total - 1;
    return html`
      <div class="highlight" part="highlight" .popover=${'manual'} aria-hidden="true"></div>
      <section
        class="card"
        part="card"
        .popover=${'manual'}
        role="dialog"
        aria-modal="false"
        aria-labelledby="title"
        aria-describedby="progress body"
        tabindex="-1"
      >
        ${step
          ? html`
              <div class="head">
                <h2 id="title">${step.title}</h2>
                <button type="button" class="close" aria-label=${this.t('paymentWalkthrough.close')} @click=${this.close}>
                  <span aria-hidden="true">×</span>
                </button>
              </div>
              <p id="progress" class="progress muted">
                ${this.t('paymentWalkthrough.progress', { current: this.step + 1, total })}
              </p>
              <p id="body" class="body">${step.body}</p>
              <div class="actions">
                ${this.step > 0
                  ? html`<button type="button" @click=${this.back}>${this.t('paymentWalkthrough.back')}</button>`
                  : nothing}
                ${last
                  ? html`<button type="button" class="primary" @click=${this._onDone}>
                      ${this.t('paymentWalkthrough.done')}
                    </button>`
                  : html`<button type="button" class="primary" @click=${this.next}>
                      ${this.t('paymentWalkthrough.next')}
                    </button>`}
              </div>
            `
          : nothing}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'payment-walkthrough': PaymentWalkthrough;
  }
  interface GlobalEventHandlersEventMap {
    'walkthrough-step': CustomEvent<WalkthroughStepDetail>;
    'walkthrough-close': CustomEvent<WalkthroughCloseDetail>;
    'walkthrough-complete': CustomEvent<WalkthroughCompleteDetail>;
  }
}
