/**
 * "Manage saved methods" (`<pay-invoices-saved-methods>` inside `<pay-invoices>`): the list with its
 * badges, make default, remove with confirmation, micro-deposit verification (pasted and typed),
 * errors and busy states, keyboard only, with an accessibility check in each state.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deepActiveElement as deepActive } from '../../src/dom/focus.js';
import { ACME, BANK, BANK_PENDING, FakeBackend, VISA, backendError } from './pay-invoices-fixtures.js';
import type { PayInvoices } from '../../src/elements/pay-invoices/pay-invoices.js';
import { normalizeDepositCode, type PayInvoicesSavedMethods } from '../../src/elements/pay-invoices/saved-methods.js';
import { BackendError } from '../../src/backend/errors.js';
import type { SavedPaymentMethod } from '../../src/core/schemas.js';
import '../../src/define/pay-invoices.js';
import { mountPayInvoices, root, squash as collapse } from './pay-invoices-dom.js';

const WAIT = { timeout: 10000 };

const mount = (backend: FakeBackend, selected: string[] = ['inv-1003']): Promise<PayInvoices> =>
  mountPayInvoices(backend, { selected });

/** The panel's element (rendered once <pay-invoices> has loaded it: the first time the panel opens). */
async function manager(el: PayInvoices): Promise<PayInvoicesSavedMethods> {
  await waitUntil(() => root(el).querySelector('pay-invoices-saved-methods'), 'no <pay-invoices-saved-methods>', WAIT);
  const m = root(el).querySelector('pay-invoices-saved-methods')!;
  await m.updateComplete;
  return m;
}

/** The panel the "Manage saved methods" button controls (the element, or its loading state before). */
function panel(el: PayInvoices): HTMLElement {
  const p = root(el).getElementById('manage-methods');
  if (!p) throw new Error('no #manage-methods');
  return p;
}

function buttonName(b: HTMLButtonElement): string {
  return collapse(b.getAttribute('aria-label') ?? b.textContent);
}

/** A button in `scope` (a shadow root) by its accessible name. */
function queryButton(scope: ShadowRoot, name: string | RegExp): HTMLButtonElement | null {
  return (
    [...scope.querySelectorAll('button')].find((b) =>
      typeof name === 'string' ? buttonName(b) === name : name.test(buttonName(b)),
    ) ?? null
  );
}

function button(scope: ShadowRoot, name: string | RegExp): HTMLButtonElement {
  const b = queryButton(scope, name);
  if (!b) throw new Error(`no button ${String(name)}`);
  return b;
}

/** A radio of <pay-invoices> by its label text. */
function radio(el: PayInvoices, name: string | RegExp): HTMLInputElement {
  const found = [...root(el).querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => {
    const label = collapse(r.labels?.[0]?.textContent);
    return typeof name === 'string' ? label === name : name.test(label);
  });
  if (!found) throw new Error(`no radio ${String(name)}`);
  return found;
}

/** Each listed method's visible text, in order. */
function items(m: PayInvoicesSavedMethods): string[] {
  return [...root(m).querySelectorAll('li')].map((li) => collapse(li.querySelector('.summary')?.textContent));
}

function status(m: PayInvoicesSavedMethods): string {
  return collapse(root(m).querySelector('[role="status"]')?.textContent);
}

function activeName(): string {
  const a = deepActive();
  if (!a) return '';
  if (a instanceof HTMLButtonElement) return buttonName(a);
  if (a instanceof HTMLInputElement) return collapse(a.labels?.[0]?.textContent ?? a.getAttribute('aria-label'));
  return collapse(a.textContent);
}

/** Presses Tab until the focused control's accessible name matches (keyboard only). */
async function tabTo(name: string | RegExp, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    const current = activeName();
    if (typeof name === 'string' ? current === name : name.test(current)) return;
  }
  throw new Error(`Tab never reached ${String(name)} (at "${activeName()}")`);
}

/** Opens "Manage saved methods" with a click and returns the panel. */
async function openManager(el: PayInvoices): Promise<PayInvoicesSavedMethods> {
  const toggle = button(root(el), 'Manage saved methods');
  expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  toggle.click();
  await el.updateComplete;
  expect(toggle.getAttribute('aria-expanded')).to.equal('true');
  const m = await manager(el);
  expect(m.hidden).to.equal(false);
  return m;
}

async function settle(el: PayInvoices, m: PayInvoicesSavedMethods, done: () => boolean, what: string): Promise<void> {
  await waitUntil(done, what, WAIT);
  await m.updateComplete;
  await el.updateComplete;
}

function held(): { until: Promise<void>; release: () => void } {
  let release!: () => void;
  const until = new Promise<void>((r) => (release = r));
  return { until, release };
}

describe('<pay-invoices-saved-methods> (Manage saved methods)', function () {
  this.timeout(60000);

  it('lists every saved method with its badges and only the actions each allows', async () => {
    const el = await mount(new FakeBackend());
    expect(panel(el).hidden, 'closed at first').to.equal(true);
    const m = await openManager(el);
    expect(panel(el) === m, 'the button controls the element').to.equal(true);
    // Named like on the other elements: `account`.
    expect(m.getAttribute('account')).to.equal(ACME.id);
    expect(m.account).to.equal(ACME.id);
    const r = root(m);
    expect(collapse(r.querySelector('h4')?.textContent)).to.equal('Saved payment methods');
    expect(items(m)).to.deep.equal([
      'Visa ending 4242, expires 12/2099 Default',
      'Mastercard ending 4444, expires 01/2020 Expired',
      'First Bank checking ending 6789',
      'Second Bank savings ending 4321 Awaiting verification',
    ]);
    // Make default: only for a usable method that is not the default already.
    expect(queryButton(r, /^Make default/)).to.not.equal(null);
    expect([...r.querySelectorAll('button')].filter((b) => /^Make default/.test(buttonName(b))).map(buttonName)).to.deep.equal([
      'Make default: First Bank checking ending 6789',
    ]);
    for (const name of ['Visa ending 4242', 'Mastercard ending 4444', 'First Bank checking ending 6789', 'Second Bank savings ending 4321']) {
      expect(queryButton(r, `Remove ${name}`), `Remove ${name}`).to.not.equal(null);
    }
    expect([...r.querySelectorAll('button')].filter((b) => /^Verify/.test(buttonName(b))).map(buttonName)).to.deep.equal([
      'Verify Second Bank savings ending 4321',
    ]);
    await expect(el).to.be.accessible();

    // The disclosure hides it again.
    button(root(el), 'Manage saved methods').click();
    await el.updateComplete;
    expect((await manager(el)).hidden).to.equal(true);
    expect(button(root(el), 'Manage saved methods').getAttribute('aria-expanded')).to.equal('false');
  });

  it('normalizes a deposit code as typed or pasted', () => {
    expect(normalizeDepositCode('  sm11aa\n')).to.deep.equal({ ok: true, code: 'SM11AA' });
    expect(normalizeDepositCode('SM 11-AA')).to.deep.equal({ ok: true, code: 'SM11AA' });
    expect(normalizeDepositCode('0.32, 0.45')).to.deep.equal({ ok: true, code: '0.32 0.45' });
    expect(normalizeDepositCode('32 45')).to.deep.equal({ ok: true, code: '32 45' });
    expect(normalizeDepositCode('0,32 0,45')).to.deep.equal({ ok: true, code: '0.32 0.45' });
    expect(normalizeDepositCode('   ')).to.deep.equal({ ok: false, error: 'empty' });
    expect(normalizeDepositCode('hello')).to.deep.equal({ ok: false, error: 'format' });
    expect(normalizeDepositCode('SM11AAB')).to.deep.equal({ ok: false, error: 'format' });
  });

  it('keyboard only: opens the panel, makes a bank account the default; pay-invoices preselects it', async () => {
    const backend = new FakeBackend();
    const el = await mount(backend);
    button(root(el), 'Manage saved methods').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const m = await manager(el);
    expect(m.hidden).to.equal(false);
    expect(activeName(), 'focus stays on the button').to.equal('Manage saved methods');

    await tabTo('Make default: First Bank checking ending 6789');
    const changed = oneEvent(el, 'methods-changed');
    await sendKeys({ press: 'Space' });
    const { detail } = await changed;
    expect(detail.action).to.equal('default');
    expect(detail.paymentMethodId).to.equal(BANK.id);
    expect(detail.methods.filter((x: SavedPaymentMethod) => x.isDefault).map((x: SavedPaymentMethod) => x.id)).to.deep.equal([BANK.id]);
    await settle(el, m, () => items(m)[2] === 'First Bank checking ending 6789 Default', 'the new default badge');
    expect(items(m)[0]).to.equal('Visa ending 4242, expires 12/2099');
    expect(status(m)).to.equal('First Bank checking ending 6789 is now the default payment method.');
    expect(activeName(), 'focus stays on the method').to.match(/^First Bank checking ending 6789/);
    expect(backend.methodCalls).to.deep.equal([['default', BANK.id]]);

    // <pay-invoices>: the new default bank account is preselected; the chosen card stays.
    expect(radio(el, /^Visa ending 4242/).checked).to.equal(true);
    radio(el, 'Bank Account').click();
    await el.updateComplete;
    expect(radio(el, /^First Bank checking ending 6789/).checked).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('an expired card cannot be made the default; a refusal from the server is shown and announced', async () => {
    const backend = new FakeBackend();
    const el = await mount(backend);
    const m = await openManager(el);
    const r = root(m);
    expect(items(m)[1]).to.contain('Expired');
    expect(queryButton(r, 'Make default: Mastercard ending 4444')).to.equal(null);
    // <pay-invoices> does not offer it either.
    expect(radio(el, /^Mastercard ending 4444/).disabled).to.equal(true);

    // A card the server finds expired (e.g. its month ended since the page loaded).
    backend.methodError = new BackendError('validation', 'An expired card cannot be the default payment method.', {
      status: 422,
      code: 'expired_card',
      serverMessage: true,
    });
    button(r, 'Make default: First Bank checking ending 6789').click();
    await settle(el, m, () => r.querySelector('[role="alert"]') !== null, 'the error');
    expect(collapse(r.querySelector('[role="alert"]')?.textContent)).to.equal(
      'An expired card cannot be the default. Add a new card instead.',
    );
    expect(items(m)[0], 'nothing changed').to.contain('Default');
    expect(r.querySelector('ul')?.getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('Remove asks first: Keep cancels with focus back; Remove removes, and the next valid method becomes the default', async () => {
    const backend = new FakeBackend();
    const el = await mount(backend);
    const m = await openManager(el);
    const r = root(m);

    button(r, 'Remove Visa ending 4242').click();
    await m.updateComplete;
    const dialog = r.querySelector<HTMLElement>('[role="alertdialog"]')!;
    expect(dialog).to.not.equal(null);
    const title = r.getElementById(dialog.getAttribute('aria-labelledby')!);
    expect(collapse(title?.textContent)).to.equal('Remove Visa ending 4242?');
    expect(collapse(dialog.textContent)).to.contain('It is the default: the next valid method becomes the default.');
    expect(activeName(), 'focus on the confirming button').to.equal('Remove');
    expect(deepActive()?.closest('[role="alertdialog"]')).to.equal(dialog);
    await expect(el).to.be.accessible();

    // Keep (keyboard): nothing removed, focus back on the Remove button.
    await sendKeys({ press: 'Tab' });
    expect(activeName()).to.equal('Keep');
    await sendKeys({ press: 'Enter' });
    await m.updateComplete;
    expect(r.querySelector('[role="alertdialog"]')).to.equal(null);
    expect(activeName()).to.equal('Remove Visa ending 4242');
    expect(backend.methodCalls).to.deep.equal([]);

    // Escape closes it too.
    await sendKeys({ press: 'Enter' });
    await m.updateComplete;
    expect(r.querySelector('[role="alertdialog"]')).to.not.equal(null);
    await sendKeys({ press: 'Escape' });
    await m.updateComplete;
    expect(r.querySelector('[role="alertdialog"]')).to.equal(null);
    expect(activeName()).to.equal('Remove Visa ending 4242');

    // Remove, confirmed.
    await sendKeys({ press: 'Enter' });
    await m.updateComplete;
    const changed = oneEvent(el, 'methods-changed');
    await sendKeys({ press: 'Enter' });
    const { detail } = await changed;
    expect(detail.action).to.equal('remove');
    await settle(el, m, () => items(m).length === 3, 'Visa removed');
    expect(backend.methodCalls).to.deep.equal([['remove', VISA.id]]);
    // The expired Mastercard is skipped: the bank account is the next valid method.
    expect(items(m)).to.deep.equal([
      'Mastercard ending 4444, expires 01/2020 Expired',
      'First Bank checking ending 6789 Default',
      'Second Bank savings ending 4321 Awaiting verification',
    ]);
    expect(status(m)).to.equal('Visa ending 4242 was removed. First Bank checking ending 6789 is now the default.');
    expect(activeName(), 'focus on the list heading').to.equal('Saved payment methods');

    // <pay-invoices>: no card is chosen any more; the new default bank account is.
    expect(() => radio(el, /^Visa ending 4242/)).to.throw();
    expect([...root(el).querySelectorAll<HTMLInputElement>('input[name="saved-card"]')].some((x) => x.checked)).to.equal(false);
    radio(el, 'Bank Account').click();
    await el.updateComplete;
    expect(radio(el, /^First Bank checking ending 6789/).checked).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('verifies a bank account with a pasted code: trimmed and uppercased, then selectable', async () => {
    const backend = new FakeBackend();
    const el = await mount(backend);
    radio(el, 'Bank Account').click();
    await el.updateComplete;
    expect(radio(el, /^Second Bank savings ending 4321/).disabled, 'not selectable while unverified').to.equal(true);
    const m = await openManager(el);
    const r = root(m);

    button(r, 'Verify Second Bank savings ending 4321').click();
    await m.updateComplete;
    const input = deepActive() as HTMLInputElement;
    expect(input.localName).to.equal('input');
    expect(activeName()).to.equal('Deposit code');
    expect(input.getAttribute('aria-describedby')).to.not.equal(null);
    await expect(el).to.be.accessible();

    // Paste: nothing blocks it.
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', '  sm11aa ');
    const paste = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true, composed: true });
    expect(input.dispatchEvent(paste), 'paste is not prevented').to.equal(true);
    input.value = '  sm11aa ';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
    const changed = oneEvent(el, 'methods-changed');
    await sendKeys({ press: 'Enter' });
    const { detail } = await changed;
    expect(detail.action).to.equal('verify');
    await settle(el, m, () => items(m)[3] === 'Second Bank savings ending 4321', 'the badge gone');
    expect(backend.methodCalls).to.deep.equal([['verify', BANK_PENDING.id, 'SM11AA']]);
    expect(status(m)).to.equal('Second Bank savings ending 4321 is verified and can be used for payments.');
    expect(queryButton(r, /^Verify/)).to.equal(null);
    expect(queryButton(r, 'Make default: Second Bank savings ending 4321')).to.not.equal(null);
    expect(activeName()).to.match(/^Second Bank savings ending 4321/);

    const bank = radio(el, /^Second Bank savings ending 4321/);
    expect(bank.disabled).to.equal(false);
    bank.click();
    await el.updateComplete;
    expect(bank.checked).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('typed codes: a malformed code is refused at once, a wrong one is announced, the right one verifies', async () => {
    const backend = new FakeBackend();
    const el = await mount(backend);
    const m = await openManager(el);
    const r = root(m);
    button(r, 'Verify Second Bank savings ending 4321').focus();
    await sendKeys({ press: 'Enter' });
    await m.updateComplete;
    expect(activeName()).to.equal('Deposit code');

    await sendKeys({ press: 'Enter' });
    await m.updateComplete;
    expect(collapse(r.querySelector('[role="alert"]')?.textContent)).to.equal('Enter the code from the deposit.');

    await sendKeys({ type: 'hello' });
    await sendKeys({ press: 'Enter' });
    await m.updateComplete;
    expect(collapse(r.querySelector('[role="alert"]')?.textContent)).to.match(/^Enter the 6-character code that starts with SM/);
    expect(backend.methodCalls, 'nothing sent for a malformed code').to.deep.equal([]);

    const input = deepActive() as HTMLInputElement;
    input.select();
    await sendKeys({ type: 'sm00xx' });
    await sendKeys({ press: 'Enter' });
    await settle(el, m, () => backend.methodCalls.length === 1 && /does not match/.test(r.querySelector('[role="alert"]')?.textContent ?? ''), 'the wrong-code error');
    const error = r.querySelector('[role="alert"]')!;
    expect(collapse(error.textContent)).to.equal('That code does not match the deposit. Check your bank statement and try again.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain(error.id);
    expect(deepActive(), 'focus back in the field').to.equal(input);
    expect(items(m)[3]).to.contain('Awaiting verification');
    await expect(el).to.be.accessible();

    input.select();
    await sendKeys({ type: 'SM11AA' });
    await sendKeys({ press: 'Enter' });
    await settle(el, m, () => items(m)[3] === 'Second Bank savings ending 4321', 'verified');
    expect(backend.methodCalls.map((c) => c[2])).to.deep.equal(['SM00XX', 'SM11AA']);
  });

  it('three wrong codes: the account is marked as failed verification', async () => {
    const backend = new FakeBackend();
    const el = await mount(backend);
    const m = await openManager(el);
    const r = root(m);
    button(r, 'Verify Second Bank savings ending 4321').click();
    await m.updateComplete;
    const input = deepActive() as HTMLInputElement;
    for (const [i, code] of ['SM00AA', 'SM00BB'].entries()) {
      input.select();
      await sendKeys({ type: code });
      await sendKeys({ press: 'Enter' });
      await settle(
        el,
        m,
        () =>
          backend.methodCalls.length === i + 1 &&
          r.querySelector('ul')?.getAttribute('aria-busy') === 'false' &&
          r.querySelector('[role="alert"]') !== null,
        `wrong code ${code}`,
      );
    }
    input.select();
    await sendKeys({ type: 'SM00CC' });
    await sendKeys({ press: 'Enter' });
    await settle(el, m, () => items(m)[3] === 'Second Bank savings ending 4321 Verification failed', 'failed badge');
    expect(collapse(r.querySelector('[role="alert"]')?.textContent)).to.equal(
      'Too many wrong codes: Second Bank savings ending 4321 could not be verified. Remove it and add it again.',
    );
    expect(r.querySelector('input')).to.equal(null);
    expect(queryButton(r, /^Verify/)).to.equal(null);
    expect(queryButton(r, 'Remove Second Bank savings ending 4321')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('is busy (aria-busy) while a change is on its way, then done; a failure says so', async () => {
    const backend = new FakeBackend();
    const gate = held();
    backend.methodGate = gate.until;
    const el = await mount(backend);
    const m = await openManager(el);
    const r = root(m);
    const makeDefault = button(r, 'Make default: First Bank checking ending 6789');
    makeDefault.click();
    await m.updateComplete;
    expect(r.querySelector('ul')?.getAttribute('aria-busy')).to.equal('true');
    expect(makeDefault.getAttribute('aria-busy')).to.equal('true');
    expect(button(r, 'Remove Visa ending 4242').getAttribute('aria-disabled')).to.equal('true');
    expect(status(m)).to.equal('Making First Bank checking ending 6789 the default…');
    expect(collapse(r.querySelector('.progress')?.textContent)).to.equal('Making First Bank checking ending 6789 the default…');
    // A second action is ignored while busy.
    button(r, 'Remove Visa ending 4242').click();
    await m.updateComplete;
    expect(r.querySelector('[role="alertdialog"]')).to.equal(null);
    await expect(el).to.be.accessible();

    gate.release();
    backend.methodGate = null;
    await settle(el, m, () => r.querySelector('ul')?.getAttribute('aria-busy') === 'false', 'not busy');
    expect(items(m)[2]).to.equal('First Bank checking ending 6789 Default');

    // A network failure on Remove: the method stays, the error is shown by it.
    backend.methodError = backendError('network');
    button(r, 'Remove First Bank checking ending 6789').click();
    await m.updateComplete;
    button(r, 'Remove').click();
    await settle(el, m, () => r.querySelector('[role="alert"]') !== null, 'the error');
    expect(collapse(r.querySelector('[role="alert"]')?.textContent)).to.equal(
      'We could not reach the server. Check your connection and try again.',
    );
    expect(items(m)).to.have.length(4);
    expect(activeName()).to.equal('Remove First Bank checking ending 6789');
  });

  it('"Save for future payments" on a micro-deposit bank account: saved awaiting verification, verified, then paid with', async () => {
    const backend = new FakeBackend({ methods: [VISA] });
    const el = await mount(backend);
    radio(el, 'Bank Account').click();
    await el.updateComplete;
    // The modal returns a new bank account to be saved, its authorization accepted there.
    const summary = { type: 'ach' as const, bankName: 'STRIPE TEST BANK', last4: '4321', accountType: 'checking' as const };
    root(el)
      .querySelector('payment-method-modal')!
      .dispatchEvent(
        new CustomEvent('method-collected', {
          detail: {
            token: 'pm_usBankAccount_microdeposits',
            summary,
            save: true,
            achAuthorization: { text: 'I authorize…', acceptedAt: new Date().toISOString(), accountLast4: '4321' },
          },
          bubbles: true,
          composed: true,
        }),
      );
    await el.updateComplete;
    expect(radio(el, 'STRIPE TEST BANK checking ending 4321 (new)').checked).to.equal(true);

    // The server saves it awaiting micro-deposits and refuses the payment until it is verified.
    backend.createSteps.push({
      kind: 'error',
      error: new BackendError('validation', 'We sent micro-deposits…', { status: 422, code: 'verification_required', field: 'method', serverMessage: true }),
    });
    const pending: SavedPaymentMethod = { id: 'pm-new', isDefault: false, verification: 'pending_microdeposits', summary };
    backend.methods = [VISA, pending];
    button(root(el), 'Make Payment').click();
    await waitUntil(() => root(el).querySelector('#form-message'), 'the message', WAIT);
    await el.updateComplete;
    expect(collapse(root(el).querySelector('#form-message')?.textContent)).to.equal(
      'The bank account ending 4321 is saved but must be verified before it can be used. We sent it micro-deposits: open “Manage saved methods”, enter the code from the deposit, then pay with it. Nothing was charged.',
    );
    const m = await manager(el);
    await waitUntil(() => items(m).length === 2, 'the saved account listed', WAIT);
    await el.updateComplete;
    expect(m.hidden, 'the panel opened').to.equal(false);
    expect(button(root(el), 'Manage saved methods').getAttribute('aria-expanded')).to.equal('true');
    expect(items(m)[1]).to.equal('STRIPE TEST BANK checking ending 4321 Awaiting verification');
    expect(() => radio(el, /\(new\)$/), 'no unsaved copy left').to.throw();
    const saved = radio(el, /^STRIPE TEST BANK checking ending 4321/);
    expect(saved.disabled).to.equal(true);
    expect(collapse(saved.labels?.[0]?.textContent)).to.contain('Awaiting verification');
    await expect(el).to.be.accessible();

    const r = root(m);
    button(r, 'Verify STRIPE TEST BANK checking ending 4321').click();
    await m.updateComplete;
    await sendKeys({ type: 'SM11AA' });
    await sendKeys({ press: 'Enter' });
    await settle(el, m, () => !radio(el, /^STRIPE TEST BANK checking ending 4321/).disabled, 'selectable');
    radio(el, /^STRIPE TEST BANK checking ending 4321/).click();
    await el.updateComplete;
    const consent = [...root(el).querySelectorAll<HTMLInputElement>('.ach-auth input[type="checkbox"]')][0]!;
    consent.click();
    await el.updateComplete;
    button(root(el), 'Make Payment').click();
    await waitUntil(() => root(el).querySelector('#receipt-heading'), 'the receipt', WAIT);
    expect(backend.created.at(-1)!.request.method).to.deep.equal({ kind: 'saved', paymentMethodId: 'pm-new' });
    expect(collapse(root(el).querySelector('#receipt-heading')?.textContent)).to.equal('Payment processing');
  });

  it('reads the saved methods again after a payment that saved a new method', async () => {
    const backend = new FakeBackend({ methods: [] });
    let listed = 0;
    const list = backend.listPaymentMethods.bind(backend);
    backend.listPaymentMethods = (a, signal) => {
      listed++;
      return list(a, signal);
    };
    const el = await mount(backend);
    expect(listed).to.equal(1);
    expect(queryButton(root(el), 'Manage saved methods'), 'nothing to manage yet').to.equal(null);
    root(el)
      .querySelector('payment-method-modal')!
      .dispatchEvent(
        new CustomEvent('method-collected', {
          detail: { token: 'tok_visa', summary: VISA.summary, save: true },
          bubbles: true,
          composed: true,
        }),
      );
    await el.updateComplete;
    backend.methods = [{ ...VISA, id: 'pm-saved' }];
    button(root(el), 'Make Payment').click();
    await waitUntil(() => root(el).querySelector('#receipt-heading') && listed === 2, 'receipt and a fresh list', WAIT);
    // The next payment offers the saved card.
    button(root(el), 'Make another payment').click();
    await waitUntil(() => queryButton(root(el), 'Manage saved methods'), 'the form again', WAIT);
    await el.updateComplete;
    expect(radio(el, /^Visa ending 4242/).checked).to.equal(true);
  });
});
