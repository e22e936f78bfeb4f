import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/pay-invoices.js';
import '../../src/define/invoice-list.js';
import type { PayInvoices } from '../../src/elements/pay-invoices/pay-invoices.js';
import type { InvoiceList } from '../../src/elements/invoice-list/invoice-list.js';
import { ACME, FakeBackend } from '../elements/pay-invoices-fixtures.js';
import { FakeBackend as ListBackend } from '../elements/invoice-list-fixtures.js';
import { loadMessages, translate } from '../../src/i18n/index.js';
import { ValidationError } from '../../src/backend/errors.js';

const WAIT = { timeout: 10000 };

const text = (el: HTMLElement): string => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
const norm = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');
const usd = (locale: string, major: number): string =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(major);
const day = (locale: string, iso: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

async function payForm(locale: string): Promise<PayInvoices> {
  const el = await fixture<PayInvoices>(
    html`<pay-invoices account=${ACME.id} locale=${locale} .backend=${new FakeBackend()}></pay-invoices>`,
  );
  await waitUntil(() => el.shadowRoot?.querySelector('[part="submit-button"]'), 'the form did not load', WAIT);
  // Spanish and French load on first use; the element re-renders once its catalog is here.
  await loadMessages(locale);
  await el.updateComplete;
  return el;
}

function submitButton(el: HTMLElement): HTMLButtonElement {
  const b = el.shadowRoot?.querySelector<HTMLButtonElement>('[part="submit-button"]');
  if (!b) throw new Error('no submit button');
  return b;
}

describe('localized elements', () => {
  it('loads a shipped catalog on first use and re-renders in it', async () => {
    // "es-419" (Latin American Spanish) uses the shipped es catalog, loaded on demand.
    const el = await fixture<PayInvoices>(
      html`<pay-invoices account=${ACME.id} locale="es-419" .backend=${new FakeBackend()}></pay-invoices>`,
    );
    await waitUntil(
      () => el.shadowRoot?.querySelector('[part="heading"]')?.textContent?.trim() === 'Realizar pagos en línea',
      'the element never switched to Spanish',
      WAIT,
    );
    expect(translate('es', 'payInvoices.heading')).to.equal('Realizar pagos en línea');
    expect(loadMessages('de')).to.equal(null); // no shipped German catalog: English stays
  });

  it('locale="es" shows Spanish texts, and money and dates as Intl formats them for es', async () => {
    const el = await payForm('es');
    const heading = el.shadowRoot?.querySelector('[part="heading"]');
    expect(heading?.textContent?.trim()).to.equal('Realizar pagos en línea');
    expect(submitButton(el).textContent?.trim()).to.equal('Realizar pago');
    const all = norm(text(el));
    expect(all).to.include('Facturas abiertas');
    expect(all).to.include('Método de pago');
    // INV-1001: balance 1,250.00 USD, due 2030-01-15.
    expect(all).to.include(norm(usd('es', 1250)));
    expect(all).to.include(norm(day('es', '2030-01-15')));
    expect(all).not.to.include('$1,250.00');
    expect(el.getAttribute('dir')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('locale="fr" shows French texts and French money', async () => {
    const el = await payForm('fr');
    expect(el.shadowRoot?.querySelector('[part="heading"]')?.textContent?.trim()).to.equal('Effectuer des paiements en ligne');
    expect(submitButton(el).textContent?.trim()).to.equal('Effectuer le paiement');
    const walkthrough = el.shadowRoot?.querySelector('[part="walkthrough-button"]');
    expect(walkthrough?.getAttribute('aria-label')).to.equal('Ouvrir le guide de paiement');
    const all = norm(text(el));
    expect(all).to.include(norm(usd('fr', 1250)));
    expect(all).to.include('Carte de crédit ou de débit');
    await expect(el).to.be.accessible();
  });

  it('switching the locale attribute re-renders texts and amounts', async () => {
    const el = await payForm('en-US');
    expect(norm(text(el))).to.include('$1,250.00');
    el.setAttribute('locale', 'es-MX');
    await el.updateComplete;
    await loadMessages('es-MX');
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('[part="heading"]')?.textContent?.trim()).to.equal('Realizar pagos en línea');
    expect(norm(text(el))).to.include(norm(usd('es-MX', 1250)));
  });

  it('<invoice-list locale="fr"> labels its table, Pay Now and money in French', async () => {
    const el = await fixture<InvoiceList>(html`<invoice-list locale="fr" .backend=${new ListBackend()}></invoice-list>`);
    await waitUntil(() => el.shadowRoot?.querySelector('table[part="table"] tbody tr'), 'no rows', WAIT);
    await loadMessages('fr');
    await el.updateComplete;
    const headers = [...(el.shadowRoot?.querySelectorAll('table[part="table"] thead th') ?? [])].map((th) =>
      (th.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
    expect(headers.join(' | ')).to.include('Date d’échéance');
    const payNow = el.shadowRoot?.querySelector('[part~="pay-now-button"]');
    expect(payNow?.textContent?.trim()).to.equal('Payer maintenant');
    expect(payNow?.getAttribute('aria-label') ?? '').to.match(/^Payer maintenant la facture INV-/);
    expect(norm(text(el))).to.include(norm(usd('fr', 1250)));
    await expect(el).to.be.accessible();
  });

  it('a server message shows only when it is in the payer\'s language; otherwise the translated sentence', async () => {
    const backend = new ListBackend();
    const english = new ValidationError('The search text is too long.', { status: 422, code: 'query_too_long', serverMessage: true });
    backend.failures.listInvoices = () => english;
    const el = await fixture<InvoiceList>(html`<invoice-list locale="es" .backend=${backend}></invoice-list>`);
    await loadMessages('es');
    await waitUntil(() => el.shadowRoot?.querySelector('[role="alert"]'), 'no error state', WAIT);
    await el.updateComplete;
    const alertText = (): string => (el.shadowRoot?.querySelector('[role="alert"]')?.textContent ?? '').replace(/\s+/g, ' ');
    expect(alertText()).to.include('No se aceptó la solicitud. Revise los valores e inténtelo de nuevo.');
    expect(alertText()).to.not.include('too long');
    await expect(el).to.be.accessible();

    // The server answered in Spanish (Content-Language: es): its own, more precise sentence is shown.
    backend.failures.listInvoices = () =>
      new ValidationError('El texto de búsqueda es demasiado largo.', { status: 422, serverMessage: true, messageLanguage: 'es-ES' });
    el.locale = 'es-MX';
    el.requestUpdate();
    const retry = [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => /Intentar|Reintentar|nuevo/i.test(b.textContent ?? ''));
    expect(retry, 'a retry button').to.not.equal(undefined);
    retry!.click();
    await waitUntil(() => alertText().includes('El texto de búsqueda es demasiado largo.'), 'the server sentence was not shown', WAIT);
  });
});
