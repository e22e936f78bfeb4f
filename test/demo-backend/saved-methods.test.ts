import { expect } from '@open-wc/testing';
import type { MethodSummary } from '../../src/core/schemas.js';
import { achRequest, BANK, httpError, makeStore, newKey } from './helpers.js';

const PENDING_BANK: MethodSummary = { type: 'ach', bankName: 'STRIPE TEST BANK', last4: '4321', accountType: 'checking' };
const AMEX: MethodSummary = { type: 'card', brand: 'amex', last4: '8431', expMonth: 1, expYear: 2031 };

describe('demo store: saved-method rules', () => {
  it('removing the default makes the next valid method the default (not an expired card, not an unverified account)', () => {
    const store = makeStore();
    const pending = store.addPaymentMethod('C-1001', { token: 'pm_usBankAccount_microdeposits', summary: PENDING_BANK, makeDefault: false });
    const bank = store.addPaymentMethod('C-1001', { token: 'pm_usBankAccount_success', summary: BANK, makeDefault: false });
    const visa = store.listPaymentMethods('C-1001').find((m) => m.isDefault)!;
    expect(visa.summary.last4).to.equal('4242');

    store.removePaymentMethod('C-1001', visa.id);
    const list = store.listPaymentMethods('C-1001');
    // The seed's expired Mastercard and the pending account come first in the list, yet are skipped.
    expect(list.map((m) => [m.summary.last4, m.isDefault])).to.deep.equal([
      ['4444', false],
      [PENDING_BANK.last4, false],
      [BANK.last4, true],
    ]);
    expect(list.find((m) => m.id === pending.id)?.verification).to.equal('pending_microdeposits');
    expect(list.find((m) => m.id === bank.id)?.isDefault).to.equal(true);

    // With nothing valid left there is no default at all.
    store.removePaymentMethod('C-1001', bank.id);
    expect(store.listPaymentMethods('C-1001').filter((m) => m.isDefault)).to.deep.equal([]);
  });

  it('an expired card or an unverified bank account cannot be made the default (422); a failed one neither', () => {
    const store = makeStore();
    const expired = store.listPaymentMethods('C-1001').find((m) => m.summary.last4 === '4444')!;
    expect(httpError(() => store.setDefaultPaymentMethod('C-1001', expired.id))).to.include({ status: 422, code: 'expired_card' });
    const pending = store.addPaymentMethod('C-1001', { token: 'pm_usBankAccount_microdeposits', summary: PENDING_BANK, makeDefault: true });
    expect(pending.isDefault, 'asked to be the default, but unverified').to.equal(false);
    expect(httpError(() => store.setDefaultPaymentMethod('C-1001', pending.id))).to.include({
      status: 422,
      code: 'verification_required',
    });
    expect(store.listPaymentMethods('C-1001').find((m) => m.isDefault)?.summary.last4).to.equal('4242');
    for (const code of ['X1', 'X2', 'X3']) httpError(() => store.verifyPaymentMethod('C-1001', pending.id, code));
    expect(httpError(() => store.setDefaultPaymentMethod('C-1001', pending.id))).to.include({ code: 'verification_failed' });
  });

  it('an account with no usable default gets the bank account once it is verified (pasted code, trimmed, any case)', () => {
    const store = makeStore();
    for (const m of store.listPaymentMethods('C-1001')) store.removePaymentMethod('C-1001', m.id);
    const pending = store.addPaymentMethod('C-1001', { token: 'pm_usBankAccount_microdeposits', summary: PENDING_BANK, makeDefault: false });
    expect(pending.isDefault).to.equal(false);
    const verified = store.verifyPaymentMethod('C-1001', pending.id, '  sm11aa\n');
    expect(verified).to.include({ verification: 'verified', isDefault: true });
    // A later method does not take over the default.
    const amex = store.addPaymentMethod('C-1001', { token: 'pm_card_amex', summary: AMEX, makeDefault: false });
    expect(amex.isDefault).to.equal(false);
  });

  it('"Save for future payments" on a micro-deposit account saves it pending (not default), and pays once verified', () => {
    const store = makeStore();
    const save = achRequest('pm_usBankAccount_microdeposits', {}, true);
    save.method = { kind: 'token', token: 'pm_usBankAccount_microdeposits', summary: PENDING_BANK, save: true };
    save.achAuthorization = { ...save.achAuthorization!, accountLast4: PENDING_BANK.last4 };
    expect(httpError(() => store.createPayment(save, newKey()))).to.include({ status: 422, code: 'verification_required' });
    const saved = store.listPaymentMethods('C-1001').find((m) => m.summary.type === 'ach')!;
    expect(saved).to.include({ verification: 'pending_microdeposits', isDefault: false });
    expect(store.listPayments('C-1001'), 'nothing was charged').to.deep.equal([]);
    expect(store.verifyPaymentMethod('C-1001', saved.id, 'SM11AA').verification).to.equal('verified');
  });
});
