import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/pay-invoices.js';
import '../../src/define/invoice-list.js';
import type { PayInvoices } from '../../src/elements/pay-invoices/pay-invoices.js';
import type { InvoiceList } from '../../src/elements/invoice-list/invoice-list.js';
import { ACME, FakeBackend } from '../elements/pay-invoices-fixtures.js';
import { FakeBackend as ListBackend } from '../elements/invoice-list-fixtures.js';
import { registerMessages } from '../../src/i18n/index.js';

const WAIT = { timeout: 10000 };

function q<T extends Element = HTMLElement>(el: HTMLElement, selector: string): T {
  const found = el.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/** Where the text of `node` is drawn (not the box around it). */
function textBox(node: Element): DOMRect {
  const range = document.createRange();
  range.selectNodeContents(node);
  return range.getBoundingClientRect();
}

async function payForm(locale: string): Promise<PayInvoices> {
  const el = await fixture<PayInvoices>(html`<div style="width: 760px">
    <pay-invoices account=${ACME.id} locale=${locale} .backend=${new FakeBackend()}></pay-invoices>
  </div>`).then((wrap) => wrap.querySelector('pay-invoices') as PayInvoices);
  await waitUntil(() => el.shadowRoot?.querySelector('[part="submit-button"]'), 'the form did not load', WAIT);
  await el.updateComplete;
  return el;
}

describe('right-to-left layout', () => {
  it('locale="ar" sets dir=rtl and falls back to English text', async () => {
    const el = await payForm('ar');
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(el).direction).to.equal('rtl');
    expect(getComputedStyle(q(el, '[part="heading"]')).direction).to.equal('rtl');
    expect(q(el, '[part="heading"]').textContent?.trim()).to.equal('Make Online Payments');
    // The text is English (no Arabic catalog): screen readers must read it as English.
    expect(el.getAttribute('lang')).to.equal('en');
    await expect(el).to.be.accessible();
  });

  it('mirrors the form: heading and Make Payment at the right, amounts at the left', async () => {
    const el = await payForm('ar');
    const head = q(el, '.head').getBoundingClientRect();
    const heading = q(el, '[part="heading"]').getBoundingClientRect();
    expect(Math.abs(head.right - heading.right), 'heading starts at the right edge').to.be.below(2);

    // Make Payment leads its row (inline start): the right end in RTL.
    const row = q(el, '.submit').getBoundingClientRect();
    const submit = q(el, '[part="submit-button"]').getBoundingClientRect();
    expect(Math.abs(row.right - submit.right), 'Make Payment at the inline start (right)').to.be.below(2);
    expect(submit.left).to.be.above(row.left + row.width / 2);

    // Totals: labels at the right, amounts aligned to the inline end (left).
    const dt = q(el, 'dl.totals dt');
    const dd = q(el, 'dl.totals dd');
    expect(getComputedStyle(dd).textAlign).to.equal('end');
    expect(dd.getBoundingClientRect().right).to.be.below(dt.getBoundingClientRect().left + 1);
    expect(Math.abs(textBox(dd).left - dd.getBoundingClientRect().left), 'amount text at the left of its cell').to.be.below(2);

    // Invoice balances line up at the inline end (left) of their cells too.
    const balance = q(el, '[part~="invoice-row"] .num');
    expect(getComputedStyle(balance).textAlign).to.equal('end');
    expect(Math.abs(textBox(balance).left - balance.getBoundingClientRect().left)).to.be.below(2);
  });

  it('the same form in English keeps Make Payment and the heading at the left', async () => {
    const el = await payForm('en');
    expect(el.hasAttribute('dir')).to.equal(false);
    const row = q(el, '.submit').getBoundingClientRect();
    const submit = q(el, '[part="submit-button"]').getBoundingClientRect();
    expect(Math.abs(row.left - submit.left)).to.be.below(2);
    const head = q(el, '.head').getBoundingClientRect();
    expect(Math.abs(head.left - q(el, '[part="heading"]').getBoundingClientRect().left)).to.be.below(2);
  });

  it('<invoice-list locale="ar"> runs its columns right to left with amounts at the inline end', async () => {
    // As wide as a desktop's content column: narrower, the rows stack into cards (narrow-layout.test.ts).
    const box = await fixture<HTMLElement>(html`<div style="width: 1100px"><invoice-list locale="ar" .backend=${new ListBackend()}></invoice-list></div>`);
    const el = box.firstElementChild as InvoiceList;
    await waitUntil(() => el.shadowRoot?.querySelector('table[part="table"] tbody tr'), 'no rows', WAIT);
    await el.updateComplete;
    expect(el.getAttribute('dir')).to.equal('rtl');
    const headers = [...(el.shadowRoot?.querySelectorAll<HTMLElement>('table[part="table"] thead th') ?? [])];
    const first = headers[0]?.getBoundingClientRect();
    const last = headers[headers.length - 1]?.getBoundingClientRect();
    expect(first && last && first.left > last.left, 'first column on the right').to.equal(true);
    const money = q(el, 'table[part="table"] tbody td.num');
    expect(getComputedStyle(money).direction).to.equal('rtl');
    expect(getComputedStyle(money).textAlign).to.equal('end');
    const padding = parseFloat(getComputedStyle(money).paddingLeft);
    expect(Math.abs(textBox(money).left - (money.getBoundingClientRect().left + padding))).to.be.below(2);
    await expect(el).to.be.accessible();
  });

  it('follows the page language when no locale is set, and drops rtl when the locale changes', async () => {
    const before = document.documentElement.lang;
    document.documentElement.lang = 'he';
    try {
      const el = await fixture<PayInvoices>(html`<pay-invoices .backend=${new FakeBackend()} account=${ACME.id}></pay-invoices>`);
      await el.updateComplete;
      expect(el.getAttribute('dir')).to.equal('rtl');
      el.locale = 'fr';
      await el.updateComplete;
      expect(el.hasAttribute('dir')).to.equal(false);
      expect(getComputedStyle(el).direction).to.equal('ltr');
    } finally {
      document.documentElement.lang = before;
    }
  });

  it('with a host-registered Arabic catalog the text and the lang attribute are Arabic', async () => {
    registerMessages('ar', { 'payInvoices.heading': 'سداد الفواتير عبر الإنترنت' });
    const el = await payForm('ar');
    expect(q(el, '[part="heading"]').textContent?.trim()).to.equal('سداد الفواتير عبر الإنترنت');
    expect(el.getAttribute('lang')).to.equal('ar');
    expect(el.getAttribute('dir')).to.equal('rtl');
  });
});
