/**
 * `<pay-invoices>`: every state a user can land in after a refusal or a failure, reached as a user
 * reaches it, with the message they see, where focus goes, what is announced, and an axe check of
 * the state. The fixtures (FakeBackend, FakeCollector) come from pay-invoices-fixtures.ts.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { ACME, FakeBackend, FakeCollector, WORKER, backendError, inv } from './pay-invoices-fixtures.js';
import type { PayInvoices } from '../../src/elements/pay-invoices/pay-invoices.js';
import '../../src/define/pay-invoices.js';
import { control, mountPayInvoices as mount, need, root, squash, text, totals, typeInto, waitForText } from './pay-invoices-dom.js';

const PENDING_KEY = `pay-invoices:pending:${ACME.id}`;
const WAIT = { timeout: 8000 };

async function press(el: PayInvoices, name: string): Promise<void> {
  need<HTMLButtonElement>(el, name).click();
  await el.updateComplete;
}

/** The screen-reader-only live region the element announces through. */
function announcement(el: HTMLElement): string {
  return squash(root(el).querySelector('.visually-hidden[role="status"]')?.textContent);
}

/** The form-level message: an alert that has focus. */
function focusedAlert(el: HTMLElement, id: 'form-message' | 'outcome'): HTMLElement {
  const alert = root(el).getElementById(id);
  expect(alert, `#${id}`).to.be.instanceOf(HTMLElement);
  expect(alert!.getAttribute('role'), `#${id} role`).to.equal('alert');
  expect(root(el).activeElement, `focus on #${id}`).to.equal(alert);
  expect(document.activeElement, 'focus inside <pay-invoices>').to.equal(el);
  return alert!;
}

/** A collector whose 3-D Secure step waits for the test, then is cancelled or completed. */
class HeldCollector extends FakeCollector {
  private release!: () => void;
  private readonly gate = new Promise<void>((r) => (this.release = r));
  started = false;
  override async handleNextAction(clientSecret: string): Promise<{ completed: boolean }> {
    this.nextActions.push(clientSecret);
    this.started = true;
    await this.gate;
    return { completed: this.completeAction };
  }
  finish(): void {
    this.release();
  }
}

describe('<pay-invoices> states (message, focus, announcement, axe)', () => {
  afterEach(() => sessionStorage.clear());

  it('F07 conflict: the balances reload, the selection is kept and the focused warning asks to confirm again', async () => {
    const backend = new FakeBackend();
    backend.createSteps.push({ kind: 'error', error: backendError('conflict', { status: 409, code: 'invoice_changed' }) });
    const el = await mount(backend, { selected: ['inv-1003', 'inv-1001'] });
    backend.nextInvoices = [inv(1001, { dueDate: '2030-01-15', balance: 125000 }), inv(1003, { balance: 6000 })];
    await press(el, 'Make Payment');
    await waitForText(el, /The invoices changed; review the amounts and confirm again\./);
    const alert = focusedAlert(el, 'form-message');
    expect(squash(alert.textContent)).to.equal('The invoices changed; review the amounts and confirm again.');
    expect(alert.classList.contains('warning')).to.equal(true);
    expect(need(el, 'Select invoice INV-1003').checked).to.equal(true);
    expect(need(el, 'Payment amount for invoice INV-1003').value).to.equal('60.00');
    expect(control(el, 'Select invoice INV-1002')).to.equal(null);
    expect(need<HTMLButtonElement>(el, 'Make Payment').disabled).to.equal(false);
    expect(sessionStorage.getItem(PENDING_KEY)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('F08 auth-required: the event fires and a focused alert says to sign in again; selection and memo stay', async () => {
    const backend = new FakeBackend();
    backend.createSteps.push({ kind: 'error', error: backendError('unauthorized', { status: 401 }) });
    const el = await mount(backend, { selected: ['inv-1003'] });
    typeInto(need<HTMLTextAreaElement>(el, 'Memo'), 'June run');
    await el.updateComplete;
    setTimeout(() => need<HTMLButtonElement>(el, 'Make Payment').click());
    const ev = await oneEvent(el, 'auth-required');
    expect(ev.detail).to.deep.equal({ reason: 'unauthorized' });
    await waitForText(el, /Sign in again/);
    const alert = focusedAlert(el, 'form-message');
    expect(squash(alert.textContent)).to.equal(
      'Your session has expired or you are not allowed to pay. Sign in again, then press Make Payment; your selection and memo are kept.',
    );
    expect(alert.classList.contains('error')).to.equal(true);
    expect(need(el, 'Select invoice INV-1003').checked).to.equal(true);
    expect(need<HTMLTextAreaElement>(el, 'Memo').value).to.equal('June run');
    expect(need<HTMLButtonElement>(el, 'Make Payment').disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('F05 a 5xx after retries: a focused alert says the payment may still be processing, no new charge possible', async () => {
    const backend = new FakeBackend();
    backend.createSteps.push({ kind: 'error', commit: true, error: backendError('unavailable', { status: 503 }) });
    const el = await mount(backend, { selected: ['inv-1003'] });
    await press(el, 'Make Payment');
    await waitForText(el, /may still be processing/);
    const outcome = focusedAlert(el, 'outcome');
    expect(squash(outcome.textContent)).to.contain('We are confirming your payment…');
    expect(squash(outcome.textContent)).to.contain('Your payment may still be processing: do not pay again.');
    expect(outcome.getAttribute('aria-busy')).to.equal('false');
    expect(announcement(el)).to.contain('We are confirming your payment…');
    expect(control(el, 'Make Payment')).to.equal(null);
    expect(need<HTMLButtonElement>(el, 'Check payment status').disabled).to.equal(false);
    expect(sessionStorage.getItem(PENDING_KEY)).to.not.equal(null);
    expect(backend.created).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('F10 3-D Secure: waiting is announced; cancelled, a focused warning says nothing was paid', async () => {
    const backend = new FakeBackend();
    const collector = new HeldCollector(false);
    backend.createSteps.push({ kind: 'status', status: 'requires_action' });
    const el = await mount(backend, { selected: ['inv-1003'], collector });
    await press(el, 'Make Payment');
    await waitUntil(() => collector.started, 'the challenge did not start', WAIT);
    await el.updateComplete;
    // While the issuer's page is up: busy, announced, Make Payment not pressable again.
    expect(announcement(el)).to.contain('Waiting for your card issuer’s verification…');
    expect(squash(root(el).querySelector('p.progress[role="status"]')?.textContent)).to.contain(
      'Waiting for your card issuer’s verification…',
    );
    const submit = need<HTMLButtonElement>(el, 'Make Payment');
    expect(submit.disabled).to.equal(true);
    expect(submit.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();

    collector.finish();
    await waitForText(el, /Card verification was cancelled/);
    const alert = focusedAlert(el, 'form-message');
    expect(squash(alert.textContent)).to.equal(
      'Card verification was cancelled. No payment was made; you can try again or choose another method.',
    );
    expect(alert.classList.contains('warning')).to.equal(true);
    expect(backend.confirmed).to.deep.equal([{ id: 'pay-1', actionCompleted: false }]);
    expect(await backend.listPayments()).to.have.length(0);
    expect(need(el, 'Select invoice INV-1003').checked).to.equal(true);
    expect(need<HTMLButtonElement>(el, 'Make Payment').disabled).to.equal(false);
    // The progress line no longer says it is waiting.
    expect(announcement(el)).to.not.contain('Waiting for');
    await expect(el).to.be.accessible();
  });

  it('F17 partial payments not allowed: amounts are fixed to the balance and the rule is stated', async () => {
    const el = await mount(new FakeBackend({ settings: { partialPaymentsAllowed: false } }), { selected: ['inv-1003'] });
    expect(text(el)).to.contain('Partial payments are not allowed: each invoice is paid in full.');
    const amount = need(el, 'Payment amount for invoice INV-1003');
    expect(amount.readOnly).to.equal(true);
    expect(amount.value).to.equal('100.00');
    expect(amount.getAttribute('aria-invalid')).to.equal('false');
    expect(need<HTMLButtonElement>(el, 'Make Payment').disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('refuses a lump sum larger than what is open: the error is tied to the field and announced', async () => {
    const backend = new FakeBackend();
    const el = await mount(backend);
    const lump = need(el, 'Lump sum amount');
    typeInto(lump, '2000');
    await el.updateComplete;
    await press(el, 'Apply');
    const message = 'That is $500.00 more than the $1,500.00 still open. Enter at most $1,500.00.';
    expect(text(el)).to.contain(message);
    expect(lump.getAttribute('aria-invalid')).to.equal('true');
    const describedBy = (lump.getAttribute('aria-describedby') ?? '').split(/\s+/);
    const errors = describedBy.map((id) => root(el).getElementById(id)).filter((n) => n?.classList.contains('field-error'));
    expect(errors.map((n) => squash(n?.textContent))).to.deep.equal([message]);
    expect(announcement(el)).to.contain(message);
    // Nothing was selected by the refused lump sum.
    for (const n of ['INV-1001', 'INV-1002', 'INV-1003']) expect(need(el, `Select invoice ${n}`).checked, n).to.equal(false);
    expect(backend.created).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('refuses a lump sum that would pay an invoice partly when partial payments are not allowed', async () => {
    const el = await mount(new FakeBackend({ settings: { partialPaymentsAllowed: false } }));
    const lump = need(el, 'Lump sum amount');
    typeInto(lump, '1300.00');
    await el.updateComplete;
    await press(el, 'Apply');
    const message = 'Partial payments are not allowed: enter an amount that covers whole invoices, for example $1,250.00.';
    expect(text(el)).to.contain(message);
    expect(lump.getAttribute('aria-invalid')).to.equal('true');
    expect(lump.getAttribute('aria-describedby')).to.contain('lump-error');
    expect(squash(root(el).getElementById('lump-error')?.textContent)).to.equal(message);
    expect(announcement(el)).to.contain(message);
    expect(need(el, 'Select invoice INV-1001').checked).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('asks for an account when there is none', async () => {
    const backend = new FakeBackend({ viewer: WORKER });
    const el = await mount(backend, { account: '' });
    expect(text(el)).to.contain('Choose an account to pay its invoices.');
    expect(squash(root(el).querySelector('h2')?.textContent)).to.equal('Make Online Payments');
    expect(control(el, 'Make Payment')).to.equal(null);
    expect(root(el).querySelector('[role="table"]')).to.equal(null);
    expect(backend.listInvoiceCalls).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('a fixed card fee is shown, charged in the total the server is told to expect, and printed on the receipt with its date', async () => {
    const backend = new FakeBackend({
      settings: { surcharge: { card: { kind: 'fixed', value: 250, label: 'Card processing fee' }, ach: null } },
    });
    const el = await mount(backend, { selected: ['inv-1003'], collector: new FakeCollector() });
    expect(totals(el)['Card processing fee']).to.equal('$2.50');
    expect(totals(el)['Total']).to.equal('$102.50');
    // The fee is per payment, not per invoice: a second invoice does not double it.
    await press(el, 'Select invoice INV-1001');
    expect(totals(el)['Card processing fee']).to.equal('$2.50');
    expect(totals(el)['Total']).to.equal('$1,352.50');
    // No fee for a bank account.
    await press(el, 'Bank Account');
    expect(totals(el)['Card processing fee']).to.equal(undefined);
    await press(el, 'Credit or Debit Card');
    await expect(el).to.be.accessible();

    await press(el, 'Make Payment');
    await waitUntil(() => root(el).querySelector('#receipt-heading'), 'no receipt', WAIT);
    expect(backend.created.at(-1)?.request.expectedTotal).to.equal(135250);
    const receipt = text(el);
    expect(receipt).to.contain('Card processing fee');
    expect(receipt).to.contain('$2.50');
    expect(receipt).to.contain('$1,352.50');
    // The receipt's date is the cash receipt's calendar day, formatted for the locale.
    const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date('2030-01-20T00:00:00Z'));
    expect(receipt).to.contain(day);
    await expect(el).to.be.accessible();
  });
});
