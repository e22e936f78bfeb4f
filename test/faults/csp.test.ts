/**
 * F34 end to end: the demo's `/csp.html` — `<pay-invoices>` on the embedded demo backend (msw
 * service worker) — loaded in a frame under
 * `default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'`,
 * and a payer completes a payment with a new card through the entry dialog. No policy violation
 * may happen on the way.
 *
 * The test runner cannot send a header for one page, so the page carries the same policy in a
 * `<meta http-equiv>` as its first `<head>` element (Vite also sends it as a header, see
 * vite.config.ts). The test first proves that the policy is in force in the frame.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { squash } from './helpers.js';

const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

type FrameWindow = Window & typeof globalThis;

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

let frame: HTMLIFrameElement | null = null;

async function openCspPage(): Promise<{ win: FrameWindow; doc: Document; violations: Violation[] }> {
  localStorage.removeItem('pay-invoices:walkthrough-complete');
  frame = document.createElement('iframe');
  frame.title = 'Strict CSP demo';
  frame.className = 'csp-frame';
  frame.width = '1024';
  frame.height = '900';
  frame.src = '/demo/csp.html?store=memory&latency=0';
  const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as FrameWindow;
  const doc = win.document;
  const violations: Violation[] = [];
  doc.addEventListener('securitypolicyviolation', (e) =>
    violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }),
  );
  await waitUntil(() => doc.documentElement.dataset['ready'] === 'true', 'the CSP page did not start', { timeout: 15000 });
  return { win, doc, violations };
}

function shadow(el: Element | null | undefined): ShadowRoot {
  if (!el?.shadowRoot) throw new Error(`no shadow root on ${el?.localName ?? 'nothing'}`);
  return el.shadowRoot;
}

/** A control by its label or button text, in one shadow root. */
function byName<T extends HTMLElement = HTMLInputElement>(root: ShadowRoot, name: string | RegExp): T {
  const match = (s: string | null | undefined) => (typeof name === 'string' ? squash(s) === name : name.test(squash(s)));
  for (const node of root.querySelectorAll<HTMLElement>('input, button, textarea')) {
    const aria = node.getAttribute('aria-label');
    if (aria !== null ? match(aria) : false) return node as T;
    for (const l of (node as HTMLInputElement).labels ?? []) if (match(l.textContent)) return node as T;
    if (node.localName === 'button' && match(node.textContent)) return node as T;
  }
  throw new Error(`no control named ${String(name)}`);
}

/** Types into an input of the frame (value, then input/change events of the frame's realm). */
function fill(win: FrameWindow, input: HTMLInputElement, value: string): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(new win.Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new win.Event('change', { bubbles: true }));
}

describe('F34 strict Content-Security-Policy and Trusted Types', () => {
  afterEach(() => {
    frame?.remove();
    frame = null;
    sessionStorage.clear();
  });

  it('F34 the demo page is under the policy: inline style and string-to-HTML sinks are refused', async () => {
    const { win, doc, violations } = await openCspPage();
    const meta = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(meta?.getAttribute('content')).to.equal(POLICY);
    expect(doc.head.firstElementChild?.nextElementSibling, 'the policy comes before any script or style').to.equal(meta);
    // Trusted Types: a string into innerHTML throws.
    expect(() => {
      doc.createElement('div').innerHTML = '<b>x</b>';
    }).to.throw(/TrustedHTML/);
    // style-src 'self': an inline style attribute is not applied, and reported.
    const probe = doc.createElement('p');
    doc.body.append(probe);
    probe.setAttribute('style', 'margin-left: 123px');
    expect(win.getComputedStyle(probe).marginLeft).to.equal('0px');
    await waitUntil(() => violations.some((v) => v.directive === 'style-src-attr'), 'no violation report', { timeout: 5000 });
    probe.remove();
  });

  it('F34 a payer pays with a new card under the policy: dialog, TEST MODE fields, walkthrough, receipt — no violation', async () => {
    const { win, doc, violations } = await openCspPage();
    const pay = doc.querySelector('pay-invoices')!;
    const root = shadow(pay);
    await waitUntil(() => root.querySelector('[part="submit-button"]'), 'the form did not load', { timeout: 15000 });

    // The walkthrough positions its highlight through CSSOM, which the policy allows.
    byName<HTMLButtonElement>(root, 'Open the payment walkthrough').click();
    await waitUntil(() => root.querySelector('payment-walkthrough')?.shadowRoot?.querySelector('#title'), 'no walkthrough', {
      timeout: 5000,
    });
    const tour = shadow(root.querySelector('payment-walkthrough'));
    const highlight = tour.querySelector<HTMLElement>('.highlight')!;
    await waitUntil(() => highlight.style.top !== '', 'the highlight was not positioned', { timeout: 5000 });
    tour.querySelector<HTMLButtonElement>('button.close')!.click();
    await waitUntil(() => !tour.querySelector('#title'), 'walkthrough still open', { timeout: 5000 });

    byName(root, 'Select invoice INV-10421').click();
    await waitUntil(() => /\$734\.90/.test(squash(root.querySelector('dl.totals')?.textContent)), 'totals', { timeout: 5000 });

    // Enter Card Info → the native <dialog> with the TEST MODE sandbox fields.
    byName<HTMLButtonElement>(root, 'Enter Card Info').click();
    const modal = root.querySelector('payment-method-modal')!;
    await waitUntil(() => shadow(modal).querySelector('pi-sandbox-card-fields')?.shadowRoot?.querySelector('#number'), 'no card fields', {
      timeout: 8000,
    });
    const fields = shadow(shadow(modal).querySelector('pi-sandbox-card-fields'));
    expect(squash(fields.textContent)).to.include('TEST MODE');
    fill(win, fields.querySelector<HTMLInputElement>('#number')!, '4242 4242 4242 4242');
    fill(win, fields.querySelector<HTMLInputElement>('#expiry')!, '12 / 34');
    fill(win, fields.querySelector<HTMLInputElement>('#cvc')!, '314');
    fill(win, fields.querySelector<HTMLInputElement>('#zip')!, '94107');
    shadow(modal).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => /Visa ending 4242 \(new\)/.test(squash(root.textContent)), 'new card not offered', { timeout: 8000 });
    expect(byName(root, 'Visa ending 4242 (new)').checked).to.equal(true);

    byName<HTMLButtonElement>(root, 'Make Payment').click();
    await waitUntil(() => root.querySelector('#receipt-heading'), `no receipt: ${squash(root.textContent).slice(0, 200)}`, {
      timeout: 10000,
    });
    const receipt = squash(root.querySelector('[part="receipt"]')?.textContent);
    expect(squash(root.querySelector('#receipt-heading')?.textContent)).to.equal('Payment received');
    expect(receipt).to.match(/CR-\d{6}/);
    expect(receipt).to.include('INV-10421');
    expect(receipt).to.include('Visa ending 4242');

    // Nothing was blocked, and the page's own report agrees.
    expect(violations, JSON.stringify(violations)).to.deep.equal([]);
    expect(doc.getElementById('csp-status')?.dataset['violations']).to.equal('0');
    // The page's `default` Trusted Types policy let through nothing but the demo backend's service
    // worker (registered by the first page load): the widget never handed a string to a script sink.
    const worker = new URL('/mockServiceWorker.js', win.location.href).href;
    const uses = (doc.documentElement.dataset['defaultPolicyUses'] ?? '').split(' ').filter(Boolean);
    expect(uses.filter((u) => u !== worker)).to.deep.equal([]);
  });
});
