import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { render } from 'lit';
import '../../src/define/payment-walkthrough.js';
import type {
  PaymentWalkthrough,
  WalkthroughCloseDetail,
  WalkthroughStepDetail,
} from '../../src/elements/payment-walkthrough/payment-walkthrough.js';
import { deepActiveElement } from '../../src/dom/focus.js';

const STORAGE_KEY = 'test:walkthrough-complete';

/**
 * A stand-in for `<pay-invoices>`: a shadow root with the `data-walkthrough` regions, a
 * "Make Online Payments" heading with its "i" button, and a `<payment-walkthrough>` inside it.
 */
class WalkthroughTestHost extends HTMLElement {
  connectedCallback(): void {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    const tall = this.hasAttribute('tall');
    const withMethod = !this.hasAttribute('card-only');
    render(
      html`
        <style>
          :host { display: block; }
          .region { margin: 6px 0; padding: 4px; }
          .spacer { height: 1800px; }
        </style>
        <div class="title">
          <h2>Make Online Payments</h2>
          <button type="button" id="info" aria-label="Open the payment walkthrough">i</button>
        </div>
        <fieldset class="region" data-walkthrough="invoices">
          <legend>Open invoices</legend>
          <label><input type="checkbox" /> INV-1001</label>
        </fieldset>
        <div class="region" data-walkthrough="amounts">
          <label>Amount for INV-1001 <input type="text" value="120.00" /></label>
        </div>
        ${withMethod
          ? html`<fieldset class="region" data-walkthrough="method">
              <legend>Payment method</legend>
              <label><input type="radio" name="m" checked /> Credit or Debit Card</label>
              <label><input type="radio" name="m" /> Bank Account</label>
            </fieldset>`
          : null}
        <div class="region" data-walkthrough="method-entry"><button type="button">Enter Card Info</button></div>
        ${tall ? html`<div class="spacer"></div>` : null}
        <div class="region" data-walkthrough="memo">
          <label>Memo <textarea id="memo"></textarea></label>
        </div>
        <div class="region" data-walkthrough="submit"><button type="button">Make Payment</button></div>
        ${tall ? html`<div class="spacer"></div>` : null}
        <payment-walkthrough
          storage-key=${STORAGE_KEY}
          ?disabled=${this.hasAttribute('walkthrough-disabled')}
        ></payment-walkthrough>
      `,
      root,
    );
    const info = root.getElementById('info')!;
    info.addEventListener('click', () => void this.walkthrough.start(root, info));
  }

  get walkthrough(): PaymentWalkthrough {
    return this.shadowRoot!.querySelector('payment-walkthrough')!;
  }

  get info(): HTMLButtonElement {
    return this.shadowRoot!.querySelector<HTMLButtonElement>('#info')!;
  }

  region(id: string): HTMLElement {
    return this.shadowRoot!.querySelector<HTMLElement>(`[data-walkthrough="${id}"]`)!;
  }
}
customElements.define('walkthrough-test-host', WalkthroughTestHost);

// --- what the user sees ----------------------------------------------------------------------------

function card(wt: PaymentWalkthrough): HTMLElement {
  return wt.shadowRoot!.querySelector<HTMLElement>('[role="dialog"]')!;
}

function highlight(wt: PaymentWalkthrough): HTMLElement {
  return wt.shadowRoot!.querySelector<HTMLElement>('[part="highlight"]')!;
}

function isShown(el: Element): boolean {
  return getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
}

function cardOpen(wt: PaymentWalkthrough): boolean {
  return isShown(card(wt));
}

function title(wt: PaymentWalkthrough): string {
  const c = card(wt);
  return wt.shadowRoot!.getElementById(c.getAttribute('aria-labelledby')!)?.textContent?.trim() ?? '';
}

function cardText(wt: PaymentWalkthrough): string {
  return (card(wt).textContent ?? '').replace(/\s+/g, ' ').trim();
}

function accessibleName(el: Element): string {
  return (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function cardButton(wt: PaymentWalkthrough, name: string): HTMLButtonElement | undefined {
  return [...card(wt).querySelectorAll('button')].find((b) => accessibleName(b) === name);
}


/** The highlight box is drawn around the target (a few px of padding, not more). */
function encloses(outer: DOMRect, inner: DOMRect, slack = 10): boolean {
  return (
    outer.left <= inner.left + 0.5 &&
    outer.top <= inner.top + 0.5 &&
    outer.right >= inner.right - 0.5 &&
    outer.bottom >= inner.bottom - 0.5 &&
    inner.left - outer.left <= slack &&
    inner.top - outer.top <= slack &&
    outer.right - inner.right <= slack &&
    outer.bottom - inner.bottom <= slack
  );
}

function highlightOver(wt: PaymentWalkthrough, target: Element): boolean {
  const hl = highlight(wt);
  return isShown(hl) && encloses(hl.getBoundingClientRect(), target.getBoundingClientRect());
}

async function setup(attrs: { tall?: boolean; disabled?: boolean; cardOnly?: boolean } = {}) {
  const host = await fixture<WalkthroughTestHost>(html`
    <walkthrough-test-host
      ?tall=${attrs.tall}
      ?walkthrough-disabled=${attrs.disabled}
      ?card-only=${attrs.cardOnly}
    ></walkthrough-test-host>
  `);
  const wt = host.walkthrough;
  await wt.updateComplete;
  return { host, wt };
}

async function openWithInfo(host: WalkthroughTestHost): Promise<void> {
  host.info.focus();
  host.info.click();
  await waitUntil(() => cardOpen(host.walkthrough), 'walkthrough opens', { timeout: 5000 });
  await host.walkthrough.updateComplete;
}

/** Lets the card's entrance animation finish (axe would read blended colours mid-fade). */
async function settled(wt: PaymentWalkthrough): Promise<void> {
  await wt.updateComplete;
  await Promise.all(card(wt).getAnimations().map((a) => a.finished.catch(() => undefined)));
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

describe('<payment-walkthrough>', () => {
  beforeEach(() => localStorage.removeItem(STORAGE_KEY));
  afterEach(() => window.scrollTo(0, 0));

  it('starts from the "i" button: a labelled non-modal card for step 1 of 6 over the invoices, focused', async () => {
    const { host, wt } = await setup();
    expect(cardOpen(wt)).to.be.false;
    const stepEvent = oneEvent(host, 'walkthrough-step');
    await openWithInfo(host);
    expect(((await stepEvent) as CustomEvent<WalkthroughStepDetail>).detail).to.deep.equal({ index: 0, id: 'invoices' });

    const c = card(wt);
    expect(c.getAttribute('aria-modal')).to.equal('false');
    expect(title(wt)).to.equal('Choose the invoices');
    expect(cardText(wt)).to.contain('Step 1 of 6');
    expect(cardText(wt)).to.contain('open invoice');
    expect(wt.open).to.be.true;
    expect(wt.hasAttribute('open')).to.be.true;
    expect(wt.step).to.equal(0);
    expect(wt.shadowRoot!.activeElement).to.equal(c);
    expect(cardButton(wt, 'Next')).to.exist;
    expect(cardButton(wt, 'Close walkthrough')).to.exist;
    expect(cardButton(wt, 'Back'), 'no Back on the first step').to.be.undefined;
    await waitUntil(() => highlightOver(wt, host.region('invoices')), 'highlight over invoices', { timeout: 3000 });
    await settled(host.walkthrough);
    await expect(host).to.be.accessible();
  });

  it('Next moves card and highlight to the next target; Back returns', async () => {
    const { host, wt } = await setup();
    await openWithInfo(host);
    await waitUntil(() => highlightOver(wt, host.region('invoices')), 'highlight over invoices', { timeout: 3000 });
    const firstRect = highlight(wt).getBoundingClientRect();

    const stepEvent = oneEvent(host, 'walkthrough-step');
    cardButton(wt, 'Next')!.click();
    expect(((await stepEvent) as CustomEvent<WalkthroughStepDetail>).detail).to.deep.equal({ index: 1, id: 'amounts' });
    await wt.updateComplete;
    expect(title(wt)).to.equal('Set the amounts');
    expect(cardText(wt)).to.contain('Step 2 of 6');
    expect(wt.shadowRoot!.activeElement, 'focus on the card again').to.equal(card(wt));
    await waitUntil(() => highlightOver(wt, host.region('amounts')), 'highlight over amounts', { timeout: 3000 });
    expect(highlight(wt).getBoundingClientRect().top).to.be.greaterThan(firstRect.top);
    expect(highlightOver(wt, host.region('invoices'))).to.be.false;
    await settled(host.walkthrough);
    await expect(host).to.be.accessible();

    cardButton(wt, 'Back')!.click();
    await wt.updateComplete;
    expect(title(wt)).to.equal('Choose the invoices');
    expect(cardText(wt)).to.contain('Step 1 of 6');
    await waitUntil(() => highlightOver(wt, host.region('invoices')), 'highlight back over invoices', { timeout: 3000 });
  });

  it('walks every step (axe-clean each time); Done closes, stores completion and fires the events; it reopens', async () => {
    const { host, wt } = await setup();
    expect(wt.completed).to.be.false;
    await openWithInfo(host);
    const ids = ['invoices', 'amounts', 'method', 'method-entry', 'memo', 'submit'];
    const titles = [
      'Choose the invoices',
      'Set the amounts',
      'Choose how to pay',
      'Pick or enter the payment method',
      'Add a memo',
      'Make the payment',
    ];
    for (let i = 0; i < ids.length; i++) {
      expect(title(wt)).to.equal(titles[i]);
      expect(cardText(wt)).to.contain(`Step ${i + 1} of 6`);
      await waitUntil(() => highlightOver(wt, host.region(ids[i])), `highlight over ${ids[i]}`, { timeout: 3000 });
      await settled(host.walkthrough);
    await expect(host).to.be.accessible();
      if (i < ids.length - 1) {
        expect(cardButton(wt, 'Done')).to.be.undefined;
        await wt.next();
      }
    }
    expect(cardButton(wt, 'Next'), 'the last step has Done instead of Next').to.be.undefined;
    const complete = oneEvent(host, 'walkthrough-complete');
    const closed = oneEvent(host, 'walkthrough-close');
    cardButton(wt, 'Done')!.click();
    await complete;
    expect(((await closed) as CustomEvent<WalkthroughCloseDetail>).detail).to.deep.equal({ completed: true });
    await wt.updateComplete;
    expect(cardOpen(wt)).to.be.false;
    expect(isShown(highlight(wt))).to.be.false;
    expect(wt.open).to.be.false;
    expect(wt.hasAttribute('open')).to.be.false;
    expect(localStorage.getItem(STORAGE_KEY)).to.be.a('string');
    expect(wt.completed).to.be.true;
    expect(deepActiveElement(), 'focus back on the "i" button').to.equal(host.info);
    await settled(host.walkthrough);
    await expect(host).to.be.accessible();

    // Reopen any time, from the start.
    await openWithInfo(host);
    expect(title(wt)).to.equal('Choose the invoices');
    expect(cardText(wt)).to.contain('Step 1 of 6');
    wt.close();
    await wt.updateComplete;
    // Setting `open` also opens it.
    wt.open = true;
    await wt.updateComplete;
    expect(cardOpen(wt)).to.be.true;
    expect(cardText(wt)).to.contain('Step 1 of 6');
    wt.open = false;
    await wt.updateComplete;
    expect(cardOpen(wt)).to.be.false;
    expect(wt.completed).to.be.true;
  });

  it('Escape closes it from anywhere without completing; focus returns to the "i" button', async () => {
    const { host, wt } = await setup();
    await openWithInfo(host);
    await wt.next();
    const closed = oneEvent(host, 'walkthrough-close');
    await sendKeys({ press: 'Escape' });
    expect(((await closed) as CustomEvent<WalkthroughCloseDetail>).detail).to.deep.equal({ completed: false });
    await wt.updateComplete;
    expect(cardOpen(wt)).to.be.false;
    expect(deepActiveElement()).to.equal(host.info);
    expect(wt.completed).to.be.false;
    expect(localStorage.getItem(STORAGE_KEY)).to.equal(null);

    // Escape while working in the page closes too, but leaves focus where the payer put it.
    await openWithInfo(host);
    const memo = host.shadowRoot!.querySelector<HTMLTextAreaElement>('#memo')!;
    memo.focus();
    await sendKeys({ press: 'Escape' });
    await wt.updateComplete;
    expect(cardOpen(wt)).to.be.false;
    expect(deepActiveElement()).to.equal(memo);

    // The × button closes as well.
    await openWithInfo(host);
    cardButton(wt, 'Close walkthrough')!.click();
    await wt.updateComplete;
    expect(cardOpen(wt)).to.be.false;
    expect(deepActiveElement()).to.equal(host.info);
  });

  it('can be done with the keyboard only', async () => {
    const { host, wt } = await setup();
    host.info.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => cardOpen(wt), 'opens on Enter', { timeout: 5000 });

    const tabTo = async (name: string) => {
      for (let i = 0; i < 6 && accessibleName(deepActiveElement() ?? document.body) !== name; i++) {
        await sendKeys({ press: 'Tab' });
      }
      expect(accessibleName(deepActiveElement()!)).to.equal(name);
    };
    for (let i = 1; i <= 6; i++) {
      await waitUntil(() => cardText(wt).includes(`Step ${i} of 6`), `step ${i}`, { timeout: 3000 });
      expect(wt.shadowRoot!.activeElement, `focus on the card at step ${i}`).to.equal(card(wt));
      await tabTo(i < 6 ? 'Next' : 'Done');
      await sendKeys({ press: 'Enter' });
      await wt.updateComplete;
    }
    await waitUntil(() => !cardOpen(wt), 'closed after Done', { timeout: 3000 });
    expect(wt.completed).to.be.true;
    expect(deepActiveElement()).to.equal(host.info);

    // Back by keyboard too.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => cardOpen(wt), 'reopens on Enter', { timeout: 5000 });
    await tabTo('Next');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => cardText(wt).includes('Step 2 of 6'), 'step 2', { timeout: 3000 });
    await tabTo('Back');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => cardText(wt).includes('Step 1 of 6'), 'back to step 1', { timeout: 3000 });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !cardOpen(wt), 'closed', { timeout: 3000 });
  });

  it('custom steps replace or extend the defaults; a step with no target is shown without highlight', async () => {
    const { host, wt } = await setup();
    wt.steps = [
      { id: 'memo-first', target: '[data-walkthrough="memo"]', title: 'Your notes', body: 'Write a PO number here.' },
      { id: 'outro', title: 'That is all', body: 'Press Make Payment when ready.' },
    ];
    await openWithInfo(host);
    expect(title(wt)).to.equal('Your notes');
    expect(cardText(wt)).to.contain('Step 1 of 2');
    expect(cardText(wt)).to.contain('Write a PO number here.');
    await waitUntil(() => highlightOver(wt, host.region('memo')), 'highlight over memo', { timeout: 3000 });
    const stepEvent = oneEvent(host, 'walkthrough-step');
    await wt.next();
    expect(((await stepEvent) as CustomEvent<WalkthroughStepDetail>).detail).to.deep.equal({ index: 1, id: 'outro' });
    expect(title(wt)).to.equal('That is all');
    expect(cardText(wt)).to.contain('Step 2 of 2');
    expect(cardButton(wt, 'Done')).to.exist;
    await waitUntil(() => !isShown(highlight(wt)), 'no highlight', { timeout: 3000 });
    await settled(host.walkthrough);
    await expect(host).to.be.accessible();
    wt.close();

    // Extending: `steps` reads back the defaults.
    wt.steps = undefined;
    expect(wt.steps.map((s) => s.id)).to.deep.equal(['invoices', 'amounts', 'method', 'method-entry', 'memo', 'submit']);
    wt.steps = [...wt.steps.map((s) => (s.id === 'memo' ? { ...s, title: 'Notes' } : s)), { id: 'help', title: 'Help', body: 'Call us.' }];
    await openWithInfo(host);
    expect(cardText(wt)).to.contain('Step 1 of 7');
    wt.step = 4;
    await wt.updateComplete;
    expect(title(wt)).to.equal('Notes');
    wt.close();
  });

  it('leaves out the payment-method step when only one method type is offered (no radios)', async () => {
    const { host, wt } = await setup({ cardOnly: true });
    await openWithInfo(host);
    expect(cardText(wt)).to.contain('Step 1 of 5');
    await wt.next();
    await wt.next();
    expect(title(wt)).to.equal('Pick or enter the payment method');
    wt.close();
  });

  it('does nothing when disabled', async () => {
    const { host, wt } = await setup({ disabled: true });
    let steps = 0;
    host.addEventListener('walkthrough-step', () => steps++);
    host.info.click();
    expect(await wt.start(host.shadowRoot!, host.info)).to.be.false;
    wt.open = true;
    await wt.updateComplete;
    expect(wt.open).to.be.false;
    expect(cardOpen(wt)).to.be.false;
    expect(steps).to.equal(0);

    // Disabling an open guide closes it.
    wt.disabled = false;
    await openWithInfo(host);
    wt.disabled = true;
    await wt.updateComplete;
    expect(cardOpen(wt)).to.be.false;
  });

  it('follows its target when the page scrolls and when the target resizes', async () => {
    const { host, wt } = await setup({ tall: true });
    await openWithInfo(host);
    const memo = host.region('memo');
    await wt.next();
    await wt.next();
    await wt.next();
    await wt.next();
    expect(title(wt)).to.equal('Add a memo');
    // The target below the fold is scrolled into view.
    await waitUntil(
      () => {
        const r = memo.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight && highlightOver(wt, memo);
      },
      'memo scrolled into view and highlighted',
      { timeout: 5000 },
    );
    const before = highlight(wt).getBoundingClientRect().top;
    window.scrollBy(0, 150);
    await nextFrame();
    await waitUntil(() => highlightOver(wt, memo), 'highlight follows the scroll', { timeout: 3000 });
    expect(highlight(wt).getBoundingClientRect().top).to.be.closeTo(before - 150, 2);
    // The card stays inside the viewport.
    const c = card(wt).getBoundingClientRect();
    expect(c.top).to.be.at.least(0);
    expect(c.bottom).to.be.at.most(window.innerHeight);

    memo.style.paddingBottom = '80px';
    await nextFrame();
    await waitUntil(() => highlightOver(wt, memo), 'highlight follows the resize', { timeout: 3000 });
    expect(highlight(wt).getBoundingClientRect().height).to.be.greaterThan(80);
    wt.close();
  });

  it('respects prefers-reduced-motion: no entrance animation, instant scrolling', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const { host, wt } = await setup({ tall: true });
      await openWithInfo(host);
      expect(card(wt).getAnimations()).to.have.length(0);
      wt.step = 4;
      await wt.updateComplete;
      const r = host.region('memo').getBoundingClientRect();
      expect(r.top, 'scrolled at once').to.be.at.least(0);
      expect(r.bottom).to.be.at.most(window.innerHeight);
      expect(highlightOver(wt, host.region('memo'))).to.be.true;
      wt.close();
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('leaves Escape inside a modal dialog (such as Enter Card Info) to that dialog', async () => {
    const { host, wt } = await setup();
    await openWithInfo(host);
    const dialog = document.createElement('dialog');
    const ok = document.createElement('button');
    ok.textContent = 'OK';
    dialog.append(ok);
    host.shadowRoot!.append(dialog);
    dialog.showModal();
    ok.focus();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'the dialog closes', { timeout: 3000 });
    expect(cardOpen(wt)).to.be.true;
    dialog.remove();
    wt.close();
  });

  it('works on its own around any element named by `for`', async () => {
    const el = await fixture<HTMLDivElement>(html`
      <div>
        <form id="checkout">
          <label data-walkthrough="invoices">Invoice <input /></label>
          <label data-walkthrough="submit">Pay <input /></label>
        </form>
        <button type="button" id="help">Help</button>
        <payment-walkthrough for="checkout" storage-key=${STORAGE_KEY}></payment-walkthrough>
      </div>
    `);
    const wt = el.querySelector('payment-walkthrough')!;
    const help = el.querySelector<HTMLButtonElement>('#help')!;
    help.addEventListener('click', () => void wt.start());
    help.focus();
    help.click();
    await waitUntil(() => cardOpen(wt), 'opens', { timeout: 5000 });
    // No payment-method radios here: that optional step is left out.
    expect(cardText(wt)).to.contain('Step 1 of 5');
    await waitUntil(
      () => highlightOver(wt, el.querySelector('[data-walkthrough="invoices"]')!),
      'highlight over the light-DOM target',
      { timeout: 3000 },
    );
    await wt.next();
    // No "amounts" region here: the text is shown without a highlight.
    expect(title(wt)).to.equal('Set the amounts');
    await waitUntil(() => !isShown(highlight(wt)), 'no highlight', { timeout: 3000 });
    await settled(wt);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await wt.updateComplete;
    expect(cardOpen(wt)).to.be.false;
    expect(document.activeElement).to.equal(help);
  });
});
