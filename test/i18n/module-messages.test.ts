import { expect } from '@open-wc/testing';
import { translate } from '../../src/i18n/index.js';
import { deferredStripeCollector } from '../../src/collectors/lazy.js';

// The first load carries only the shared English messages; code that loads on demand (the
// collectors) brings its own, so its strings are never in the first download and never missing.
describe('English messages arrive with the module that uses them', () => {
  it('shared messages are there from the start', () => {
    expect(translate('en', 'common.retry')).to.equal('Try again');
  });

  it('the Stripe collector’s messages arrive with its module', async () => {
    expect(translate('en', 'stripe.region.card')).to.equal('stripe.region.card');
    const collector = deferredStripeCollector({ publishableKey: 'pk_test_module_messages', loadStripe: async () => null });
    const loaded = await collector.load();
    expect(loaded.kind).to.equal('stripe');
    expect(translate('en', 'stripe.region.card')).to.equal('Card details');
  });
});
