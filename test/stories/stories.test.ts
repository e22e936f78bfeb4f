/**
 * Renders every Storybook story as a fixture — with its msw handlers, its `beforeEach` and its
 * setup (the state it shows) — and fails on a console error, an uncaught error or an accessibility
 * violation (axe). Story modules are plain CSF3 objects whose `render` returns a Lit template, so
 * no Storybook runtime is needed here.
 */
import { expect, fixture, fixtureCleanup, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { RequestHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import * as invoiceListStories from '../../stories/invoice-list.stories.js';
import * as payInvoicesStories from '../../stories/pay-invoices.stories.js';
import * as modalStories from '../../stories/payment-method-modal.stories.js';
import * as walkthroughStories from '../../stories/payment-walkthrough.stories.js';
import * as stripeStories from '../../stories/stripe.stories.js';
import { whenSetupsDone } from '../../stories/support/drive.js';
import type { StoryTestParameters } from '../../stories/support/story.js';

// import.meta.glob does not exist under Web Test Runner: every stories module is listed here.
const modules: Record<string, unknown>[] = [invoiceListStories, payInvoicesStories, modalStories, walkthroughStories, stripeStories];

type Args = Record<string, unknown>;
type MswParameter = RequestHandler[] | { handlers?: RequestHandler[] | Record<string, RequestHandler | RequestHandler[]> };
interface Parameters {
  msw?: MswParameter;
  storyTest?: StoryTestParameters;
}
type Hook = () => unknown;
type Decorator = (story: () => TemplateResult, context: { args: Args }) => TemplateResult;
interface Annotations {
  args?: Args;
  parameters?: Parameters;
  render?: (args: Args) => TemplateResult;
  /** Wrappers around the story (a narrow column, say), innermost first, as Storybook applies them. */
  decorators?: Decorator[];
  beforeEach?: Hook | Hook[];
}
interface MetaLike extends Annotations {
  title: string;
}

/** Storybook's id rules: `title--export-name`, lowercased, punctuation and spaces to dashes. */
function sanitize(s: string): string {
  return s
    .toLowerCase()
    .replace(/[ ’–—―′¿'`~!@#$%^&*()_|+\-=?;:'",.<>{}[\]\\/]/gi, '-')
    .replace(/-+/g, '-')
    .replace(/^-+/, '')
    .replace(/-+$/, '');
}
/** `Step1Invoices` → `Step 1 Invoices` (Storybook's storyNameFromExport). */
function storyName(exportName: string): string {
  return exportName
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2');
}
function storyId(title: string, exportName: string): string {
  return `${sanitize(title)}--${sanitize(storyName(exportName))}`;
}

function handlersOf(msw: MswParameter | undefined): RequestHandler[] {
  if (!msw) return [];
  if (Array.isArray(msw)) return msw;
  const h = msw.handlers;
  if (!h) return [];
  return (Array.isArray(h) ? h : Object.values(h)).flat();
}

async function runHooks(hooks: Hook | Hook[] | undefined): Promise<void> {
  for (const hook of [hooks ?? []].flat()) await hook();
}

/** Every `aria-busy="true"` in `el` and the shadow trees inside it. */
function busyElements(el: Element): Element[] {
  const found: Element[] = [];
  const walk = (node: Element | ShadowRoot) => {
    if (node instanceof Element && node.getAttribute('aria-busy') === 'true') found.push(node);
    for (const child of node.children) walk(child);
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
  };
  walk(el);
  return found;
}

/** Running animations of the document and of every shadow tree inside `el`. */
function animations(el: Element): Animation[] {
  const found = document.getAnimations();
  const walk = (node: Element | ShadowRoot) => {
    if (node instanceof Element && node.shadowRoot) {
      found.push(...node.shadowRoot.getAnimations());
      walk(node.shadowRoot);
    }
    for (const child of node.children) walk(child);
  };
  walk(el);
  return [...new Set(found)];
}

// --- console errors and uncaught errors ---------------------------------------------------------
const problems: string[] = [];
const originalConsoleError = console.error;
const onError = (e: ErrorEvent) => problems.push(`uncaught: ${e.message}`);
const onRejection = (e: PromiseRejectionEvent) => problems.push(`unhandled rejection: ${String(e.reason)}`);

describe('Storybook stories', () => {
  let worker: SetupWorker;

  before(async () => {
    worker = setupWorker();
    await worker.start({ quiet: true, serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledFrame: 'bypass' });
    console.error = (...args: unknown[]) => {
      problems.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' '));
      originalConsoleError.apply(console, args);
    };
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });

  after(() => {
    console.error = originalConsoleError;
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    worker.stop();
  });

  afterEach(() => {
    fixtureCleanup();
    worker.resetHandlers();
  });

  for (const mod of modules) {
    const meta = mod['default'] as MetaLike;
    for (const [exportName, value] of Object.entries(mod)) {
      if (exportName === 'default' || exportName === '__namedExportsOrder') continue;
      const story = value as Annotations;
      const id = storyId(meta.title, exportName);

      it(id, async function () {
        this.timeout(90_000);
        const args: Args = { ...meta.args, ...story.args };
        const parameters: Parameters = { ...meta.parameters, ...story.parameters };
        const render = story.render ?? meta.render;
        if (!render) throw new Error(`${id} has no render function`);

        worker.resetHandlers(...handlersOf(parameters.msw));
        await runHooks(meta.beforeEach);
        await runHooks(story.beforeEach);
        problems.length = 0;

        const decorators = [...(story.decorators ?? []), ...(meta.decorators ?? [])];
        const rendered = decorators.reduce<() => TemplateResult>((inner, decorate) => () => decorate(inner, { args }), () => render(args));
        const el = await fixture<HTMLElement>(rendered());
        await whenSetupsDone();
        if (parameters.storyTest?.busy) {
          expect(busyElements(el), 'a loading story shows aria-busy="true"').to.not.be.empty;
        } else {
          await waitUntil(() => busyElements(el).length === 0, `${id} is still busy`, { timeout: 30_000, interval: 50 });
        }
        // Let pending renders land and entry animations (the walkthrough card fades in) finish:
        // axe measures colour contrast on what is painted.
        await new Promise((resolve) => setTimeout(resolve, 50));
        const finite = animations(el).filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
        await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));

        expect(problems, 'console errors / uncaught errors').to.deep.equal([]);
        await expect(el).to.be.accessible();
      });
    }
  }
});
