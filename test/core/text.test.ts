import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { graphemeLength, isSafeHttpsUrl, truncateGraphemes } from '../../src/core/text.js';

const FAMILY = '👨‍👩‍👧‍👦'; // man ZWJ woman ZWJ girl ZWJ boy: 7 code units... one character
const FLAG = '🇺🇸';
const E_ACUTE = 'e\u0301'; // e + combining acute
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('core/text', () => {
  describe('graphemeLength', () => {
    it('counts user-visible characters', () => {
      expect(graphemeLength('')).to.equal(0);
      expect(graphemeLength('abc')).to.equal(3);
      expect(graphemeLength(FAMILY)).to.equal(1);
      expect(FAMILY.length).to.equal(11);
      expect(graphemeLength(FLAG)).to.equal(1);
      expect(graphemeLength('👍🏽')).to.equal(1);
      expect(graphemeLength(E_ACUTE)).to.equal(1);
      expect(graphemeLength('שלום עולם')).to.equal(9);
      expect(graphemeLength('مرحبا')).to.equal(5);
      expect(graphemeLength('한국어')).to.equal(3);
      expect(graphemeLength('\r\n')).to.equal(1);
    });

    it('F33 counts zero-width characters as Intl segments them', () => {
      expect(graphemeLength('a\u200Bb')).to.equal(3); // zero-width space is a cluster of its own
      expect(graphemeLength('a\u200Db')).to.equal(2); // a lone ZWJ extends the preceding character
      expect(graphemeLength('\u200B'.repeat(50))).to.equal(50);
      expect(graphemeLength('\u202Eabc')).to.equal(4); // right-to-left override is a control
    });
  });

  describe('truncateGraphemes', () => {
    it('keeps the first max characters', () => {
      expect(truncateGraphemes('abcdef', 3)).to.equal('abc');
      expect(truncateGraphemes('abc', 3)).to.equal('abc');
      expect(truncateGraphemes('abc', 10)).to.equal('abc');
      expect(truncateGraphemes('abc', 0)).to.equal('');
      expect(truncateGraphemes('abc', -1)).to.equal('');
      expect(truncateGraphemes('abc', Infinity)).to.equal('abc');
      expect(truncateGraphemes('abc', NaN)).to.equal('');
      expect(truncateGraphemes('abc', 2.9)).to.equal('ab');
    });

    it('F33 never splits an emoji, a flag or a combining sequence', () => {
      expect(truncateGraphemes(FAMILY + FAMILY, 1)).to.equal(FAMILY);
      expect(truncateGraphemes(`${FLAG}${FLAG}${FLAG}`, 2)).to.equal(FLAG + FLAG);
      expect(truncateGraphemes(`${E_ACUTE}x`, 1)).to.equal(E_ACUTE);
      expect(truncateGraphemes('ab👍🏽cd', 3)).to.equal('ab👍🏽');
    });

    it('F33 limits a 10,000-character memo with RTL text, emoji and zero-width characters', () => {
      const unit = `שלום ${FAMILY}\u200B${E_ACUTE}`; // 5 + 1 + 1 + 1 = 8 graphemes
      const memo = unit.repeat(1250);
      expect(graphemeLength(memo)).to.equal(10000);
      const cut = truncateGraphemes(memo, 500);
      expect(graphemeLength(cut)).to.equal(500);
      expect(memo.startsWith(cut)).to.equal(true);
      expect(LONE_SURROGATE.test(cut)).to.equal(false);
    });

    it('F33 truncation is a prefix with exactly min(max, length) characters', () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ unit: 'grapheme', maxLength: 60 }),
            fc.string({ unit: fc.constantFrom('a', 'é', 'e\u0301', FAMILY, FLAG, '\u200B', '\u200D', 'ש', '👍', '🏽'), maxLength: 60 }),
          ),
          fc.integer({ min: 0, max: 70 }),
          (s, max) => {
            const cut = truncateGraphemes(s, max);
            expect(s.startsWith(cut)).to.equal(true);
            expect(graphemeLength(cut)).to.equal(Math.min(max, graphemeLength(s)));
            expect(LONE_SURROGATE.test(cut)).to.equal(false);
            expect(truncateGraphemes(s, graphemeLength(s))).to.equal(s);
          },
        ),
        { numRuns: 2000 },
      );
    });
  });

  describe('isSafeHttpsUrl', () => {
    it('F32 accepts absolute https links', () => {
      expect(isSafeHttpsUrl('https://example.com/invoices/1001.pdf')).to.equal(true);
      expect(isSafeHttpsUrl('https://erp.example.com:8443/doc?id=1&x=%20y#page=2')).to.equal(true);
      expect(isSafeHttpsUrl('HTTPS://EXAMPLE.COM/A.PDF')).to.equal(true);
      expect(isSafeHttpsUrl('https://例え.jp/請求書.pdf')).to.equal(true);
    });

    it('F32 refuses javascript:, data:, http:, relative and malformed links', () => {
      const bad = [
        'javascript:alert(1)',
        'JaVaScRiPt:alert(1)',
        ' javascript:alert(1)',
        'java\tscript:alert(1)',
        'java\nscript:alert(1)',
        '\u0000javascript:alert(1)',
        'javascript://https://example.com/%0Aalert(1)',
        'data:text/html,<script>alert(1)</script>',
        'data:application/pdf;base64,JVBERi0=',
        'vbscript:msgbox(1)',
        'http://example.com/a.pdf',
        'ftp://example.com/a.pdf',
        'file:///etc/passwd',
        'blob:https://example.com/1234',
        '//example.com/a.pdf',
        '/invoices/1.pdf',
        'invoices/1.pdf',
        '#top',
        'https:example.com',
        'https:/example.com',
        'https://',
        'https:// example.com',
        'https://exa mple.com',
        'https://[::1',
        ' https://example.com',
        'https://example.com/\n',
        'https://user:secret@example.com/a.pdf',
        'https://evil.com@',
        '',
        null,
        undefined,
      ];
      for (const url of bad) expect(isSafeHttpsUrl(url), JSON.stringify(url)).to.equal(false);
    });

    it('F32 accepts generated https URLs and refuses every other scheme', () => {
      fc.assert(
        fc.property(fc.webUrl({ validSchemes: ['https'], withQueryParameters: true, withFragments: true }), (url) => {
          const parsed = new URL(url);
          expect(isSafeHttpsUrl(url)).to.equal(parsed.username === '' && parsed.password === '');
        }),
        { numRuns: 1000 },
      );
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
          if (!/^https:\/\//i.test(s)) expect(isSafeHttpsUrl(s)).to.equal(false);
        }),
        { numRuns: 1000 },
      );
    });
  });
});
