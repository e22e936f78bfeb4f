import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/define/pay-invoices.js';
import type { PayInvoices } from '../../src/elements/pay-invoices/pay-invoices.js';
import { ACME, FakeBackend } from '../elements/pay-invoices-fixtures.js';

const WAIT = { timeout: 10000 };

/** A <pay-invoices> inside a wrapper whose inline custom properties play the host page's theme. */
async function themed(vars: Record<string, string>, theme = ''): Promise<PayInvoices> {
  const wrap = await fixture<HTMLDivElement>(html`<div>
    <pay-invoices account=${ACME.id} theme=${theme} .backend=${new FakeBackend()}></pay-invoices>
  </div>`);
  for (const [name, value] of Object.entries(vars)) wrap.style.setProperty(name, value);
  const el = wrap.querySelector('pay-invoices') as PayInvoices;
  await waitUntil(() => el.shadowRoot?.querySelector('[part="submit-button"]'), 'the form did not load', WAIT);
  await el.updateComplete;
  return el;
}

function part(el: HTMLElement, name: string): HTMLElement {
  const found = el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`);
  if (!found) throw new Error(`no part ${name}`);
  return found;
}

describe('theme tokens', () => {
  it('light by default, with native controls free to follow the page (color-scheme)', async () => {
    const el = await themed({});
    const style = getComputedStyle(el);
    expect(style.backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(style.colorScheme).to.equal('light dark');
    expect(getComputedStyle(part(el, 'submit-button')).backgroundColor).to.equal('rgb(29, 78, 216)');
  });

  it('documented tokens set on an ancestor restyle the inside (no ::part needed)', async () => {
    const el = await themed({
      '--pi-color-accent': 'rgb(15, 118, 110)',
      '--pi-color-accent-contrast': 'rgb(1, 2, 3)',
      '--pi-radius': '0px',
      '--pi-font-family': 'Georgia, serif',
    });
    const submit = getComputedStyle(part(el, 'submit-button'));
    expect(submit.backgroundColor).to.equal('rgb(15, 118, 110)');
    expect(submit.color).to.equal('rgb(1, 2, 3)');
    expect(submit.borderTopLeftRadius).to.equal('0px');
    expect(getComputedStyle(el).fontFamily).to.include('Georgia');
  });

  it('--pi-density scales spacing and row heights; --pi-row-height wins when set', async () => {
    const normal = await themed({});
    const compact = await themed({ '--pi-density': '0.5' });
    const height = (el: HTMLElement) => parseFloat(getComputedStyle(part(el, 'invoice-row')).minHeight);
    expect(height(compact)).to.be.closeTo(height(normal) / 2, 0.5);
    const fixed = await themed({ '--pi-density': '0.5', '--pi-row-height': '60px' });
    expect(height(fixed)).to.equal(60);
  });

  it('theme="dark" is dark even when the OS is light, and so is the modal it renders', async () => {
    expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(false);
    const el = await themed({}, 'dark');
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(21, 24, 29)');
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    const modal = el.shadowRoot?.querySelector('payment-method-modal');
    if (!modal) throw new Error('no payment-method-modal');
    expect(modal.getAttribute('theme') ?? '', 'the modal has no theme of its own').to.equal('');
    expect(getComputedStyle(modal).getPropertyValue('--_bg').trim()).to.equal('#15181d');
    expect(getComputedStyle(modal).colorScheme).to.equal('dark');
    await expect(el).to.be.accessible();
  });

  it('follows a dark OS unless theme="light" forces light, nested elements included', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const auto = await themed({});
      expect(getComputedStyle(auto).backgroundColor).to.equal('rgb(21, 24, 29)');
      const light = await themed({}, 'light');
      expect(getComputedStyle(light).backgroundColor).to.equal('rgb(255, 255, 255)');
      expect(getComputedStyle(light).colorScheme).to.equal('light');
      const modal = light.shadowRoot?.querySelector('payment-method-modal');
      if (!modal) throw new Error('no payment-method-modal');
      expect(getComputedStyle(modal).getPropertyValue('--_bg').trim()).to.equal('#ffffff');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('a host palette wins over both themes; --pi-color-scheme tells native controls', async () => {
    const el = await themed({ '--pi-color-bg': 'rgb(10, 20, 30)', '--pi-color-scheme': 'dark' }, 'light');
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(10, 20, 30)');
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
  });
});
