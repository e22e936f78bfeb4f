/**
 * Collectors whose code loads on first use (src/collectors/lazy.ts): what the elements use by
 * default, so the first load of the script-tag bundle carries no card or bank entry code.
 */
import { expect, fixture, html } from '@open-wc/testing';
import {
  deferCollector,
  deferredSandboxCollector,
  deferredStripeCollector,
  isDevelopmentHost,
  warnOutsideDevelopment,
} from '../../src/collectors/lazy.js';
import { CollectorError, type PaymentCollector } from '../../src/collectors/types.js';
import { SandboxCollector } from '../../src/collectors/sandbox-collector.js';
import type { PayInvoices } from '../../src/elements/pay-invoices/pay-invoices.js';
import '../../src/define/pay-invoices.js';
import { chunkFetchError } from '../embedding/held-loader.js';
import { ACME, closeDialog, demoBackend, dialogAlert, modalOf, openEntry, root, waitLoaded } from '../faults/helpers.js';

/** A loader that fails `failures` times (as a blocked or offline chunk fetch does), then works. */
function flakyLoader(failures: number): { load: () => Promise<PaymentCollector>; calls: () => number } {
  let calls = 0;
  return {
    calls: () => calls,
    load: async () => {
      calls += 1;
      if (calls <= failures) throw chunkFetchError();
      return new SandboxCollector({ delayMs: 0 });
    },
  };
}

const host = (): HTMLElement => document.createElement('div');

describe('deferred collectors', () => {
  it('the Stripe one checks the key at once and knows its mode before loading anything', () => {
    expect(() => deferredStripeCollector({ publishableKey: 'sk_live_123' })).to.throw(TypeError, /secret key/);
    expect(() => deferredStripeCollector({ publishableKey: 'rk_test_123' })).to.throw(TypeError, /secret key/);
    expect(() => deferredStripeCollector({ publishableKey: '  ' })).to.throw(TypeError, /required/);
    let loads = 0;
    const loadStripe = async () => {
      loads += 1;
      return null;
    };
    const test = deferredStripeCollector({ publishableKey: ' pk_test_abc ', loadStripe });
    const live = deferredStripeCollector({ publishableKey: 'pk_live_abc', loadStripe });
    expect([test.kind, test.testMode, live.kind, live.testMode]).to.deep.equal(['stripe', true, 'stripe', false]);
    expect(loads, 'Stripe.js loaded before any use').to.equal(0);
  });

  it('the sandbox registers its fields on first use and then opens its TEST MODE fields', async () => {
    expect(customElements.get('pi-sandbox-bank-fields'), 'fields registered up front').to.equal(undefined);
    const collector = deferredSandboxCollector({ delayMs: 0 });
    expect([collector.kind, collector.testMode]).to.deep.equal(['sandbox', true]);
    expect(customElements.get('pi-sandbox-bank-fields'), 'fields registered by creating the collector').to.equal(undefined);
    expect(await collector.availability('card')).to.deep.equal({ available: true });
    const session = await collector.open({ type: 'ach', locale: 'en', host: host() });
    expect(session.element.localName).to.equal('pi-sandbox-bank-fields');
    expect(customElements.get('pi-sandbox-bank-fields'), 'fields registered on use').to.not.equal(undefined);
    session.destroy();
    expect(await collector.load()).to.be.instanceOf(SandboxCollector);
  });

  it('TEST MODE entry warns in the console once, and only outside local development (a missing Stripe key)', () => {
    for (const host of ['', 'localhost', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]', 'LOCALHOST']) {
      expect(isDevelopmentHost(host), host).to.equal(true);
    }
    for (const host of ['portal.example.com', 'localhost.example.com', '10.0.0.5', '128.0.0.1', 'mylocalhost']) {
      expect(isDevelopmentHost(host), host).to.equal(false);
    }
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      warnOutsideDevelopment('localhost');
      warnOutsideDevelopment(location.hostname); // this test page: local development
      expect(warnings, 'on a development host').to.deep.equal([]);
      warnOutsideDevelopment('portal.example.com');
      warnOutsideDevelopment('portal.example.com');
      expect(warnings).to.have.length(1);
      expect(String(warnings[0][0])).to.match(/TEST MODE \(no Stripe key\)\. Set the stripe-key attribute/);
    } finally {
      console.warn = original;
    }
  });

  it('code that cannot be fetched: unavailable with a reason, entry fails clearly, 3-D Secure not completed; the next call retries', async () => {
    const flaky = flakyLoader(3);
    const collector = deferCollector('sandbox', true, flaky.load);
    const availability = await collector.availability('card');
    expect(availability).to.deep.equal({
      available: false,
      reason: 'The payment form could not be loaded. Check your connection, then try again.',
    });
    const opening = await collector.open({ type: 'card', locale: 'fr', host: host() }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(opening).to.be.instanceOf(CollectorError);
    expect((opening as CollectorError).code).to.equal('processor_unavailable');
    expect((opening as CollectorError).message).to.match(/formulaire de paiement|payment form/);
    expect(await collector.handleNextAction('pi_secret', { host: host(), locale: 'en' })).to.deep.equal({ completed: false });
    expect(flaky.calls()).to.equal(3);
    // The fetch works again: the same collector recovers without a reload, and loads only once more.
    expect(await collector.availability('card')).to.deep.equal({ available: true });
    expect(await collector.availability('ach')).to.deep.equal({ available: true });
    expect(flaky.calls()).to.equal(4);
  });

  it('through <pay-invoices>: entry code that fails to load is announced in the dialog; opening again works', async function () {
    this.timeout(20000);
    const { backend } = demoBackend();
    const flaky = flakyLoader(1);
    const el = await fixture<PayInvoices>(
      html`<pay-invoices account=${ACME} .backend=${backend} .collector=${deferCollector('sandbox', true, flaky.load)}
        .selectedInvoiceIds=${['INV-10421']}></pay-invoices>`,
    );
    await waitLoaded(el);
    await openEntry(el, 'card');
    expect(dialogAlert(el)).to.contain('The payment form could not be loaded. Check your connection, then try again.');
    expect(root(modalOf(el)).querySelector('input'), 'no fields without the code').to.equal(null);
    await expect(modalOf(el)).to.be.accessible();
    await closeDialog(el);

    await openEntry(el, 'card');
    expect(dialogAlert(el)).to.equal('');
    expect(root(modalOf(el)).querySelector('pi-sandbox-card-fields')).to.not.equal(null);
  });
});
