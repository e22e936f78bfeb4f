import { aTimeout, expect, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/payment-method-modal.js';
import type {
  MethodCollectedDetail,
  PaymentMethodModal,
} from '../../src/elements/payment-method-modal/payment-method-modal.js';
import { SandboxCollector } from '../../src/collectors/sandbox-collector.js';
import { CollectorError, type PaymentCollector } from '../../src/collectors/types.js';
import { settings,
  alertText,
  button,
  deepActive,
  describedText,
  field,
  fill,
  fillBank,
  fillCard,
  opened,
  roots,
  submit,
} from './payment-method-modal-helpers.js';


async function setup(type: 'card' | 'ach' = 'card', collector: PaymentCollector | null = new SandboxCollector({ delayMs: 0 })) {
  // fixtureSync + updateComplete: a plain <div> fixture waits for an animation frame, which a
  // background page (concurrent test files) may never get.
  const wrapper = fixtureSync<HTMLDivElement>(html`
    <div>
      <button id="opener" type="button">Enter info</button>
      <payment-method-modal type=${type} company="Acme Supply" .settings=${settings}></payment-method-modal>
    </div>
  `);
  const modal = wrapper.querySelector('payment-method-modal')!;
  if (collector) modal.collector = collector;
  await modal.updateComplete;
  const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
  opener.addEventListener('click', () => void modal.open(opener));
  return { modal, opener };
}

async function collected(modal: PaymentMethodModal): Promise<MethodCollectedDetail> {
  const event = oneEvent(modal, 'method-collected');
  submit(modal);
  return (await event).detail;
}

/** Every attribute value in the modal's shadow trees. */
function allAttributes(modal: PaymentMethodModal): string {
  const values: string[] = [];
  const walk = (root: ParentNode) => {
    for (const el of root.querySelectorAll('*')) {
      for (const a of el.attributes) values.push(a.value);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(modal.shadowRoot!);
  return values.join('|');
}

describe('<payment-method-modal>', () => {
  describe('opening and closing', () => {
    it('opens a labelled modal dialog with focus on the first field and TEST MODE visible (default sandbox)', async () => {
      const { modal, opener } = await setup('card', null);
      opener.focus();
      opener.click();
      await waitUntil(() => modal.shadowRoot!.querySelector('button[type="submit"]'), 'ready', { timeout: 5000 });
      const dialog = modal.shadowRoot!.querySelector('dialog')!;
      expect(dialog.open).to.be.true;
      expect(dialog.matches(':modal')).to.be.true;
      const title = modal.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!;
      expect(title.tagName).to.equal('H2');
      expect(title.textContent).to.equal('Enter Card Info');
      expect(deepActive()).to.equal(field(modal, 'Card number'));
      const fields = modal.shadowRoot!.querySelector('pi-sandbox-card-fields')!;
      expect(fields.shadowRoot!.textContent).to.contain('TEST MODE');
      expect(fields.shadowRoot!.textContent).to.contain('4242 4242 4242 4242');
      await expect(modal).to.be.accessible();
    });

    it('Escape closes, fires method-cancel and returns focus to the opener', async () => {
      const { modal, opener } = await setup();
      opener.focus();
      opener.click();
      await waitUntil(() => modal.shadowRoot!.querySelector('button[type="submit"]'), 'ready', { timeout: 5000 });
      fill(field(modal, 'Card number'), '4242424242424242');
      const cancel = oneEvent(modal, 'method-cancel');
      await sendKeys({ press: 'Escape' });
      const event = await cancel;
      expect(event.detail.type).to.equal('card');
      expect(modal.shadowRoot!.querySelector('dialog')!.open).to.be.false;
      expect(document.activeElement).to.equal(opener);
      expect(modal.shadowRoot!.querySelector('pi-sandbox-card-fields')).to.equal(null);
    });

    it('Cancel button closes; close() closes without method-cancel; focus returns to the element focused before', async () => {
      const { modal, opener } = await setup();
      opener.focus();
      await opened(modal);
      const cancel = oneEvent(modal, 'method-cancel');
      button(modal, 'Cancel').click();
      await cancel;
      expect(document.activeElement).to.equal(opener);

      await opened(modal, opener);
      let fired = false;
      modal.addEventListener('method-cancel', () => (fired = true));
      modal.close();
      // The dialog's close event is a task: wait for it, not only for focus (which may not have left).
      await waitUntil(() => !modal.opened && document.activeElement === opener, 'closed, focus back', { timeout: 3000 });
      await aTimeout(20);
      expect(fired).to.be.false;
      expect(modal.opened).to.be.false;
    });
  });

  describe('card', () => {
    it('F36 a test card gives method-collected with pm_card_visa, last 4 only, and no full number or CVC anywhere', async () => {
      const { modal } = await setup();
      await opened(modal);
      const fields = modal.shadowRoot!.querySelector('pi-sandbox-card-fields')!;
      await fillCard(modal, { number: '4242 4242 4242 4242', cvc: '987', expiry: '11/38' });
      expect(allAttributes(modal)).not.to.match(/4242\s?4242|987/);
      const detail = await collected(modal);
      expect(detail.token).to.equal('pm_card_visa');
      expect(detail.summary).to.deep.equal({ type: 'card', brand: 'visa', last4: '4242', expMonth: 11, expYear: 2038 });
      expect(detail.save).to.be.false;
      const json = JSON.stringify(detail);
      expect(json).not.to.contain('4242424242424242');
      expect(json).not.to.contain('4242 4242');
      expect(json).not.to.contain('987');
      // The fields were cleared and removed; nothing typed is left in the DOM.
      for (const input of fields.shadowRoot!.querySelectorAll('input')) expect(input.value).to.equal('');
      expect(modal.shadowRoot!.querySelector('pi-sandbox-card-fields')).to.equal(null);
      expect(modal.shadowRoot!.querySelector('dialog')!.open).to.be.false;
    });

    it('has labelled fields with card autocomplete tokens', async () => {
      const { modal } = await setup();
      await opened(modal);
      expect(field(modal, 'Card number').autocomplete).to.equal('cc-number');
      expect(field(modal, 'Expiration (MM / YY)').autocomplete).to.equal('cc-exp');
      expect(field(modal, 'CVC').autocomplete).to.equal('cc-csc');
      expect(field(modal, 'ZIP').autocomplete).to.equal('postal-code');
      expect(field(modal, 'Save for future payments').type).to.equal('checkbox');
    });

    it('refuses a real-looking (Luhn-valid) card number: error beside the field, announced, focused', async () => {
      const { modal } = await setup();
      await opened(modal);
      let fired = false;
      modal.addEventListener('method-collected', () => (fired = true));
      await fillCard(modal, { number: '4111 1111 1111 1111' });
      submit(modal);
      const number = field(modal, 'Card number');
      await waitUntil(() => number.getAttribute('aria-invalid') === 'true', 'invalid', { timeout: 3000 });
      expect(describedText(number)).to.contain('Only test card numbers work in test mode.');
      await waitUntil(() => alertText(modal).includes('Only test card numbers work in test mode.'), 'announced', {
        timeout: 3000,
      });
      expect(deepActive()).to.equal(number);
      expect(fired).to.be.false;
      await expect(modal).to.be.accessible();
    });

    it('refuses an expired card and a bad CVC (4 digits for amex), all errors at once', async () => {
      const { modal } = await setup();
      await opened(modal);
      await fillCard(modal, { number: '3782 822463 10005', expiry: '01/20', cvc: '123' });
      submit(modal);
      const expiry = field(modal, 'Expiration');
      const cvc = field(modal, 'CVC');
      await waitUntil(() => expiry.getAttribute('aria-invalid') === 'true', 'invalid', { timeout: 3000 });
      expect(describedText(expiry)).to.contain('expired');
      expect(describedText(cvc)).to.contain('4-digit');
      expect(field(modal, 'Card number').getAttribute('aria-invalid')).to.equal('false');
      expect(deepActive()).to.equal(expiry);

      fill(cvc, '12');
      fill(field(modal, 'Card number'), '4242424242424242');
      fill(expiry, '13/30');
      submit(modal);
      await waitUntil(() => cvc.getAttribute('aria-invalid') === 'true', 'invalid cvc', { timeout: 3000 });
      expect(describedText(cvc)).to.contain('3-digit');
      expect(describedText(expiry)).to.contain('MM / YY');
    });

    it('decline and 3-D Secure test cards produce their tokens', async () => {
      const { modal } = await setup();
      const cases: Array<[string, string]> = [
        ['4000000000000002', 'pm_card_chargeDeclined'],
        ['4000000000009995', 'pm_card_chargeDeclinedInsufficientFunds'],
        ['4000002760003184', 'pm_card_authenticationRequired'],
      ];
      for (const [number, token] of cases) {
        await opened(modal);
        await fillCard(modal, { number });
        const detail = await collected(modal);
        expect(detail.token).to.equal(token);
        expect(detail.summary.last4).to.equal(number.slice(-4));
      }
    });

    it('"Save for future payments" gives save: true', async () => {
      const { modal } = await setup();
      await opened(modal);
      await fillCard(modal);
      field(modal, 'Save for future payments').click();
      const detail = await collected(modal);
      expect(detail.save).to.be.true;
    });

    it('while collecting, the submit button is disabled and busy', async () => {
      const { modal } = await setup('card', new SandboxCollector({ delayMs: 400 }));
      await opened(modal);
      await fillCard(modal);
      const event = oneEvent(modal, 'method-collected');
      submit(modal);
      await modal.updateComplete;
      const submitButton = modal.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!;
      expect(submitButton.disabled).to.be.true;
      expect(submitButton.getAttribute('aria-busy')).to.equal('true');
      expect(modal.shadowRoot!.querySelector('dialog')!.getAttribute('aria-busy')).to.equal('true');
      await event;
    });

    it('keyboard only: open, type, tick save and submit with the keyboard', async () => {
      const { modal, opener } = await setup();
      opener.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => deepActive() === field(modal, 'Card number'), 'focus in number', { timeout: 5000 });
      await sendKeys({ type: '4242424242424242' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '12/34' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '321' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '10001' });
      await sendKeys({ press: 'Tab' });
      expect(deepActive()).to.equal(field(modal, 'Save for future payments'));
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      expect(deepActive()).to.equal(button(modal, 'Cancel'));
      await sendKeys({ press: 'Tab' });
      expect(deepActive()).to.equal(button(modal, 'Use this card'));
      const event = oneEvent(modal, 'method-collected');
      await sendKeys({ press: 'Enter' });
      const { detail } = await event;
      expect(detail).to.deep.include({ token: 'pm_card_visa', save: true });
      expect(document.activeElement).to.equal(opener);
    });

    it('Enter in a card field submits the form', async () => {
      const { modal } = await setup();
      await opened(modal);
      await fillCard(modal);
      field(modal, 'ZIP').focus();
      const event = oneEvent(modal, 'method-collected');
      await sendKeys({ press: 'Enter' });
      expect((await event).detail.token).to.equal('pm_card_visa');
    });
  });

  describe('bank account', () => {
    it('renders the bank form: title, labelled fields, account type, authorization text and TEST MODE', async () => {
      const { modal } = await setup('ach');
      await opened(modal);
      const dialog = modal.shadowRoot!.querySelector('dialog')!;
      expect(modal.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).to.equal(
        'Enter Bank Info',
      );
      expect(deepActive()).to.equal(field(modal, 'Name on account'));
      expect(field(modal, 'Name on account').autocomplete).to.equal('name');
      expect(field(modal, 'Routing number').inputMode).to.equal('numeric');
      expect(field(modal, 'Account number').autocomplete).to.equal('off');
      expect(field(modal, 'Checking').checked).to.be.true;
      expect(field(modal, 'Savings').checked).to.be.false;
      const mandate = modal.shadowRoot!.querySelector('[part="mandate"]')!.textContent!;
      expect(mandate).to.contain('I authorize Acme Supply to debit the payment total from my account entered above');
      expect(roots(modal)[1]!.textContent).to.contain('TEST MODE');
      expect(button(modal, 'Use this bank account')).to.exist;
      await expect(modal).to.be.accessible();
    });

    it('F21 routing number: letters, length and ABA checksum give inline errors', async () => {
      const { modal } = await setup('ach');
      await opened(modal);
      await fillBank(modal, { routing: '11000A000' });
      const routing = field(modal, 'Routing number');
      submit(modal);
      await waitUntil(() => routing.getAttribute('aria-invalid') === 'true', 'invalid', { timeout: 3000 });
      expect(describedText(routing)).to.contain('only digits');
      expect(deepActive()).to.equal(routing);

      fill(routing, '11000000');
      submit(modal);
      await waitUntil(() => describedText(routing).includes('9 digits'), 'length', { timeout: 3000 });

      fill(routing, '123456789');
      submit(modal);
      await waitUntil(() => describedText(routing).includes('not a valid routing number'), 'checksum', {
        timeout: 3000,
      });
      await waitUntil(() => alertText(modal).includes('not a valid routing number'), 'announced', { timeout: 3000 });
      await expect(modal).to.be.accessible();
    });

    it('F22 account number and confirmation that differ give an inline error', async () => {
      const { modal } = await setup('ach');
      await opened(modal);
      await fillBank(modal, { account: '000123456789', confirm: '000123456780' });
      submit(modal);
      const confirm = field(modal, 'Confirm account number');
      await waitUntil(() => confirm.getAttribute('aria-invalid') === 'true', 'invalid', { timeout: 3000 });
      expect(describedText(confirm)).to.contain('do not match');
      expect(deepActive()).to.equal(confirm);
    });

    it('F23 the authorization must be accepted; the detail carries the accepted text, time and last 4', async () => {
      const { modal } = await setup('ach');
      modal.amount = { amount: 123450, currency: 'USD' };
      await opened(modal);
      let fired = false;
      modal.addEventListener('method-collected', () => (fired = true));
      await fillBank(modal, { accept: false });
      submit(modal);
      const accept = field(modal, 'I authorize');
      await waitUntil(() => accept.getAttribute('aria-invalid') === 'true', 'invalid', { timeout: 3000 });
      expect(describedText(accept)).to.contain('Check the box to authorize the debit');
      expect(deepActive()).to.equal(accept);
      await aTimeout(20);
      expect(fired).to.be.false;
      await expect(modal).to.be.accessible();

      // Once the account is valid, the text names it.
      const mandate = modal.shadowRoot!.querySelector('[part="mandate"]')!;
      expect(mandate.textContent).to.contain('ending 6789');
      expect(mandate.textContent).to.contain('$1,234.50');

      field(modal, 'Savings').click();
      accept.click();
      const before = Date.now();
      const detail = await collected(modal);
      expect(detail.token).to.equal('pm_usBankAccount_success');
      expect(detail.summary).to.deep.equal({
        type: 'ach',
        bankName: 'STRIPE TEST BANK',
        last4: '6789',
        accountType: 'savings',
      });
      const auth = detail.achAuthorization!;
      expect(auth.accountLast4).to.equal('6789');
      expect(auth.text).to.match(/^I authorize Acme Supply to debit \$1,234\.50 from my account ending 6789 on .+\.$/);
      expect(auth.text).not.to.match(/\{(company|amount|account|date)\}/);
      expect(new Date(auth.acceptedAt).toISOString()).to.equal(auth.acceptedAt);
      expect(Date.parse(auth.acceptedAt)).to.be.within(before - 1000, Date.now() + 1000);
      expect(detail.accountHolderName).to.equal('Ada Lovelace');
    });

    it('F36 the bank detail carries no full account or routing number; inputs are empty afterwards', async () => {
      const { modal } = await setup('ach');
      await opened(modal);
      const fields = modal.shadowRoot!.querySelector('pi-sandbox-bank-fields')!;
      await fillBank(modal);
      expect(allAttributes(modal)).not.to.contain('000123456789');
      field(modal, 'Save for future payments').click();
      const detail = await collected(modal);
      expect(detail.save).to.be.true;
      const json = JSON.stringify(detail);
      expect(json).not.to.contain('000123456789');
      expect(json).not.to.contain('110000000');
      for (const input of fields.shadowRoot!.querySelectorAll('input')) expect(input.value).to.equal('');
    });

    it('name on account is required; a non-test account is refused', async () => {
      const { modal } = await setup('ach');
      await opened(modal);
      await fillBank(modal, { name: ' ', routing: '011000015', account: '12345678' });
      submit(modal);
      const name = field(modal, 'Name on account');
      await waitUntil(() => name.getAttribute('aria-invalid') === 'true', 'invalid', { timeout: 3000 });
      expect(describedText(name)).to.contain('Enter the name');
      expect(deepActive()).to.equal(name);
      const routing = field(modal, 'Routing number');
      expect(describedText(routing)).to.contain('Only test bank accounts work in test mode');
    });
  });

  describe('collectors', () => {
    it('shows an unavailable collector with its reason', async () => {
      const unavailable: PaymentCollector = {
        kind: 'stripe',
        testMode: false,
        availability: async () => ({ available: false, reason: 'The card form could not load.' }),
        open: () => Promise.reject(new Error('unused')),
        handleNextAction: async () => ({ completed: false }),
      };
      const { modal } = await setup('card', unavailable);
      await modal.open();
      await waitUntil(() => alertText(modal).includes('The card form could not load.'), 'reason', { timeout: 3000 });
      expect(modal.shadowRoot!.querySelector('button[type="submit"]')).to.equal(null);
      expect(deepActive()).to.equal(button(modal, 'Close'));
      await expect(modal).to.be.accessible();
    });

    it('a form-level CollectorError is shown at the top and announced', async () => {
      const element = document.createElement('div');
      const input = document.createElement('input');
      input.setAttribute('aria-label', 'Card');
      element.append(input);
      const failing: PaymentCollector = {
        kind: 'stripe',
        testMode: false,
        availability: async () => ({ available: true }),
        open: async () => ({
          element,
          collect: () => Promise.reject(new CollectorError('The card processor is not responding.', 'api_error')),
          focus: () => input.focus(),
          destroy: () => element.remove(),
        }),
        handleNextAction: async () => ({ completed: false }),
      };
      const { modal } = await setup('card', failing);
      await opened(modal);
      submit(modal);
      await waitUntil(() => modal.shadowRoot!.querySelector('[part="form-error"]'), 'error', { timeout: 3000 });
      expect(alertText(modal)).to.contain('The card processor is not responding.');
      // Announced: the message sits inside the modal's role="alert" region.
      expect(modal.shadowRoot!.querySelector('[part="form-error"]')?.closest('[role="alert"]')).to.exist;
      expect(document.activeElement === input || deepActive() === input).to.be.true;
      await expect(modal).to.be.accessible();
    });
  });
});
