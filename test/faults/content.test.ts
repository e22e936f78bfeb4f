/**
 * F15 and F31 in `<pay-invoices>`: amounts typed in the payer's locale are read by that locale or
 * refused, never misread; hostile text (invoice data, memos, server error messages) is shown as
 * text and never becomes markup.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { PayInvoices } from '../../src/elements/pay-invoices/pay-invoices.js';
import type { PayInvoicesBackend } from '../../src/backend/types.js';
import '../../src/define/pay-invoices.js';
import { FakeBackend, inv } from '../elements/pay-invoices-fixtures.js';
import { ACME, demoBackend, formMessage, need, root, squash, text, typeInto, waitForReceipt, waitForText, waitLoaded } from './helpers.js';

async function mount(backend: PayInvoicesBackend, account: string, selected: string[], locale = ''): Promise<PayInvoices> {
  const el = await fixture<PayInvoices>(
    html`<pay-invoices account=${account} locale=${locale} .backend=${backend} .selectedInvoiceIds=${selected}></pay-invoices>`,
  );
  await waitLoaded(el);
  return el;
}

/** The amount field of an invoice, found by the invoice number in its name (any UI language). */
function amountField(el: PayInvoices, number: string): HTMLInputElement {
  const found = [...root(el).querySelectorAll<HTMLInputElement>('input[type="text"]')].find((i) =>
    new RegExp(`\\b${number}$`).test(i.getAttribute('aria-label') ?? ''),
  );
  if (!found) throw new Error(`no amount field for ${number}`);
  return found;
}

function submitButton(el: PayInvoices): HTMLButtonElement {
  return root(el).querySelector<HTMLButtonElement>('[part="submit-button"]')!;
}

/** The amount field's state after typing `value`, and the invoices' total (first line of the totals). */
async function typeAmount(el: PayInvoices, number: string, value: string): Promise<{ invalid: boolean; total: string }> {
  const input = amountField(el, number);
  typeInto(input, value);
  await el.updateComplete;
  const total = squash(root(el).querySelector('dl.totals dd')?.textContent);
  return { invalid: input.getAttribute('aria-invalid') === 'true', total };
}

describe('amounts by locale, hostile text', () => {
  afterEach(() => sessionStorage.clear());

  it('F15 de-DE: "1.234,50" is 1234.50; "1,234.50", "12.50" and "1.2345" are refused, not misread', async () => {
    const backend = new FakeBackend();
    const el = await mount(backend, 'A-1', ['inv-1001'], 'de-DE');
    // The field shows the balance the German way.
    expect(amountField(el, 'INV-1001').value).to.equal('1250,00');
    const ok = await typeAmount(el, 'INV-1001', '1.234,50');
    expect(ok.invalid).to.equal(false);
    expect(ok.total).to.match(/^1\.234,50\s\$$/);
    expect(submitButton(el).disabled).to.equal(false);
    for (const misread of ['1,234.50', '12.50', '1.2345', '1.234.5']) {
      const r = await typeAmount(el, 'INV-1001', misread);
      expect(r.invalid, misread).to.equal(true);
      expect(submitButton(el).disabled, misread).to.equal(true);
    }
    // What is sent is what the payer meant.
    typeInto(amountField(el, 'INV-1001'), '1.234,50');
    await el.updateComplete;
    submitButton(el).click();
    await waitForReceipt(el);
    expect(backend.created[0]!.request.allocations).to.deep.equal([{ invoiceId: 'inv-1001', amount: 123450 }]);
  });

  it('F15 en-US: "1,234.50" is 1234.50; the German "1.234,50" is refused', async () => {
    const el = await mount(new FakeBackend(), 'A-1', ['inv-1001'], 'en-US');
    expect(amountField(el, 'INV-1001').value).to.equal('1250.00');
    const ok = await typeAmount(el, 'INV-1001', '1,234.50');
    expect([ok.invalid, ok.total]).to.deep.equal([false, '$1,234.50']);
    for (const misread of ['1.234,50', '1,23', '12,34']) {
      expect((await typeAmount(el, 'INV-1001', misread)).invalid, misread).to.equal(true);
    }
  });

  it('F31 markup in invoice data and in the memo is shown as text, in the form and on the receipt', async () => {
    const hostile = '<img src=x onerror="window.__f31=1"><script>window.__f31=2</script>';
    const backend = new FakeBackend({
      invoices: [inv(1, { number: `INV-<b>1</b>`, description: hostile, poNumber: '<i>PO</i>' })],
    });
    backend.account = { ...backend.account, name: `Acme <script>window.__f31=3</script>` };
    const el = await mount(backend, 'A-1', ['inv-1']);
    typeInto(need<HTMLTextAreaElement>(el, 'Memo'), '<b>x</b>');
    await el.updateComplete;
    expect(text(el)).to.include('INV-<b>1</b>');
    need<HTMLButtonElement>(el, 'Make Payment').click();
    await waitForReceipt(el);
    expect(text(el)).to.include('<b>x</b>');
    expect(text(el)).to.include('INV-<b>1</b>');
    expect(root(el).querySelector('img, script'), 'elements from data').to.equal(null);
    const fromData = [...root(el).querySelectorAll('b, i')].filter((e) => ['1', 'x', 'PO'].includes(squash(e.textContent)));
    expect(fromData, '<b>/<i> from data').to.deep.equal([]);
    expect((window as { __f31?: number }).__f31).to.equal(undefined);
  });

  it('F31 server error messages: markup is never rendered (a generic sentence replaces it); plain text is shown as text', async () => {
    let message = 'Amount <img src=x onerror="window.__f31e=1"> is <b>wrong</b>';
    const { backend } = demoBackend({
      hook: async (request) =>
        request.method === 'POST'
          ? new Response(JSON.stringify({ error: { code: 'invalid_request', message } }), {
              status: 422,
              headers: { 'Content-Type': 'application/json' },
            })
          : 'forward',
    });
    const el = await mount(backend, ACME, ['INV-10421']);
    need<HTMLButtonElement>(el, 'Make Payment').click();
    await waitForText(el, /The payment was not made/);
    expect(squash(formMessage(el)?.textContent)).to.equal(
      'The payment was not made: The request was not accepted. Check the entered values and try again.',
    );
    expect(root(el).querySelector('img, b')).to.equal(null);
    message = 'Invoice INV-10421 & "PO-7781" changed; <3 it';
    need<HTMLButtonElement>(el, 'Make Payment').click();
    await waitForText(el, /PO-7781/);
    expect(squash(formMessage(el)?.textContent)).to.equal('The payment was not made: Invoice INV-10421 & "PO-7781" changed; <3 it');
    expect((window as { __f31e?: number }).__f31e).to.equal(undefined);
  });
});
