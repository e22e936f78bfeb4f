import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SandboxCollector } from '../../src/collectors/sandbox-collector.js';
import { CollectorError, type CollectorSession } from '../../src/collectors/types.js';

function input(session: CollectorSession, label: string): HTMLInputElement {
  const root = session.element.shadowRoot!;
  const found = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === label);
  if (!found?.control) throw new Error(`No field labelled ${label}`);
  return found.control as HTMLInputElement;
}

function type(el: HTMLInputElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function openSession(kind: 'card' | 'ach'): Promise<{ collector: SandboxCollector; session: CollectorSession; host: HTMLElement }> {
  const host = fixtureSync<HTMLDivElement>(html`<div></div>`);
  const collector = new SandboxCollector({ delayMs: 0 });
  const session = await collector.open({ type: kind, locale: 'en', host });
  host.append(session.element);
  await (session.element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return { collector, session, host };
}

async function rejection(p: Promise<unknown>): Promise<CollectorError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(CollectorError);
    return e as CollectorError;
  }
  throw new Error('expected a CollectorError');
}

describe('SandboxCollector', () => {
  it('is a test-mode collector available for card and bank', async () => {
    const collector = new SandboxCollector();
    expect(collector.kind).to.equal('sandbox');
    expect(collector.testMode).to.be.true;
    expect(await collector.availability('card')).to.deep.equal({ available: true });
    expect(await collector.availability('ach')).to.deep.equal({ available: true });
  });

  it('card session: TEST MODE, labelled fields, tokenizes a test card and clears the inputs (F36)', async () => {
    const { session } = await openSession('card');
    expect(session.element.localName).to.equal('pi-sandbox-card-fields');
    expect(session.element.shadowRoot!.textContent).to.contain('TEST MODE');
    await expect(session.element).to.be.accessible();
    type(input(session, 'Card number'), '5555 5555 5555 4444');
    type(input(session, 'Expiration (MM / YY)'), '0450');
    type(input(session, 'CVC'), '123');
    type(input(session, 'ZIP'), '10001');
    const logged: unknown[] = [];
    const original = { log: console.log, warn: console.warn, error: console.error, info: console.info, debug: console.debug };
    for (const k of Object.keys(original) as Array<keyof typeof original>) console[k] = (...a: unknown[]) => logged.push(...a);
    const storageBefore = localStorage.length + sessionStorage.length;
    let result;
    try {
      result = await session.collect();
    } finally {
      Object.assign(console, original);
    }
    expect(result).to.deep.equal({
      token: 'pm_card_mastercard',
      summary: { type: 'card', brand: 'mastercard', last4: '4444', expMonth: 4, expYear: 2050 },
    });
    expect(logged).to.deep.equal([]);
    expect(localStorage.length + sessionStorage.length).to.equal(storageBefore);
    for (const el of session.element.shadowRoot!.querySelectorAll('input')) expect(el.value).to.equal('');
  });

  it('refuses non-test, invalid and expired cards with field errors', async () => {
    const { session } = await openSession('card');
    type(input(session, 'Card number'), '4000 0566 5566 5556');
    type(input(session, 'Expiration (MM / YY)'), '12/39');
    type(input(session, 'CVC'), '123');
    type(input(session, 'ZIP'), '10001');
    let err = await rejection(session.collect());
    expect(err.field).to.equal('number');
    expect(err.message).to.contain('Only test card numbers work in test mode.');
    expect(input(session, 'Card number').value).to.equal('4000 0566 5566 5556'); // kept to fix

    type(input(session, 'Card number'), '4242 4242 4242 4241');
    err = await rejection(session.collect());
    expect(err.code).to.equal('invalid_number');

    type(input(session, 'Card number'), '4242424242424242');
    type(input(session, 'Expiration (MM / YY)'), `01/${String(new Date().getFullYear() - 1).slice(2)}`);
    err = await rejection(session.collect());
    expect(err.field).to.equal('expiry');
    expect(err.code).to.equal('expired_card');
    await expect(session.element).to.be.accessible();
  });

  it('bank session: F21 routing, F22 confirmation, test account only; tokenizes the test account', async () => {
    const { session } = await openSession('ach');
    expect(session.element.shadowRoot!.textContent).to.contain('TEST MODE');
    const routing = input(session, 'Routing number');
    const account = input(session, 'Account number');
    const confirm = input(session, 'Confirm account number');
    type(account, '000123456789');
    type(confirm, '000123456789');
    for (const [value, code] of [
      ['11O000000', 'routing_digits'],
      ['1100000', 'routing_length'],
      ['110000001', 'routing_checksum'],
    ] as const) {
      type(routing, value);
      const err = await rejection(session.collect());
      expect(err.field).to.equal('routing');
      expect(err.code).to.equal(code);
    }
    type(routing, '110000000');
    type(confirm, '000123456788');
    const mismatch = await rejection(session.collect());
    expect([mismatch.field, mismatch.code]).to.deep.equal(['confirm', 'confirm_mismatch']);

    type(account, '000999999999');
    type(confirm, '000999999999');
    const notTest = await rejection(session.collect());
    expect([notTest.field, notTest.code]).to.deep.equal(['account', 'test_mode_live_account']);

    type(account, '000111111113');
    type(confirm, '000111111113');
    const result = await session.collect();
    expect(result.token).to.equal('pm_usBankAccount_accountClosed');
    expect(result.summary).to.deep.equal({ type: 'ach', bankName: 'STRIPE TEST BANK', last4: '1113', accountType: 'checking' });
    expect([routing.value, account.value, confirm.value]).to.deep.equal(['', '', '']);
  });

  it('destroy() forgets what was typed and removes the fields; collect afterwards is refused', async () => {
    const { session } = await openSession('card');
    const number = input(session, 'Card number');
    type(number, '4242424242424242');
    session.destroy();
    expect(number.value).to.equal('');
    expect(session.element.isConnected).to.be.false;
    await rejection(session.collect());
  });

  describe('3-D Secure challenge', () => {
    async function challenge() {
      const host = fixtureSync<HTMLDivElement>(html`<div><button>Pay</button></div>`);
      host.attachShadow({ mode: 'open' }).innerHTML = '<button>Make Payment</button>';
      const pay = host.shadowRoot!.querySelector('button')!;
      pay.focus();
      const collector = new SandboxCollector();
      const result = collector.handleNextAction('pi_123_secret_456', { host, locale: 'en' });
      await waitUntil(() => host.shadowRoot!.querySelector('pi-sandbox-challenge')?.shadowRoot?.querySelector('dialog[open]'), 'dialog', {
        timeout: 3000,
      });
      const el = host.shadowRoot!.querySelector('pi-sandbox-challenge')!;
      const dialog = el.shadowRoot!.querySelector('dialog')!;
      const buttons = [...dialog.querySelectorAll('button')];
      return { host, pay, result, el, dialog, buttons };
    }

    it('shows a labelled modal challenge; "Complete authentication" resolves completed and returns focus', async () => {
      const { host, pay, result, el, dialog, buttons } = await challenge();
      expect(dialog.matches(':modal')).to.be.true;
      expect(el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).to.equal(
        'Test 3-D Secure challenge',
      );
      expect(dialog.textContent).to.contain('TEST MODE');
      expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal(['Complete authentication', 'Fail authentication']);
      expect(el.shadowRoot!.activeElement).to.equal(buttons[0]);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Enter' });
      expect(await result).to.deep.equal({ completed: true });
      expect(host.shadowRoot!.querySelector('pi-sandbox-challenge')).to.equal(null);
      expect(host.shadowRoot!.activeElement).to.equal(pay);
    });

    it('"Fail authentication" and Escape resolve not completed', async () => {
      const first = await challenge();
      first.buttons[1]!.click();
      expect(await first.result).to.deep.equal({ completed: false });

      const second = await challenge();
      await sendKeys({ press: 'Escape' });
      expect(await second.result).to.deep.equal({ completed: false });
      expect(second.host.shadowRoot!.querySelector('pi-sandbox-challenge')).to.equal(null);
    });
  });
});
