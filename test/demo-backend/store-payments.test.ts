import { expect } from '@open-wc/testing';
import { Payment, SavedPaymentMethod } from '../../src/core/schemas.js';
import type { PaymentRequest } from '../../src/core/schemas.js';
import {
  achRequest,
  BANK,
  cardRequest,
  expectedTotal,
  httpError,
  makeStore,
  newKey,
  savedRequest,
  VISA,
} from './helpers.js';

describe('demo store: payments', () => {
  describe('idempotency', () => {
    it('the same key and body returns the same payment and records one receipt', () => {
      const store = makeStore();
      const key = newKey();
      const req = cardRequest();
      const first = store.createPayment(req, key);
      const again = store.createPayment(structuredClone(req), key);
      expect(again.id).to.equal(first.id);
      expect(again).to.deep.equal(first);
      expect(store.listBatches()[0]!.receipts).to.have.length(1);
      expect(store.listPayments('C-1001')).to.have.length(1);
      expect(store.getInvoice('C-1001', 'INV-10421').pending).to.equal(73490);
      expect(store.findByKey(key)?.id).to.equal(first.id);
      expect(store.findByKey('never-used')).to.equal(null);
      expect(first.idempotencyKey).to.equal(key);
    });

    it('the same key with a different body is 422 idempotency_mismatch', () => {
      const store = makeStore();
      const key = newKey();
      store.createPayment(cardRequest(), key);
      const other = cardRequest('pm_card_visa', { memo: 'different' });
      expect(httpError(() => store.createPayment(other, key))).to.include({ status: 422, code: 'idempotency_mismatch' });
    });

    it('a declined payment is replayed, not charged again', () => {
      const store = makeStore();
      const key = newKey();
      const a = store.createPayment(cardRequest('pm_card_chargeDeclined'), key);
      const b = store.createPayment(cardRequest('pm_card_chargeDeclined'), key);
      expect(b.id).to.equal(a.id);
      expect(store.listPayments('C-1001')).to.have.length(1);
    });

    it('requires a key', () => {
      expect(httpError(() => makeStore().createPayment(cardRequest(), ''))).to.include({
        status: 400,
        code: 'idempotency_key_required',
      });
    });
  });

  describe('contract errors', () => {
    it('409 amount_changed when the expected total differs', () => {
      const store = makeStore();
      const req = cardRequest('pm_card_visa', { expectedTotal: 73490 }); // forgot the card fee
      const e = httpError(() => store.createPayment(req, newKey()));
      expect(e).to.include({ status: 409, code: 'amount_changed', field: 'expectedTotal' });
      expect(e.message).to.contain('$756.95');
    });

    it('409 invoice_changed above the balance less pending, and for a paid invoice', () => {
      const store = makeStore();
      store.createPayment(cardRequest('pm_card_visa', { allocations: [{ invoiceId: 'INV-10455', amount: 40000 }] }), newKey());
      const over = cardRequest('pm_card_visa', { allocations: [{ invoiceId: 'INV-10455', amount: 30000 }] });
      expect(httpError(() => store.createPayment(over, newKey()))).to.include({ status: 409, code: 'invoice_changed' });
      const ok = cardRequest('pm_card_visa', { allocations: [{ invoiceId: 'INV-10455', amount: 29450 }] });
      expect(store.createPayment(ok, newKey()).status).to.equal('succeeded');
      const paid = cardRequest('pm_card_visa', { allocations: [{ invoiceId: 'INV-10390', amount: 100 }] });
      expect(httpError(() => store.createPayment(paid, newKey()))).to.include({ status: 409, code: 'invoice_changed' });
      const full = cardRequest('pm_card_visa', { allocations: [{ invoiceId: 'INV-10455', amount: 1 }] });
      expect(httpError(() => store.createPayment(full, newKey()))).to.include({ status: 409, code: 'invoice_changed' });
    });

    it('422 no_method_amount when credits cover everything', () => {
      const req = cardRequest('pm_card_visa', {
        allocations: [{ invoiceId: 'INV-10421', amount: 15000 }],
        credits: [{ creditId: 'CM-2001', amount: 15000 }],
        expectedTotal: 0,
      });
      expect(httpError(() => makeStore().createPayment(req, newKey()))).to.include({ status: 422, code: 'no_method_amount' });
    });

    it('422 method_not_allowed for ACH on a card-only account', () => {
      const store = makeStore();
      const gx = store.listInvoices('C-1002', {}).items[0]!;
      const req = achRequest('pm_usBankAccount_success', {
        accountId: 'C-1002',
        allocations: [{ invoiceId: gx.id, amount: gx.balance }],
      });
      expect(httpError(() => store.createPayment(req, newKey()))).to.include({ status: 422, code: 'method_not_allowed' });
    });

    it('422 ach_authorization_required without the authorization, and a mismatch is refused', () => {
      const store = makeStore();
      const req = achRequest('pm_usBankAccount_success', { achAuthorization: false });
      expect(httpError(() => store.createPayment(req, newKey()))).to.include({
        status: 422,
        code: 'ach_authorization_required',
        field: 'achAuthorization',
      });
      const wrong = achRequest();
      wrong.achAuthorization!.accountLast4 = '0000';
      expect(httpError(() => store.createPayment(wrong, newKey()))).to.include({ status: 422, code: 'ach_authorization_mismatch' });
    });

    it('422 invalid_request with the field for a body that fails the PaymentRequest schema', () => {
      const store = makeStore();
      const bad = { ...cardRequest(), allocations: [] } as PaymentRequest;
      expect(httpError(() => store.createPayment(bad, newKey()))).to.include({ status: 422, code: 'invalid_request', field: 'allocations' });
      const neg = cardRequest('pm_card_visa', { allocations: [{ invoiceId: 'INV-10421', amount: -5 }] });
      expect(httpError(() => store.createPayment(neg, newKey()))).to.include({ status: 422, field: 'allocations.0.amount' });
      expect(httpError(() => store.createPayment('nonsense', newKey()))).to.include({ status: 422, code: 'invalid_request' });
      const unknown = cardRequest('pm_card_visa', { allocations: [{ invoiceId: 'NOPE', amount: 5 }] });
      expect(httpError(() => store.createPayment(unknown, newKey()))).to.include({ status: 422, code: 'invoice_not_found' });
      const dup = cardRequest('pm_card_visa', {
        allocations: [
          { invoiceId: 'INV-10421', amount: 5 },
          { invoiceId: 'INV-10421', amount: 5 },
        ],
      });
      expect(httpError(() => store.createPayment(dup, newKey()))).to.include({ status: 422, code: 'duplicate_allocation' });
      const wrongCurrency = { ...cardRequest(), currency: 'EUR' };
      expect(httpError(() => store.createPayment(wrongCurrency, newKey()))).to.include({ status: 422, code: 'currency_mismatch' });
    });

    it('422 memo_too_long beyond the memo limit (in user-visible characters)', () => {
      const store = makeStore();
      expect(store.createPayment(cardRequest('pm_card_visa', { memo: '👍🏽'.repeat(500) }), newKey()).status).to.equal('succeeded');
      const long = cardRequest('pm_card_visa', {
        memo: 'x'.repeat(501),
        allocations: [{ invoiceId: 'INV-10455', amount: 100 }],
      });
      expect(httpError(() => store.createPayment(long, newKey()))).to.include({ status: 422, code: 'memo_too_long', field: 'memo' });
    });

    it('contacts see and pay only their own account (403)', () => {
      const store = makeStore();
      const contact = store.getViewer('contact');
      expect(store.listInvoices('C-1001', {}, contact).total).to.be.greaterThan(0);
      expect(httpError(() => store.listInvoices('C-1002', {}, contact))).to.include({ status: 403 });
      expect(httpError(() => store.getSettings('C-1003', contact))).to.include({ status: 403 });
      expect(httpError(() => store.searchAccounts('', contact))).to.include({ status: 403 });
      const gx = store.listInvoices('C-1002', {}).items[0]!;
      const req = cardRequest('pm_card_visa', { accountId: 'C-1002', allocations: [{ invoiceId: gx.id, amount: 100 }] });
      expect(httpError(() => store.createPayment(req, newKey(), contact))).to.include({ status: 403 });
      const own = store.createPayment(cardRequest(), newKey(), contact);
      expect(own.paidBy).to.deep.equal({ kind: 'contact', name: 'Pat Buyer' });
      const other = store.createPayment(req, newKey());
      expect(httpError(() => store.getPayment(other.id, contact))).to.include({ status: 403 });
      expect(store.findByKey(other.idempotencyKey, contact)).to.equal(null);
    });

    it('404 for unknown accounts, invoices and payments; 401 for an unknown viewer', () => {
      const store = makeStore();
      expect(httpError(() => store.getAccount('C-9999'))).to.include({ status: 404 });
      expect(httpError(() => store.getInvoice('C-1001', 'X'))).to.include({ status: 404 });
      expect(httpError(() => store.getPayment('PAY-999999'))).to.include({ status: 404 });
      expect(httpError(() => store.getViewer('anonymous'))).to.include({ status: 401 });
    });

    it('403 online_payments_disabled when the feature is switched off', () => {
      const store = makeStore();
      store.setSettings(null, { onlinePaymentsEnabled: false });
      expect(store.getSettings('C-1001').onlinePaymentsEnabled).to.equal(false);
      expect(httpError(() => store.createPayment(cardRequest(), newKey()))).to.include({ status: 403, code: 'online_payments_disabled' });
      store.setSettings(null, { onlinePaymentsEnabled: true });
      expect(store.createPayment(cardRequest(), newKey()).status).to.equal('succeeded');
    });

    it('settings overrides: per account, validated, surcharge recomputed', () => {
      const store = makeStore();
      store.setSettings('C-1001', { surcharge: { card: null, ach: null }, partialPaymentsAllowed: false });
      expect(store.getSettings('C-1001').surcharge.card).to.equal(null);
      expect(store.getSettings('C-1002').surcharge.card).to.not.equal(null);
      const req = cardRequest('pm_card_visa', { expectedTotal: 73490 });
      expect(store.createPayment(req, newKey()).surcharge).to.equal(0);
      const partial = cardRequest('pm_card_visa', { allocations: [{ invoiceId: 'INV-10455', amount: 100 }], expectedTotal: 100 });
      expect(httpError(() => store.createPayment(partial, newKey()))).to.include({ status: 422, code: 'partial_payment_not_allowed' });
      expect(httpError(() => store.setSettings(null, { memoMaxLength: -1 }))).to.include({ status: 422, code: 'invalid_settings' });
    });

    it('a saved expired card cannot pay or become the default (422)', () => {
      const store = makeStore();
      const mc = store.listPaymentMethods('C-1001').find((m) => !m.isDefault)!;
      expect(httpError(() => store.setDefaultPaymentMethod('C-1001', mc.id))).to.include({ status: 422, code: 'expired_card' });
      expect(httpError(() => store.createPayment(savedRequest(mc.id, 'card'), newKey()))).to.include({
        status: 422,
        code: 'expired_card',
      });
    });
  });

  describe('sandbox processor', () => {
    it('a success card succeeds with a receipt (saved default Visa too)', () => {
      const store = makeStore();
      const visa = store.listPaymentMethods('C-1001').find((m) => m.isDefault)!;
      const p = store.createPayment(savedRequest(visa.id, 'card'), newKey());
      expect(Payment.safeParse(p).success).to.equal(true);
      expect(p.status).to.equal('succeeded');
      expect(p.methodSummary).to.deep.equal(visa.summary);
      expect(p.cashReceipt?.amount).to.equal(p.total);
      for (const token of ['pm_card_mastercard', 'pm_card_amex', 'pm_card_discover']) {
        const q = store.createPayment(cardRequest(token, { allocations: [{ invoiceId: 'INV-10455', amount: 100 }] }), newKey());
        expect(q.status, token).to.equal('succeeded');
      }
    });

    const declines: [string, string][] = [
      ['pm_card_chargeDeclined', 'card_declined'],
      ['pm_card_chargeDeclinedInsufficientFunds', 'insufficient_funds'],
      ['pm_card_chargeDeclinedLostCard', 'lost_card'],
      ['pm_card_chargeDeclinedStolenCard', 'stolen_card'],
      ['pm_card_chargeDeclinedExpiredCard', 'expired_card'],
      ['pm_card_chargeDeclinedIncorrectCvc', 'incorrect_cvc'],
      ['pm_card_chargeDeclinedProcessingError', 'processing_error'],
    ];
    for (const [token, code] of declines) {
      it(`${token} fails with ${code}, no receipt, nothing pending`, () => {
        const store = makeStore();
        const p = store.createPayment(cardRequest(token, {}, true), newKey());
        expect(Payment.safeParse(p).success).to.equal(true);
        expect(p.status).to.equal('failed');
        expect(p.failureCode).to.equal(code);
        expect(p.failureMessage).to.be.a('string').and.not.equal('');
        expect(p.cashReceipt).to.equal(undefined);
        expect(store.listBatches()).to.deep.equal([]);
        expect(store.getInvoice('C-1001', 'INV-10421').pending).to.equal(0);
        expect(store.listPaymentMethods('C-1001')).to.have.length(2); // not saved
      });
    }

    for (const token of ['pm_card_authenticationRequired', 'pm_card_threeDSecure2Required']) {
      it(`${token}: requires_action, then completed → succeeded with a receipt`, () => {
        const store = makeStore();
        const p = store.createPayment(cardRequest(token, {}, true), newKey());
        expect(p.status).to.equal('requires_action');
        expect(p.clientSecret).to.match(/^pi_\w+_secret_\w+$/);
        expect(p.cashReceipt).to.equal(undefined);
        expect(store.getInvoice('C-1001', 'INV-10421').pending).to.equal(0);
        const done = store.confirmPayment(p.id, { actionCompleted: true });
        expect(done.status).to.equal('succeeded');
        expect(done.clientSecret).to.equal(undefined);
        expect(done.cashReceipt?.status).to.equal('pending_import');
        expect(store.getInvoice('C-1001', 'INV-10421').pending).to.equal(73490);
        expect(store.listPaymentMethods('C-1001')).to.have.length(3); // saved after authentication
        expect(store.confirmPayment(p.id, { actionCompleted: false }).status).to.equal('succeeded');
      });
    }

    it('3-D Secure not completed → canceled, nothing recorded', () => {
      const store = makeStore();
      const p = store.createPayment(cardRequest('pm_card_threeDSecure2Required'), newKey());
      const c = store.confirmPayment(p.id, { actionCompleted: false });
      expect(c.status).to.equal('canceled');
      expect(c.cashReceipt).to.equal(undefined);
      expect(store.listBatches()).to.deep.equal([]);
      expect(store.getInvoice('C-1001', 'INV-10421').pending).to.equal(0);
      expect(httpError(() => store.confirmPayment(p.id, {}))).to.include({ status: 422 });
    });

    it('an ACH token saved with the payment becomes a verified saved method', () => {
      const store = makeStore();
      const p = store.createPayment(achRequest('pm_usBankAccount_success', {}, true), newKey());
      expect(p.status).to.equal('processing');
      const bank = store.listPaymentMethods('C-1001').find((m) => m.summary.type === 'ach');
      expect(bank).to.include({ verification: 'verified', isDefault: false });
    });

    it('micro-deposits: saved pending, refused until verified with SM11AA, then processing', () => {
      const store = makeStore();
      const e = httpError(() => store.createPayment(achRequest('pm_usBankAccount_microdeposits', {}, true), newKey()));
      expect(e).to.include({ status: 422, code: 'verification_required' });
      const bank = store.listPaymentMethods('C-1001').find((m) => m.summary.type === 'ach')!;
      expect(SavedPaymentMethod.safeParse(bank).success).to.equal(true);
      expect(bank.verification).to.equal('pending_microdeposits');
      // Retrying does not save it twice.
      httpError(() => store.createPayment(achRequest('pm_usBankAccount_microdeposits', {}, true), newKey()));
      expect(store.listPaymentMethods('C-1001').filter((m) => m.summary.type === 'ach')).to.have.length(1);

      const req = savedRequest(bank.id, 'ach', {}, BANK.last4);
      expect(httpError(() => store.createPayment(req, newKey()))).to.include({ status: 422, code: 'verification_required' });
      expect(httpError(() => store.verifyPaymentMethod('C-1001', bank.id, 'AB12CD'))).to.include({ status: 422, code: 'wrong_code' });
      const verified = store.verifyPaymentMethod('C-1001', bank.id, 'SM11AA');
      expect(verified.verification).to.equal('verified');
      expect(store.createPayment(req, newKey()).status).to.equal('processing');
    });

    it('micro-deposits: the amounts 32 and 45 verify too', () => {
      const store = makeStore();
      const bank = store.addPaymentMethod('C-1001', { token: 'pm_usBankAccount_microdeposits', summary: BANK, makeDefault: false });
      expect(httpError(() => store.verifyPaymentMethod('C-1001', bank.id, '0.32, 0.46'))).to.include({ code: 'wrong_code' });
      expect(store.verifyPaymentMethod('C-1001', bank.id, '0.45, 0.32').verification).to.equal('verified');
      expect(store.verifyPaymentMethod('C-1001', bank.id, 'anything').verification).to.equal('verified');
    });

    it('micro-deposits: three wrong codes mark the account failed', () => {
      const store = makeStore();
      const bank = store.addPaymentMethod('C-1001', { token: 'pm_usBankAccount_microdeposits', summary: BANK, makeDefault: false });
      expect(bank.verification).to.equal('pending_microdeposits');
      expect(httpError(() => store.verifyPaymentMethod('C-1001', bank.id, 'X1'))).to.include({ code: 'wrong_code' });
      expect(httpError(() => store.verifyPaymentMethod('C-1001', bank.id, 'X2'))).to.include({ code: 'wrong_code' });
      expect(httpError(() => store.verifyPaymentMethod('C-1001', bank.id, 'X3'))).to.include({ code: 'verification_failed' });
      expect(store.listPaymentMethods('C-1001').find((m) => m.id === bank.id)!.verification).to.equal('failed');
      expect(httpError(() => store.verifyPaymentMethod('C-1001', bank.id, 'SM11AA'))).to.include({ code: 'verification_failed' });
      const req = savedRequest(bank.id, 'ach', {}, BANK.last4);
      expect(httpError(() => store.createPayment(req, newKey()))).to.include({ status: 422, code: 'verification_failed' });
    });

    it('a card token with a bank summary, or an unknown token, is refused', () => {
      const store = makeStore();
      const mismatch = achRequest('pm_card_visa');
      expect(httpError(() => store.createPayment(mismatch, newKey()))).to.include({ status: 422, code: 'method_type_mismatch' });
      expect(httpError(() => store.createPayment(cardRequest('4242424242424242'), newKey()))).to.include({
        status: 422,
        code: 'invalid_token',
      });
    });
  });

  describe('saved payment methods', () => {
    it('adds, makes default, removes', () => {
      const store = makeStore();
      const amex = store.addPaymentMethod('C-1001', {
        token: 'pm_card_amex',
        summary: { type: 'card', brand: 'amex', last4: '8431', expMonth: 1, expYear: 2031 },
        makeDefault: true,
      });
      expect(amex).to.include({ isDefault: true, verification: 'verified' });
      let list = store.listPaymentMethods('C-1001');
      expect(list.filter((m) => m.isDefault).map((m) => m.id)).to.deep.equal([amex.id]);
      const visa = list.find((m) => m.summary.last4 === '4242')!;
      list = store.setDefaultPaymentMethod('C-1001', visa.id);
      expect(list.find((m) => m.isDefault)!.id).to.equal(visa.id);
      store.removePaymentMethod('C-1001', visa.id);
      list = store.listPaymentMethods('C-1001');
      expect(list.map((m) => m.id)).to.not.include(visa.id);
      expect(list.find((m) => m.isDefault)!.id).to.equal(amex.id); // the usable one is promoted
      expect(httpError(() => store.removePaymentMethod('C-1001', visa.id))).to.include({ status: 404 });
    });

    it('refuses an expired card, a method the account does not allow, and a bad body', () => {
      const store = makeStore();
      const expired = { token: 'pm_card_visa', summary: { ...VISA, expYear: 2025 }, makeDefault: false };
      expect(httpError(() => store.addPaymentMethod('C-1001', expired))).to.include({ status: 422, code: 'expired_card' });
      const bank = { token: 'pm_usBankAccount_success', summary: BANK, makeDefault: false };
      expect(httpError(() => store.addPaymentMethod('C-1002', bank))).to.include({ status: 422, code: 'method_not_allowed' });
      expect(httpError(() => store.addPaymentMethod('C-1001', { token: 'x' }))).to.include({ status: 422, code: 'invalid_request' });
    });

    it('the first method of an account becomes its default', () => {
      const store = makeStore();
      const m = store.addPaymentMethod('C-1002', { token: 'pm_card_visa', summary: VISA, makeDefault: false });
      expect(m.isDefault).to.equal(true);
      const gx = store.listInvoices('C-1002', {}).items[0]!;
      const allocations = [{ invoiceId: gx.id, amount: gx.balance }];
      const p = store.createPayment(savedRequest(m.id, 'card', { accountId: 'C-1002', allocations }), newKey());
      expect(p.total).to.equal(expectedTotal('card', allocations));
    });
  });

  it('lists an account’s payments newest first', () => {
    const store = makeStore();
    const a = store.createPayment(cardRequest('pm_card_visa', { allocations: [{ invoiceId: 'INV-10455', amount: 100 }] }), newKey());
    const b = store.createPayment(cardRequest('pm_card_chargeDeclined'), newKey());
    expect(store.listPayments('C-1001').map((p) => p.id)).to.deep.equal([b.id, a.id]);
    expect(store.listPayments('C-1002')).to.deep.equal([]);
  });
});
