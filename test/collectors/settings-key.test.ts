/**
 * Where the Stripe key comes from: `stripe-key` on the element, else `Settings.stripePublishableKey`
 * from the host's backend, else the TEST MODE sandbox. A host that configures the key on its server
 * does not depend on every page remembering the attribute. Chromium runs these with js.stripe.com
 * unresolvable (web-test-runner.config.mjs), so Stripe.js fails to load as when it is blocked: card
 * entry then says so, and which fallback bank entry gets shows which key is in force.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { PayInvoices } from '../../src/elements/pay-invoices/pay-invoices.js';
import { Settings } from '../../src/core/schemas.js';
import '../../src/define/pay-invoices.js';
import { ACME, FakeBackend, makeSettings } from '../elements/pay-invoices-fixtures.js';
import { closeDialog, dialogAlert, modalOf, need, openEntry, root, waitLoaded } from '../faults/helpers.js';

async function mount(settingsKey: string | undefined, attribute = ''): Promise<PayInvoices> {
  const backend = new FakeBackend({ settings: settingsKey ? { stripePublishableKey: settingsKey } : {} });
  const el = await fixture<PayInvoices>(html`<pay-invoices account=${ACME.id} stripe-key=${attribute} .backend=${backend}></pay-invoices>`);
  await waitLoaded(el);
  return el;
}

async function chooseBank(el: PayInvoices): Promise<void> {
  need(el, 'Bank Account').click();
  await el.updateComplete;
  await openEntry(el, 'ach');
}

describe('the Stripe key from the backend\'s settings', () => {
  it('with only Settings.stripePublishableKey (test key): card entry goes to Stripe, bank entry falls back to TEST MODE', async function () {
    this.timeout(40000);
    const el = await mount('pk_test_from_settings');
    await openEntry(el, 'card');
    await waitUntil(() => /unavailable/.test(dialogAlert(el)), 'card entry did not try Stripe', { timeout: 30000 });
    expect(root(modalOf(el)).querySelector('pi-sandbox-card-fields'), 'not the sandbox').to.equal(null);
    await closeDialog(el);
    await chooseBank(el);
    expect(root(modalOf(el)).querySelector('pi-sandbox-bank-fields'), 'the test-key fallback').to.not.equal(null);
  });

  it('stripe-key on the element wins over the settings: a live key there has no TEST MODE fallback', async function () {
    this.timeout(40000);
    const el = await mount('pk_test_from_settings', 'pk_live_from_attribute');
    await chooseBank(el);
    await waitUntil(() => /unavailable/.test(dialogAlert(el)), 'bank entry did not say why', { timeout: 30000 });
    expect(dialogAlert(el)).to.match(/Bank account payments are unavailable/);
    expect(root(modalOf(el)).querySelector('pi-sandbox-bank-fields')).to.equal(null);
  });

  it('no key anywhere: the TEST MODE sandbox', async () => {
    const el = await mount(undefined);
    await openEntry(el, 'card');
    expect(root(modalOf(el)).querySelector('pi-sandbox-card-fields')).to.not.equal(null);
    expect(dialogAlert(el)).to.equal('');
  });

  it('the contract takes only a publishable key there: a secret or restricted key fails the settings', () => {
    const base = makeSettings();
    expect(Settings.safeParse({ ...base, stripePublishableKey: 'pk_live_51Habc' }).success).to.equal(true);
    for (const key of ['sk_live_51Habc', 'rk_test_51Habc', 'pk_other_1', '', 'pk_test_<script>']) {
      const parsed = Settings.safeParse({ ...base, stripePublishableKey: key });
      expect(parsed.success, key).to.equal(false);
      expect(parsed.error?.issues[0]?.path, key).to.deep.equal(['stripePublishableKey']);
    }
  });
});
