import { expect } from '@open-wc/testing';
import { en } from '../../src/i18n/en/index.js';
import { es } from '../../src/i18n/es/index.js';
import { fr } from '../../src/i18n/fr/index.js';
import { isRtl, loadMessages, registerMessages, translate } from '../../src/i18n/index.js';

const placeholders = (text: string): string[] => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

const translations = { es, fr } as const;

describe('message catalogs', () => {
  // Spanish and French ship as on-demand catalogs; the elements load them, these tests do it here.
  // English arrives with each element's and collector's module; these tests register all of it.
  before(async () => {
    registerMessages('en', en);
    await loadMessages('es');
    await loadMessages('fr');
  });

  for (const [lang, catalog] of Object.entries(translations)) {
    it(`${lang} has every English key and no other`, () => {
      const missing = Object.keys(en).filter((k) => !(k in catalog));
      const extra = Object.keys(catalog).filter((k) => !(k in en));
      expect(missing, `missing in ${lang}`).to.deep.equal([]);
      expect(extra, `unknown keys in ${lang}`).to.deep.equal([]);
    });

    it(`${lang} keeps each message's {placeholders} and leaves none empty`, () => {
      const mismatched = Object.keys(en).filter(
        (k) => catalog[k] !== undefined && placeholders(catalog[k]).join() !== placeholders(en[k] ?? '').join(),
      );
      const empty = Object.keys(catalog).filter((k) => !catalog[k]?.trim());
      expect(mismatched, `placeholders differ in ${lang}`).to.deep.equal([]);
      expect(empty, `empty messages in ${lang}`).to.deep.equal([]);
    });
  }

  it('translates the headline texts', () => {
    expect(translate('es', 'payInvoices.heading')).to.equal('Realizar pagos en línea');
    expect(translate('fr', 'payInvoices.heading')).to.equal('Effectuer des paiements en ligne');
    expect(translate('es', 'invoiceList.payNow.label', { number: 'INV-7' })).to.equal('Pagar ahora la factura INV-7');
    expect(translate('fr', 'paymentWalkthrough.progress', { current: 2, total: 6 })).to.equal('Étape 2 sur 6');
  });

  it('uses the language for a regional locale, and English for a language it does not have', () => {
    expect(translate('es-MX', 'payInvoices.submit')).to.equal('Realizar pago');
    expect(translate('fr_CA', 'payInvoices.submit')).to.equal('Effectuer le paiement');
    expect(translate('de-DE', 'payInvoices.submit')).to.equal('Make Payment');
    expect(translate('', 'payInvoices.submit')).to.equal('Make Payment');
    expect(translate('es', 'no.such.key')).to.equal('no.such.key');
  });

  it('registerMessages adds a locale, overrides one region, and feeds the English fallback', () => {
    registerMessages('de', { 'test.greeting': 'Hallo {name}' });
    registerMessages('fr-CA', { 'test.greeting': 'Allo {name}' });
    registerMessages('fr', { 'test.greeting': 'Bonjour {name}' });
    registerMessages('en', { 'test.greeting': 'Hello {name}', 'test.onlyEnglish': 'Only English' });

    expect(translate('de-AT', 'test.greeting', { name: 'Ana' })).to.equal('Hallo Ana');
    expect(translate('fr-CA', 'test.greeting', { name: 'Ana' })).to.equal('Allo Ana');
    expect(translate('fr-FR', 'test.greeting', { name: 'Ana' })).to.equal('Bonjour Ana');
    // A key registered in English later (e.g. by a collector) is the fallback of every locale.
    expect(translate('es', 'test.onlyEnglish')).to.equal('Only English');
    // The shipped messages of the region's language are still there.
    expect(translate('fr-CA', 'payInvoices.submit')).to.equal('Effectuer le paiement');
    // A host override of one shipped message.
    registerMessages('es', { 'payInvoices.submit': 'Pagar' });
    expect(translate('es-AR', 'payInvoices.submit')).to.equal('Pagar');
  });

  it('fills placeholders as text and leaves unknown ones in place', () => {
    expect(translate('en', 'invoiceList.headingFor', { name: '<b>Acme</b>' })).to.equal('Invoices for <b>Acme</b> ({number})');
  });

  it('knows right-to-left languages', () => {
    expect(['ar', 'he-IL', 'fa', 'ur-PK'].map(isRtl)).to.deep.equal([true, true, true, true]);
    expect(['en', 'es', 'fr-CA', ''].map(isRtl)).to.deep.equal([false, false, false, false]);
  });
});
