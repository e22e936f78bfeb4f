import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whether an element is narrower than its tables need (a phone, a CRM's side panel): the tables
 * then stack each row into a small card instead of scrolling sideways, so Pay Now and the amount
 * field stay in view.
 *
 * It watches the element's own width with a ResizeObserver rather than a container query: a
 * container query needs `container-type: inline-size`, whose size containment would collapse an
 * element that a host lays out by its content (a flex item without a width, say). The switch is
 * made in the next animation frame: switching inside the observer's callback changes the
 * element's height in the same frame, which browsers report as a "ResizeObserver loop" error.
 */
export class NarrowController implements ReactiveController {
  /** True while the element's content box is narrower than `maxWidthPx`. */
  narrow = false;
  private _observer?: ResizeObserver;
  private _frame = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** Widths below this (CSS pixels) count as narrow. */
    private readonly maxWidthPx: number,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this._observer ??= new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (!entry) return;
      const width = entry.contentBoxSize[0]?.inlineSize ?? entry.contentRect.width;
      // A hidden element (width 0) keeps its layout: it is not narrow, only out of sight.
      const narrow = width > 0 && width < this.maxWidthPx;
      cancelAnimationFrame(this._frame);
      if (narrow === this.narrow) return;
      this._frame = requestAnimationFrame(() => {
        this.narrow = narrow;
        this.host.requestUpdate();
      });
    });
    this._observer.observe(this.host);
  }

  hostDisconnected(): void {
    this._observer?.disconnect();
    cancelAnimationFrame(this._frame);
  }
}
