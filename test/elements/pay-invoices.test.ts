import { expect, fixture, html, oneEvent, waitUntil, aTimeout } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ACME, BANK, CONTACT, CREDIT, EXPIRED_MC, FakeBackend, FakeCollector, VISA, backendError, inv } from './pay-invoices-fixtures.js';
import type { PayInvoices } from '../../src/elements/pay-invoices/pay-invoices.js';
import { DeclinedError } from '../../src/backend/errors.js';
import '../../src/define/pay-invoices.js';
import { control, mountPayInvoices as mount, root, text, totals, typeInto } from './pay-invoices-dom.js';

// ---------------------------------------------------------------------------------------------
// Helpers that look at what a user sees

function button(el: HTMLElement, name: string | RegExp): HTMLButtonElement {
  const found = [...root(el).querySelectorAll('button')].find((b) => {
    const text = (b.getAttribute('aria-label') ?? b.textContent ?? '').replace(/\s+/g, ' ').trim();
    return typeof name === 'string' ? text === name : name.test(text);
  });
  if (!found) throw new Error(`no button ${String(name)}`);
  return found;
}

/** Types into a field as a user would, then waits for the render. */
async function typeAndRender(el: PayInvoices, field: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  typeInto(field, value);
  await el.updateComplete;
}

async function click(el: PayInvoices, target: HTMLElement): Promise<void> {
  target.click();
  await el.updateComplete;
}

/** The totals as label → value. */
function submitButton(el: HTMLElement): HTMLButtonElement {
  return button(el, 'Make Payment');
}

const PENDING_KEY = `pay-invoices:pending:${ACME.id}`;

function held(): { until: Promise<void>; release: () => void } {
  let release!: () => void;
  const until = new Promise<void>((r) => (release = r));
  return { until, release };
}

function amountInput(el: PayInvoices, number: string): HTMLInputElement {
  const input = control(el, `Payment amount for invoice ${number}`);
  if (!input) throw new Error(`no amount input for ${number}`);
  return input;
}

function checkbox(el: PayInvoices, name: string | RegExp): HTMLInputElement {
  const input = control(el, name);
  if (!input) throw new Error(`no control ${String(name)}`);
  return input;
}

async function waitForReceipt(el: PayInvoices): Promise<HTMLElement> {
  await waitUntil(() => root(el).querySelector('#receipt-heading'), 'no receipt', { timeout: 8000 });
  await el.updateComplete;
  return root(el).querySelector<HTMLElement>('#receipt-heading')!;
}

async function waitForText(el: PayInvoices, re: RegExp): Promise<void> {
  await waitUntil(() => re.test(text(el)), `text ${String(re)} not shown`, { timeout: 8000 });
  await el.updateComplete;
}

describe('<pay-invoices>', () => {
  afterEach(() => sessionStorage.clear());

  describe('form', () => {
    it('shows the heading, the walkthrough button and every open invoice with a checkbox', async () => {
      const el = await mount(new FakeBackend());
      const h2 = root(el).querySelector('h2');
      expect(h2?.textContent?.trim()).to.equal('Make Online Payments');
      const info = button(el, 'Open the payment walkthrough');
      setTimeout(() => info.click());
      const ev = await oneEvent(el, 'walkthrough-request');
      expect(ev.cancelable).to.equal(true);
      expect(ev.composed).to.equal(true);
      for (const n of ['INV-1001', 'INV-1002', 'INV-1003']) {
        expect(checkbox(el, `Select invoice ${n}`).checked).to.equal(false);
      }
      expect(root(el).querySelectorAll('[role="row"]').length).to.equal(4);
      for (const step of ['invoices', 'amounts', 'method', 'method-entry', 'memo', 'submit'] as const) {
        expect(el.walkthroughTarget(step), step).to.exist;
      }
      expect(text(el)).to.include('$50.00'); // INV-1002's pending amount
      expect(submitButton(el).disabled).to.equal(true);
      expect(text(el)).to.include('Select at least one invoice to pay.');
      await expect(el).to.be.accessible();
    });

    it('has no walkthrough button when the walkthrough is off', async () => {
      const el = await mount(new FakeBackend({ settings: { walkthroughEnabled: false } }));
      expect(control(el, 'Open the payment walkthrough')).to.equal(null);
    });

    it('preselects the invoice whose Pay Now was pressed, prefilled with its balance less pending', async () => {
      const el = await mount(new FakeBackend(), { selected: ['inv-1002'] });
      expect(checkbox(el, 'Select invoice INV-1002').checked).to.equal(true);
      expect(checkbox(el, 'Select invoice INV-1001').checked).to.equal(false);
      expect(amountInput(el, 'INV-1002').value).to.equal('150.00');
      expect(totals(el)['Invoices']).to.equal('$150.00');
    });

    it('selects and clears all invoices with "Select all"', async () => {
      const el = await mount(new FakeBackend());
      const all = checkbox(el, 'Select all');
      await click(el, all);
      for (const n of ['INV-1001', 'INV-1002', 'INV-1003']) expect(checkbox(el, `Select invoice ${n}`).checked).to.equal(true);
      expect(totals(el)['Invoices']).to.equal('$1,500.00');
      await click(el, checkbox(el, 'Select invoice INV-1001'));
      expect(all.indeterminate).to.equal(true);
      await click(el, all);
      await click(el, all);
      expect(checkbox(el, 'Select invoice INV-1003').checked).to.equal(false);
      expect(totals(el)['Invoices']).to.equal('$0.00');
    });

    it('edits a partial amount and updates the totals', async () => {
      const el = await mount(new FakeBackend(), { selected: ['inv-1003'] });
      await typeAndRender(el, amountInput(el, 'INV-1003'), '40.50');
      expect(amountInput(el, 'INV-1003').getAttribute('aria-invalid')).to.equal('false');
      expect(totals(el)['Invoices']).to.equal('$40.50');
      expect(submitButton(el).disabled).to.equal(false);
    });

    for (const [id, value] of [
      ['F12', '0'],
      ['F12', '-5'],
      ['F12', ''],
      ['F13', '1e3'],
      ['F13', '0x10'],
      ['F13', 'Infinity'],
      ['F13', '9'.repeat(400)],
      ['F14', '12.345'],
      ['F16', '100.01'],
    ] as const) {
      it(`${id} refuses "${value.length > 20 ? `${value.slice(0, 8)}…` : value}" inline and disables Make Payment`, async () => {
        const el = await mount(new FakeBackend(), { selected: ['inv-1003'] });
        const input = amountInput(el, 'INV-1003');
        await typeAndRender(el, input, value);
        expect(input.getAttribute('aria-invalid')).to.equal('true');
        const describedBy = input.getAttribute('aria-describedby');
        const message = describedBy ? root(el).getElementById(describedBy) : null;
        expect(message?.textContent?.trim()).to.match(/\w/);
        expect(submitButton(el).disabled).to.equal(true);
        // Announced through the live region.
        expect(root(el).querySelector('.visually-hidden[role="status"]')?.textContent).to.include('INV-1003');
        if (id === 'F16') {
          expect(message?.textContent).to.include('$100.00');
          await expect(el).to.be.accessible();
        }
      });
    }

    it('F16 accepts more than the balance when overpayment is allowed', async () => {
      const el = await mount(new FakeBackend({ settings: { overpaymentAllowed: true } }), { selected: ['inv-1003'] });
      await typeAndRender(el, amountInput(el, 'INV-1003'), '100.01');
      expect(amountInput(el, 'INV-1003').getAttribute('aria-invalid')).to.equal('false');
      expect(totals(el)['Invoices']).to.equal('$100.01');
    });

    it('F17 fixes amounts to the balance when partial payments are not allowed', async () => {
      const el = await mount(new FakeBackend({ settings: { partialPaymentsAllowed: false } }), { selected: ['inv-1003'] });
      const input = amountInput(el, 'INV-1003');
      expect(input.readOnly).to.equal(true);
      expect(input.value).to.equal('100.00');
      expect(text(el)).to.include('Partial payments are not allowed');
      expect(submitButton(el).disabled).to.equal(false);
    });

    it('F18 never sums invoices in different currencies', async () => {
      const backend = new FakeBackend({
        invoices: [inv(1, { balance: 5000 }), inv(2, { currency: 'EUR', balance: 7000 })],
      });
      const el = await mount(backend, { selected: ['inv-1', 'inv-2'] });
      expect(text(el)).to.include('Invoices in different currencies cannot be paid together');
      expect(totals(el)['Total']).to.not.include('120');
      expect(submitButton(el).disabled).to.equal(true);
      await click(el, checkbox(el, 'Select invoice INV-2'));
      expect(submitButton(el).disabled).to.equal(false);
    });

    it('F28 flags negative balances, duplicate ids and unknown currencies; the rest can be paid', async () => {
      const backend = new FakeBackend({
        invoices: [
          inv(1, { balance: -500 }),
          inv(2),
          inv(2, { number: 'INV-2b' }),
          inv(3, { currency: 'ZZZ' }),
          inv(4),
        ],
      });
      const el = await mount(backend);
      expect(checkbox(el, 'Select invoice INV-1').disabled).to.equal(true);
      expect(checkbox(el, 'Select invoice INV-2').disabled).to.equal(true);
      expect(checkbox(el, 'Select invoice INV-2b').disabled).to.equal(true);
      expect(checkbox(el, 'Select invoice INV-3').disabled).to.equal(true);
      expect(checkbox(el, 'Select invoice INV-4').disabled).to.equal(false);
      expect(text(el)).to.include('the balance is negative');
      expect(text(el)).to.include('appears more than once');
      expect(text(el)).to.include('unknown currency');
      await click(el, checkbox(el, 'Select all'));
      expect(checkbox(el, 'Select invoice INV-4').checked).to.equal(true);
      expect(totals(el)['Invoices']).to.equal('$100.00');
    });

    it('F19 applies a credit, and refuses credits that leave nothing for the card', async () => {
      const el = await mount(new FakeBackend({ credits: [CREDIT] }), { selected: ['inv-1003'] });
      await click(el, checkbox(el, 'Apply credit CM-501'));
      const credit = checkbox(el, 'Amount of credit CM-501 to apply');
      expect(credit.value).to.equal('30.00');
      expect(totals(el)['Credits']).to.equal('-$30.00');
      expect(totals(el)['Total']).to.equal('$72.10'); // (100 − 30) + 3 %
      await typeAndRender(el, amountInput(el, 'INV-1003'), '20.00');
      expect(text(el)).to.include('The credits are more than the invoices selected');
      expect(submitButton(el).disabled).to.equal(true);
      await typeAndRender(el, credit, '20.00');
      expect(text(el)).to.include('Credits cannot cover the whole payment');
      expect(submitButton(el).disabled).to.equal(true);
      await typeAndRender(el, credit, '40.00');
      expect(credit.getAttribute('aria-invalid')).to.equal('true');
      await typeAndRender(el, credit, '19.99');
      expect(submitButton(el).disabled).to.equal(false);
      expect(totals(el)['Total']).to.equal('$0.01'); // 3 % of one cent rounds to 0
    });

    it('spreads a lump sum oldest due first and refuses a remainder', async () => {
      const el = await mount(new FakeBackend());
      const lump = checkbox(el, 'Lump sum amount');
      await typeAndRender(el, lump, '1300.00');
      await click(el, button(el, 'Apply'));
      expect(checkbox(el, 'Select invoice INV-1001').checked).to.equal(true);
      expect(checkbox(el, 'Select invoice INV-1003').checked).to.equal(true);
      expect(checkbox(el, 'Select invoice INV-1002').checked).to.equal(false);
      expect(amountInput(el, 'INV-1001').value).to.equal('1250.00');
      expect(amountInput(el, 'INV-1003').value).to.equal('50.00');
      expect(totals(el)['Invoices']).to.equal('$1,300.00');
      // Amounts remain editable.
      await typeAndRender(el, amountInput(el, 'INV-1003'), '60.00');
      expect(totals(el)['Invoices']).to.equal('$1,310.00');
      await typeAndRender(el, lump, '2000');
      await click(el, button(el, 'Apply'));
      expect(text(el)).to.include('That is $500.00 more than the $1,500.00 still open');
      expect(lump.getAttribute('aria-invalid')).to.equal('true');
      expect(totals(el)['Invoices']).to.equal('$1,310.00');
    });

    it('shows a percent surcharge for card and none for a bank account', async () => {
      const el = await mount(new FakeBackend(), { selected: ['inv-1003'] });
      expect(checkbox(el, 'Credit or Debit Card').checked).to.equal(true);
      expect(totals(el)['Card surcharge (3%)']).to.equal('$3.00');
      expect(totals(el)['Total']).to.equal('$103.00');
      const live = root(el).querySelector('dl.totals')?.closest('[aria-live]');
      expect(live?.getAttribute('aria-live')).to.equal('polite');
      await click(el, checkbox(el, 'Bank Account'));
      expect(totals(el)['Card surcharge (3%)']).to.equal(undefined);
      expect(totals(el)['Total']).to.equal('$100.00');
    });

    it('F24 renders no bank option when ACH is not allowed', async () => {
      const el = await mount(new FakeBackend({ settings: { allowedMethods: ['card'] } }));
      expect(control(el, 'Bank Account')).to.equal(null);
      expect(control(el, 'Credit or Debit Card')).to.exist;
      expect(text(el)).to.not.include('Enter Bank Info');
    });

    it('F26 preselects the default saved card; expired cards are marked and disabled', async () => {
      const el = await mount(new FakeBackend());
      const visa = checkbox(el, /^Visa ending 4242/);
      expect(visa.checked).to.equal(true);
      const expired = checkbox(el, /^Mastercard ending 4444.*Expired/);
      expect(expired.disabled).to.equal(true);
      expect(expired.checked).to.equal(false);
      await click(el, checkbox(el, 'Bank Account'));
      const pending = checkbox(el, /Second Bank.*Awaiting verification/);
      expect(pending.disabled).to.equal(true);
      expect(button(el, 'Enter Bank Info')).to.exist;
    });

    it('F26 never preselects an expired default card', async () => {
      const el = await mount(new FakeBackend({ methods: [{ ...EXPIRED_MC, isDefault: true }, { ...VISA, isDefault: false }] }), {
        selected: ['inv-1003'],
      });
      expect(checkbox(el, /^Mastercard ending 4444/).checked).to.equal(false);
      expect(checkbox(el, /^Visa ending 4242/).checked).to.equal(false);
      expect(submitButton(el).disabled).to.equal(true);
      expect(text(el)).to.include('Choose a payment method.');
    });

    it('F33 limits the memo in user-visible characters', async () => {
      const el = await mount(new FakeBackend(), { selected: ['inv-1003'] });
      const memo = checkbox(el, 'Memo') as unknown as HTMLTextAreaElement;
      const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}';
      await typeAndRender(el, memo, family.repeat(20));
      expect(text(el)).to.include('0 characters left');
      expect(memo.getAttribute('aria-invalid')).to.equal('false');
      expect(submitButton(el).disabled).to.equal(false);
      await typeAndRender(el, memo, 'x'.repeat(25));
      expect(memo.getAttribute('aria-invalid')).to.equal('true');
      expect(text(el)).to.include('The memo is 5 characters too long (at most 20).');
      expect(submitButton(el).disabled).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('shows a collected new card as the selected method and sends its token', async () => {
      const backend = new FakeBackend({ methods: [] });
      const el = await mount(backend, { selected: ['inv-1003'] });
      expect(button(el, 'Enter Card Info')).to.exist;
      const modal = root(el).querySelector('payment-method-modal');
      expect(modal).to.exist;
      modal!.dispatchEvent(
        new CustomEvent('method-collected', {
          detail: { token: 'tok_visa', summary: { type: 'card', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2099 }, save: true },
          bubbles: true,
          composed: true,
        }),
      );
      await el.updateComplete;
      expect(checkbox(el, 'Visa ending 4242 (new)').checked).to.equal(true);
      await click(el, submitButton(el));
      await waitForReceipt(el);
      expect(backend.created).to.have.length(1);
      expect(backend.created[0]!.request.method).to.deep.equal({
        kind: 'token',
        token: 'tok_visa',
        summary: { type: 'card', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2099 },
        save: true,
      });
    });

    it('opens <payment-method-modal> for the chosen type from Enter Card Info / Enter Bank Info', async () => {
      const el = await mount(new FakeBackend());
      const modal = root(el).querySelector('payment-method-modal')!;
      await click(el, button(el, 'Enter Card Info'));
      await waitUntil(() => modal.opened, 'modal not opened', { timeout: 8000 });
      expect(modal.type).to.equal('card');
      modal.close();
      await waitUntil(() => !modal.opened, 'modal not closed', { timeout: 8000 });
      await click(el, checkbox(el, 'Bank Account'));
      const bankButton = button(el, 'Enter Bank Info');
      await click(el, bankButton);
      await waitUntil(() => modal.opened, 'modal not opened', { timeout: 8000 });
      expect(modal.type).to.equal('ach');
      expect(modal.settings?.achMandateText).to.include('authorize');
      modal.close();
    });

    it('F23 asks for the ACH authorization and sends it with the total', async () => {
      const backend = new FakeBackend({ viewer: CONTACT });
      const el = await mount(backend, { selected: ['inv-1003'] });
      await click(el, checkbox(el, 'Bank Account'));
      await click(el, checkbox(el, /^First Bank checking ending 6789/));
      expect(submitButton(el).disabled).to.equal(true);
      expect(text(el)).to.include('Accept the bank debit authorization.');
      const consent = checkbox(el, /^I authorize a one-time debit of \$100\.00 from the bank account ending 6789/);
      await click(el, consent);
      expect(submitButton(el).disabled).to.equal(false);
      await click(el, submitButton(el));
      const heading = await waitForReceipt(el);
      expect(heading.textContent?.trim()).to.equal('Payment processing');
      const auth = backend.created[0]!.request.achAuthorization;
      expect(auth?.amount).to.equal(10000);
      expect(auth?.accountLast4).to.equal('6789');
      expect(auth?.text).to.include('authorize');
      expect(text(el)).to.include('up to four business days');
      expect(text(el)).to.include('Paid by Pat Buyer');
      expect(text(el)).to.not.include('on behalf of');
    });
    it('the recorded authorization fills the host template as the dialog shows it (same date, payee and amount words)', async () => {
      const template = 'On {date}, {company} may debit {amount} from {account}.';
      const backend = new FakeBackend({ viewer: CONTACT, settings: { achMandateText: template } });
      const el = await mount(backend, { selected: ['inv-1003'] });
      await click(el, checkbox(el, 'Bank Account'));
      const modal = root(el).querySelector('payment-method-modal')!;
      await click(el, button(el, 'Enter Bank Info'));
      await waitUntil(() => modal.opened, 'modal not opened', { timeout: 8000 });
      await waitUntil(() => modal.shadowRoot?.querySelector('[part="mandate"]'), 'no authorization text in the dialog', { timeout: 8000 });
      const shown = (modal.shadowRoot!.querySelector('[part="mandate"]')!.textContent ?? '').replace(/\s+/g, ' ');
      const [, date, payee] = /On (.+?), (.+?) may debit/.exec(shown) ?? [];
      expect(date, `the dialog's text: ${shown}`).to.be.a('string');
      modal.close();
      await waitUntil(() => !modal.opened, 'modal not closed', { timeout: 8000 });

      await click(el, checkbox(el, /^First Bank checking ending 6789/));
      await click(el, checkbox(el, /^I authorize a one-time debit/));
      await click(el, submitButton(el));
      await waitForReceipt(el);
      const recorded = backend.created[0]!.request.achAuthorization!.text;
      expect(recorded).to.contain(`On ${date}, ${payee} may debit $100.00 from ending 6789.`);
    });
  });

  describe('submitting', () => {
    it('F01 double click makes exactly one payment; the button is disabled and aria-busy', async () => {
      const backend = new FakeBackend();
      const gate = held();
      backend.createSteps.push({ kind: 'hold', until: gate.until });
      const el = await mount(backend, { selected: ['inv-1003'] });
      const btn = submitButton(el);
      btn.click();
      btn.click();
      await el.updateComplete;
      btn.click();
      expect(backend.created).to.have.length(1);
      expect(btn.disabled).to.equal(true);
      expect(btn.getAttribute('aria-busy')).to.equal('true');
      expect(text(el)).to.include('Processing payment…');
      // The key was stored before the request left, with the request.
      const stored = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as { key: string; request: { allocations: unknown[] } };
      expect(stored.key).to.equal(backend.created[0]!.key);
      expect(stored.request.allocations).to.deep.equal([{ invoiceId: 'inv-1003', amount: 10000 }]);
      await expect(el).to.be.accessible();
      gate.release();
      await waitForReceipt(el);
      expect(sessionStorage.getItem(PENDING_KEY)).to.equal(null);
      expect(backend.created).to.have.length(1);
    });

    it('F01 repeated Enter makes exactly one payment', async () => {
      const backend = new FakeBackend();
      const gate = held();
      backend.createSteps.push({ kind: 'hold', until: gate.until });
      const el = await mount(backend, { selected: ['inv-1003'] });
      submitButton(el).focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(backend.created).to.have.length(1);
      expect(submitButton(el).getAttribute('aria-busy')).to.equal('true');
      gate.release();
      await waitForReceipt(el);
      expect(backend.created).to.have.length(1);
    });

    it('F04 a re-added element recovers the in-flight payment by key without charging again', async () => {
      const backend = new FakeBackend();
      backend.createSteps.push({ kind: 'hold', until: new Promise(() => {}) });
      const el = await mount(backend, { selected: ['inv-1003'] });
      await click(el, submitButton(el));
      expect(backend.created).to.have.length(1);
      const key = backend.created[0]!.key;
      el.remove();
      expect(JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? '{}').key).to.equal(key);
      // As after a reload: a new element for the same account.
      const again = await mount(backend);
      await waitForReceipt(again);
      expect(backend.lookups).to.include(key);
      expect(backend.created).to.have.length(1);
      expect(text(again)).to.include('INV-1003');
      expect(sessionStorage.getItem(PENDING_KEY)).to.equal(null);
      // The same element re-added also shows the outcome rather than a fresh form.
      document.body.append(el);
      await waitForReceipt(el);
      el.remove();
      expect(backend.created).to.have.length(1);
    });

    it('F02 a lost answer says it is confirming, never failed, and "Check payment status" recovers', async () => {
      const backend = new FakeBackend();
      backend.createSteps.push({ kind: 'error', commit: true, error: backendError('network', { outcomeUnknown: true }) });
      const el = await mount(backend, { selected: ['inv-1003'] });
      await click(el, submitButton(el));
      await waitForText(el, /We are confirming your payment…/);
      expect(text(el)).to.not.match(/failed/i);
      expect(sessionStorage.getItem(PENDING_KEY)).to.not.equal(null);
      expect(root(el).activeElement?.id).to.equal('outcome');
      await expect(el).to.be.accessible();
      await click(el, button(el, 'Check payment status'));
      await waitForReceipt(el);
      expect(backend.created).to.have.length(1);
      expect(backend.lookups).to.deep.equal([backend.created[0]!.key]);
      expect(sessionStorage.getItem(PENDING_KEY)).to.equal(null);
    });

    it('F03 a timeout before the server recorded anything is re-sent with the same key', async () => {
      const backend = new FakeBackend();
      backend.createSteps.push({ kind: 'error', error: backendError('timeout') });
      const el = await mount(backend, { selected: ['inv-1003'] });
      await click(el, submitButton(el));
      await waitForText(el, /We are confirming your payment…/);
      await click(el, button(el, 'Check payment status'));
      await waitForText(el, /Your payment was not completed/);
      await click(el, button(el, 'Submit again'));
      await waitForReceipt(el);
      expect(backend.created).to.have.length(2);
      expect(backend.created[1]!.key).to.equal(backend.created[0]!.key);
    });

    it('F05 a 5xx after retries says the payment may still be processing', async () => {
      const backend = new FakeBackend();
      backend.createSteps.push({ kind: 'error', commit: true, error: backendError('unavailable', { status: 503 }) });
      const el = await mount(backend, { selected: ['inv-1003'] });
      await click(el, submitButton(el));
      await waitForText(el, /may still be processing/);
      expect(control(el, 'Make Payment')).to.equal(null);
      await click(el, button(el, 'Check payment status'));
      await waitForReceipt(el);
      expect(backend.created).to.have.length(1);
    });

    it('F07 a conflict reloads the balances, keeps the selection and asks to confirm again', async () => {
      const backend = new FakeBackend();
      backend.createSteps.push({ kind: 'error', error: backendError('conflict', { status: 409, code: 'invoice_changed' }) });
      const el = await mount(backend, { selected: ['inv-1003', 'inv-1001'] });
      backend.nextInvoices = [inv(1001, { dueDate: '2030-01-15', balance: 125000 }), inv(1003, { balance: 6000 })];
      await click(el, submitButton(el));
      await waitForText(el, /The invoices changed; review the amounts and confirm again/);
      expect(backend.listInvoiceCalls).to.equal(2);
      expect(checkbox(el, 'Select invoice INV-1003').checked).to.equal(true);
      expect(checkbox(el, 'Select invoice INV-1001').checked).to.equal(true);
      expect(amountInput(el, 'INV-1003').value).to.equal('60.00');
      expect(control(el, 'Select invoice INV-1002')).to.equal(null);
      expect(sessionStorage.getItem(PENDING_KEY)).to.equal(null);
      await click(el, submitButton(el));
      await waitForReceipt(el);
      expect(backend.created).to.have.length(2);
      expect(backend.created[1]!.key).to.not.equal(backend.created[0]!.key);
      expect(backend.created[1]!.request.allocations).to.deep.include({ invoiceId: 'inv-1003', amount: 6000 });
    });

    it('F08 401 fires auth-required and keeps the selection and memo', async () => {
      const backend = new FakeBackend();
      backend.createSteps.push({ kind: 'error', error: backendError('unauthorized', { status: 401 }) });
      const el = await mount(backend, { selected: ['inv-1003'] });
      await typeAndRender(el, checkbox(el, 'Memo') as unknown as HTMLTextAreaElement, 'June run');
      setTimeout(() => submitButton(el).click());
      const ev = await oneEvent(el, 'auth-required');
      expect(ev.detail).to.deep.equal({ reason: 'unauthorized' });
      expect(ev.composed).to.equal(true);
      await waitForText(el, /Sign in again/);
      expect(checkbox(el, 'Select invoice INV-1003').checked).to.equal(true);
      expect((checkbox(el, 'Memo') as unknown as HTMLTextAreaElement).value).to.equal('June run');
      expect(submitButton(el).disabled).to.equal(false);
      expect(sessionStorage.getItem(PENDING_KEY)).to.equal(null);
    });

    it('F09 a decline shows a specific message that gets focus; the selection is kept', async () => {
      const backend = new FakeBackend();
      backend.createSteps.push({ kind: 'status', status: 'failed', failureCode: 'insufficient_funds' });
      backend.createSteps.push({ kind: 'error', error: new DeclinedError('Declined', { status: 402, code: 'incorrect_cvc' }) });
      const el = await mount(backend, { selected: ['inv-1003'] });
      await click(el, submitButton(el));
      await waitForText(el, /declined for insufficient funds/);
      const alert = root(el).querySelector('#form-message');
      expect(alert?.getAttribute('role')).to.equal('alert');
      expect(root(el).activeElement).to.equal(alert);
      expect(checkbox(el, 'Select invoice INV-1003').checked).to.equal(true);
      expect(sessionStorage.getItem(PENDING_KEY)).to.equal(null);
      await expect(el).to.be.accessible();
      await click(el, submitButton(el));
      await waitForText(el, /security code \(CVC\) was incorrect/);
      expect(backend.created[1]!.key).to.not.equal(backend.created[0]!.key);
    });

    it('F10 a cancelled 3-D Secure challenge goes back to the form with nothing recorded', async () => {
      const backend = new FakeBackend();
      const collector = new FakeCollector(false);
      backend.createSteps.push({ kind: 'status', status: 'requires_action' });
      const el = await mount(backend, { selected: ['inv-1003'], collector });
      await click(el, submitButton(el));
      await waitForText(el, /Card verification was cancelled/);
      expect(collector.nextActions).to.have.length(1);
      expect(backend.confirmed).to.deep.equal([{ id: 'pay-1', actionCompleted: false }]);
      expect(await backend.listPayments()).to.have.length(0);
      expect(checkbox(el, 'Select invoice INV-1003').checked).to.equal(true);
      expect(submitButton(el).disabled).to.equal(false);
      expect(sessionStorage.getItem(PENDING_KEY)).to.equal(null);
    });

    it('a completed 3-D Secure challenge leads to the receipt', async () => {
      const backend = new FakeBackend();
      const collector = new FakeCollector(true);
      backend.createSteps.push({ kind: 'status', status: 'requires_action' });
      const el = await mount(backend, { selected: ['inv-1003'], collector });
      await click(el, submitButton(el));
      const heading = await waitForReceipt(el);
      expect(heading.textContent?.trim()).to.equal('Payment received');
      expect(collector.nextActions).to.deep.equal(['pay-1_secret']);
      expect(text(el)).to.include('CR-000124');
    });

    it('asks before paying an invoice that already has a pending payment', async () => {
      const backend = new FakeBackend();
      const el = await mount(backend, { selected: ['inv-1002'] });
      await click(el, submitButton(el));
      expect(text(el)).to.include('INV-1002 already has a pending payment of $50.00. Pay anyway?');
      expect(root(el).activeElement?.id).to.equal('pending-confirm');
      expect(backend.created).to.have.length(0);
      await expect(el).to.be.accessible();
      await click(el, button(el, 'Review the selection'));
      expect(text(el)).to.not.include('Pay anyway?');
      await click(el, submitButton(el));
      await click(el, button(el, 'Pay anyway'));
      await waitForReceipt(el);
      expect(backend.created).to.have.length(1);
    });
  });

  describe('receipt', () => {
    it('shows who paid on whose behalf, the receipt number, invoices, memo as text; prints; fires payment-complete', async () => {
      const backend = new FakeBackend({ credits: [CREDIT] });
      const el = await mount(backend, { selected: ['inv-1001', 'inv-1003'], showBack: true });
      await click(el, checkbox(el, 'Apply credit CM-501'));
      await typeAndRender(el, checkbox(el, 'Memo') as unknown as HTMLTextAreaElement, '<b>June</b>');
      setTimeout(() => submitButton(el).click());
      const ev = await oneEvent(el, 'payment-complete');
      expect(ev.detail).to.deep.equal({ paymentId: 'pay-1', status: 'succeeded', total: 135960, currency: 'USD' });
      const heading = await waitForReceipt(el);
      expect(heading.textContent?.trim()).to.equal('Payment received');
      expect(root(el).activeElement).to.equal(heading);
      const t = text(el);
      expect(t).to.include('CR-000123');
      expect(t).to.include('Visa ending 4242');
      expect(t).to.include('INV-1001');
      expect(t).to.include('$1,250.00');
      expect(t).to.include('Credit CM-501');
      expect(t).to.include('Card surcharge (3%)');
      expect(t).to.include('$1,359.60');
      expect(t).to.include('Succeeded');
      expect(t).to.include('<b>June</b>');
      expect(root(el).querySelector('.receipt b')).to.equal(null);
      expect(t).to.include('Paid by Dana Worker on behalf of Acme Hardware Co.');
      await expect(el).to.be.accessible();
      const original = window.print;
      let printed = 0;
      window.print = () => void printed++;
      try {
        await click(el, button(el, 'Print'));
      } finally {
        window.print = original;
      }
      expect(printed).to.equal(1);
      setTimeout(() => button(el, 'Back to invoices').click());
      await oneEvent(el, 'pay-back');
      await click(el, button(el, 'Make another payment'));
      await waitUntil(() => control(el, 'Select invoice INV-1001'), 'form not back', { timeout: 8000 });
      expect(checkbox(el, 'Select invoice INV-1001').checked).to.equal(false);
    });
  });

  describe('states', () => {
    it('says online payment is unavailable when the feature is off', async () => {
      const el = await mount(new FakeBackend({ settings: { onlinePaymentsEnabled: false } }));
      expect(text(el)).to.include('Online payment is not available');
      expect(control(el, 'Make Payment')).to.equal(null);
      expect(root(el).querySelector('[role="table"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows loading, then an error with Try again that recovers', async () => {
      const backend = new FakeBackend();
      const gate = held();
      backend.loadGate = gate.until;
      const el = await fixture<PayInvoices>(html`<pay-invoices account="A-1" .backend=${backend}></pay-invoices>`);
      expect(text(el)).to.include('Loading open invoices…');
      expect(root(el).querySelector('[role="status"] .spinner')).to.exist;
      await expect(el).to.be.accessible();
      backend.loadError = backendError('unavailable', { status: 503 });
      gate.release();
      backend.loadGate = null;
      await waitForText(el, /We could not load your invoices/);
      expect(text(el)).to.include('The service is unavailable right now');
      await expect(el).to.be.accessible();
      backend.loadError = null;
      await click(el, button(el, 'Try again'));
      await waitUntil(() => control(el, 'Select invoice INV-1001'), 'not loaded', { timeout: 8000 });
    });

    it('asks for an account when there is none', async () => {
      const el = await mount(new FakeBackend(), { account: '' });
      expect(text(el)).to.include('Choose an account to pay its invoices.');
    });

    it('uses a contact’s own account when no account is given', async () => {
      const el = await mount(new FakeBackend({ viewer: CONTACT }), { account: '' });
      expect(control(el, 'Select invoice INV-1001')).to.exist;
    });

    it('F29 says so when there are no open invoices', async () => {
      const el = await mount(new FakeBackend({ invoices: [] }));
      expect(text(el)).to.include('There are no open invoices to pay.');
    });
  });

  describe('large accounts', () => {
    it('F30 stays light with 10,000 invoices: few DOM nodes, select all and totals', async () => {
      const invoices = Array.from({ length: 10000 }, (_, i) => inv(i + 1, { balance: 100 + i, dueDate: '2030-02-01' }));
      const el = await mount(new FakeBackend({ invoices, methods: [BANK, VISA] }));
      await waitUntil(() => control(el, 'Select invoice INV-1'), 'rows not rendered', { timeout: 10000 });
      const count = (): number => root(el).querySelectorAll('*').length;
      expect(count()).to.be.below(2000);
      // Only a window of rows is rendered (more in the windowing tests: pay-invoices-window.test.ts).
      expect(root(el).querySelectorAll('[part="invoice-row"]').length).to.be.below(60);
      // Speed is the benchmark's (npm run bench: select all + totals at 10,000); here, correctness.
      await click(el, checkbox(el, 'Select all'));
      await aTimeout(0);
      expect(count()).to.be.below(2000);
      expect(text(el)).to.include('10,000 of 10,000 invoices selected');
      // Σ (100 + i) for i < 10000 = 1,000,000 + 49,995,000 cents.
      expect(totals(el)['Invoices']).to.equal('$509,950.00');
      expect(root(el).querySelector('[role="table"]')?.getAttribute('aria-rowcount')).to.equal('10001');
    });
  });
});
