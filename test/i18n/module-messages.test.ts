import { expect } from '@open-wc/testing';
import { registerMessages, translate } from '../../src/i18n/index.js';
import { deferredSandboxCollector, deferredStripeCollector } from '../../src/collectors/lazy.js';

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

  it('a host\'s English override made before the code loads stays on top when it arrives', async () => {
    registerMessages('en', { 'sandbox.testMode': 'DEMO MODE' });
    await deferredSandboxCollector().load();
    expect(translate('en', 'sandbox.testMode')).to.equal('DEMO MODE');
    expect(translate('en', 'sandbox.error.closed'), 'the rest of the module\'s English').to.equal('This entry form was closed. Open it again.');
    // and a later override still wins
    registerMessages('en', { 'sandbox.testMode': 'PRACTICE' });
    expect(translate('en', 'sandbox.testMode')).to.equal('PRACTICE');
  });
});
