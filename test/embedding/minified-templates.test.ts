/**
 * The build minifies the static text of Lit's html``/css`` templates (scripts/minify-templates.mjs).
 * Here every such template in src/ is read with the TypeScript parser (as the build reads it) and
 * minified; Chromium must build the same thing from the minified text as from the original:
 * the same CSS rules and computed styles, the same DOM (attributes exactly, text up to whitespace
 * collapsing), and the same DOM when Lit renders the template.
 */
import { expect } from '@open-wc/testing';
import { readFile } from '@web/test-runner-commands';
import { html, nothing, render } from 'lit';
import type * as TS from 'typescript';
import {
  TemplateMinifyError,
  findLitTemplates,
  minifyCssTemplate,
  minifyHtmlTemplate,
  type LitTemplate,
} from '../../scripts/minify-templates.mjs';
import { controls, tokens } from '../../src/styles/tokens.js';

/** Every src module with Lit templates (a module of the built bundle that has some is added below). */
const FILES = [
  'src/collectors/sandbox/bank-fields.ts',
  'src/collectors/sandbox/card-fields.ts',
  'src/collectors/sandbox/challenge.ts',
  'src/collectors/sandbox/fields-base.ts',
  'src/collectors/stripe/stripe-fields.ts',
  'src/elements/invoice-list/invoice-list-history.ts',
  'src/elements/invoice-list/invoice-list.styles.ts',
  'src/elements/invoice-list/invoice-list.ts',
  'src/elements/pay-invoices/pay-invoices.styles.ts',
  'src/elements/pay-invoices/pay-invoices.ts',
  'src/elements/pay-invoices/saved-methods.styles.ts',
  'src/elements/pay-invoices/saved-methods.ts',
  'src/elements/pay-invoices/window.ts',
  'src/elements/payment-method-modal/payment-method-modal.styles.ts',
  'src/elements/payment-method-modal/payment-method-modal.ts',
  'src/elements/payment-walkthrough/payment-walkthrough.styles.ts',
  'src/elements/payment-walkthrough/payment-walkthrough.ts',
  'src/styles/tokens.ts',
];

const WS = /[ \t\n\r\f]+/g;
const VERBATIM = new Set(['pre', 'textarea', 'script', 'style']);

/** The TypeScript compiler, loaded as the classic script it also is (it defines `ts`). */
async function typescript(): Promise<typeof TS> {
  const w = window as unknown as { ts?: typeof TS };
  if (!w.ts) {
    await new Promise<void>((resolve, reject) => {
      const s = document.createElement('script');
      s.src = '/node_modules/typescript/lib/typescript.js';
      s.onload = () => resolve();
      s.onerror = () => reject(new Error('typescript.js did not load'));
      document.head.append(s);
    });
  }
  if (!w.ts) throw new Error('typescript.js defined no `ts`');
  return w.ts;
}

/** A source file as written (the test server would serve a .ts file compiled). */
async function text(path: string): Promise<string> {
  const content = await readFile({ path: `../../${path}` });
  if (content === undefined) throw new Error(`${path} not found`);
  return content;
}

/** FILES, plus any module of the built script-tag bundle (when built) that has Lit templates. */
async function sourceFiles(): Promise<string[]> {
  const files = new Set(FILES);
  const res = await fetch('/dist/pay-invoices.js.map');
  if (res.ok) {
    const map = (await res.json()) as { sources: string[]; sourcesContent?: string[] };
    map.sources.forEach((s, i) => {
      const m = /(?:^|\/)(src\/.+\.ts)$/.exec(s);
      if (m && /\b(html|css|svg)`/.test(map.sourcesContent?.[i] ?? '') && /from 'lit'/.test(map.sourcesContent?.[i] ?? '')) files.add(m[1]);
    });
  }
  return [...files];
}

type Found = LitTemplate & { file: string };

/** Templates with only static parts in them: for each `${}` the filler decides what stands there. */
const fill = (parts: readonly string[], filler: (i: number) => string) =>
  parts.reduce((acc, p, i) => (i === 0 ? p : acc + filler(i - 1) + p), '');

// ---- CSS ----

/** Whitespace next to the characters where the minifier drops it, outside quoted strings. */
const tokensOnly = (value: string) =>
  value
    .replace(/("[^"]*"|'[^']*')|[ \t\n\r\f]+/g, (_m, q: string | undefined) => q ?? ' ')
    .replace(/("[^"]*"|'[^']*')| ?([{};,>()!:]) ?/g, (_m, q: string | undefined, c: string) => q ?? c)
    .trim();

function describeStyle(style: CSSStyleDeclaration): string[] {
  const out: string[] = [];
  for (let i = 0; i < style.length; i++) {
    const name = style.item(i);
    // A custom property, and a property whose value holds a var(), keep their value's text as
    // written (whitespace included) until it is computed: compare their tokens.
    const raw = style.getPropertyValue(name);
    const value = name.startsWith('--') || raw.includes('var(') ? tokensOnly(raw) : raw;
    out.push(`${name}: ${value}${style.getPropertyPriority(name) ? ' !important' : ''}`);
  }
  return out;
}

function describeRules(rules: CSSRuleList): unknown[] {
  return Array.from(rules, (r) => {
    if (r instanceof CSSStyleRule) return { selector: r.selectorText, style: describeStyle(r.style), rules: describeRules(r.cssRules) };
    if (r instanceof CSSKeyframesRule) {
      return { keyframes: r.name, frames: Array.from(r.cssRules, (f) => [(f as CSSKeyframeRule).keyText, describeStyle((f as CSSKeyframeRule).style)]) };
    }
    if (r instanceof CSSGroupingRule) return { group: r.cssText.slice(0, r.cssText.indexOf('{')).trim(), rules: describeRules(r.cssRules) };
    return { rule: r.cssText };
  });
}

function sheet(cssText: string): CSSStyleSheet {
  const s = new CSSStyleSheet();
  s.replaceSync(cssText);
  return s;
}

/** Computed styles of a host whose shadow root adopts `sheets`, and of the controls inside it. */
function computedStyles(sheets: CSSStyleSheet[], theme: string): Record<string, string>[] {
  const host = document.createElement('div');
  if (theme) host.setAttribute('theme', theme);
  host.style.setProperty('--pi-density', '0.8');
  document.body.append(host);
  try {
    const root = host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = sheets;
    root.innerHTML = `
      <button class="primary">Pay</button><button class="link">Details</button><button disabled>No</button>
      <span class="button">Span</span><input aria-invalid="true" /><textarea aria-invalid="true"></textarea>
      <select><option>a</option></select><a href="#x">Link</a><p class="field-error">Error</p>
      <div class="alert error">E</div><div class="alert success">S</div><div class="alert warning">W</div>
      <p class="muted">M</p><span class="visually-hidden">Hidden</span><span class="spinner"></span>
      <i style="box-shadow: var(--_focus-ring); font-family: var(--_font)"></i>`;
    return [host, ...root.querySelectorAll('*')].map((el) => {
      const cs = getComputedStyle(el);
      const props: Record<string, string> = {};
      for (let i = 0; i < cs.length; i++) {
        const name = cs.item(i);
        if (!name.startsWith('--')) props[name] = cs.getPropertyValue(name);
      }
      return props;
    });
  } finally {
    host.remove();
  }
}

// ---- HTML ----

const collapse = (s: string) => s.replace(WS, ' ');

/** Same nodes, same attributes; text equal up to whitespace collapsing (exact inside <pre> etc.). */
function expectSameTree(a: Node, b: Node, where: string, verbatim = false): void {
  const ka = Array.from(a.childNodes);
  const kb = Array.from(b.childNodes);
  expect(kb.map((n) => n.nodeName), `${where}: child nodes`).to.deep.equal(ka.map((n) => n.nodeName));
  ka.forEach((na, i) => {
    const nb = kb[i];
    const here = `${where} > ${na.nodeName.toLowerCase()}[${i}]`;
    if (na instanceof Element && nb instanceof Element) {
      const attrs = (el: Element) => Array.from(el.attributes, (x) => [x.name, x.value]);
      expect(attrs(nb), `${here}: attributes`).to.deep.equal(attrs(na));
      const v = verbatim || VERBATIM.has(na.localName);
      if (na instanceof HTMLTemplateElement && nb instanceof HTMLTemplateElement) expectSameTree(na.content, nb.content, here, v);
      expectSameTree(na, nb, here, v);
    } else if (na.nodeType === Node.TEXT_NODE) {
      const ta = na.textContent ?? '';
      const tb = nb.textContent ?? '';
      if (verbatim) expect(tb, `${here}: text`).to.equal(ta);
      else expect(collapse(tb), `${here}: text`).to.equal(collapse(ta));
    } else {
      expect(nb.textContent, `${here}: ${na.nodeName}`).to.equal(na.textContent);
    }
  });
}

function parseHtml(kind: string, markup: string): DocumentFragment {
  const t = document.createElement('template');
  t.innerHTML = kind === 'svg' ? `<svg>${markup}</svg>` : markup;
  return t.content;
}

const templateStrings = (parts: readonly string[]) => Object.assign([...parts], { raw: [...parts] }) as unknown as TemplateStringsArray;

describe('minified Lit templates', () => {
  let found: Found[];

  before(async function () {
    this.timeout(60000);
    const ts = await typescript();
    found = [];
    for (const file of await sourceFiles()) {
      const templates = findLitTemplates(await text(file), file, ts);
      expect(templates, `${file}: no templates found`).to.not.be.empty;
      found.push(...templates.map((t) => ({ ...t, file })));
    }
  });

  it('every template in src can be minified (none left as written)', () => {
    const left = found.filter((t) => {
      if (t.skip) return true;
      try {
        (t.kind === 'css' ? minifyCssTemplate : minifyHtmlTemplate)(t.parts);
        return false;
      } catch (e) {
        if (e instanceof TemplateMinifyError) return true;
        throw e;
      }
    });
    expect(left.map((t) => `${t.file}:${t.line}`)).to.deep.equal([]);
    expect(found.filter((t) => t.kind === 'css').length, 'css templates').to.be.greaterThan(5);
    expect(found.filter((t) => t.kind === 'html').length, 'html templates').to.be.greaterThan(50);
  });

  it('every css`` template builds the same CSS rules (custom property values: the same tokens)', () => {
    const css = found.filter((t) => t.kind === 'css' && !t.skip);
    for (const t of css) {
      const where = `${t.file}:${t.line}`;
      const min = minifyCssTemplate(t.parts);
      expect(min, where).to.have.length(t.parts.length);
      const before = sheet(fill(t.parts, () => ''));
      const after = sheet(fill(min, () => ''));
      expect(before.cssRules.length, `${where}: no rules parsed`).to.be.greaterThan(0);
      expect(describeRules(after.cssRules), where).to.deep.equal(describeRules(before.cssRules));
      expect(min.join('').length, `${where}: not smaller`).to.be.lessThan(t.parts.join('').length);
    }
  });

  it('tokens.ts minified styles elements exactly as the original (computed styles, every theme)', () => {
    const [tokensT, controlsT] = found.filter((t) => t.file === 'src/styles/tokens.ts' && t.kind === 'css');
    // The palette (a value, not template text) stands between the tokens template's two parts.
    expect(tokensT.parts).to.have.length(2);
    const full = tokens.cssText;
    expect(full.startsWith(tokensT.parts[0]) && full.endsWith(tokensT.parts[1])).to.equal(true);
    const palette = full.slice(tokensT.parts[0].length, full.length - tokensT.parts[1].length);
    expect(controls.cssText).to.equal(fill(controlsT.parts, () => ''));

    const minTokens = minifyCssTemplate(tokensT.parts);
    const original = [sheet(full), sheet(controls.cssText)];
    const minified = [sheet(minTokens[0] + palette + minTokens[1]), sheet(minifyCssTemplate(controlsT.parts).join(''))];
    for (const theme of ['', 'light', 'dark']) {
      const want = computedStyles(original, theme);
      const got = computedStyles(minified, theme);
      expect(Object.keys(want[0]).length).to.be.greaterThan(100);
      expect(got, `theme "${theme}"`).to.deep.equal(want);
    }
  });

  it('every html`` template parses to the same DOM (expressions as markers)', () => {
    const markup = found.filter((t) => t.kind !== 'css' && !t.skip);
    for (const t of markup) {
      const where = `${t.file}:${t.line}`;
      const min = minifyHtmlTemplate(t.parts);
      expect(min, where).to.have.length(t.parts.length);
      const marker = (i: number) => `__${i}__`;
      expectSameTree(parseHtml(t.kind, fill(t.parts, marker)), parseHtml(t.kind, fill(min, marker)), where);
    }
  });

  it('Lit renders every minified html`` template as the original (every value `nothing`)', () => {
    const markup = found.filter((t) => t.kind === 'html' && !t.skip);
    for (const t of markup) {
      const where = `${t.file}:${t.line}`;
      const values = t.parts.slice(1).map(() => nothing);
      const a = document.createElement('div');
      const b = document.createElement('div');
      render(html(templateStrings(t.parts), ...values), a);
      render(html(templateStrings(minifyHtmlTemplate(t.parts)), ...values), b);
      expectSameTree(a, b, where);
    }
  });

  describe('CSS rules', () => {
    it('drops comments and the spaces around { } ; , > and after : — keeps separating spaces and strings', () => {
      const [out] = minifyCssTemplate([
        `\n  /* a comment */\n  :host([theme='dark']) .x ,\n  a > b {\n    color: red ;\n    box-shadow: 0 0 0 3px  red;\n` +
          `    width: calc( 100% - var(--w) + 2px );\n    content: "a  ,  { b }";\n  }\n  div/**/.y { margin: 0 auto }\n` +
          `  @media (min-width: 600px) and (max-width: 900px) {\n    a:not(.b) .c { top: 0 }\n  }\n`,
      ]);
      expect(out).to.equal(
        ` :host([theme='dark']) .x,a>b{color:red;box-shadow:0 0 0 3px red;width:calc(100% - var(--w) + 2px);content:"a  ,  { b }"}` +
          `div/**/.y{margin:0 auto}@media (min-width:600px) and (max-width:900px){a:not(.b) .c{top:0}} `,
      );
    });

    it('never touches expressions, and keeps what stands next to them', () => {
      expect(minifyCssTemplate(['\n  ', '\n  :host {\n    width: ', 'px;\n    margin: ', ' ', ';\n  }\n'])).to.deep.equal([
        ' ',
        ' :host{width:',
        'px;margin:',
        ' ',
        '} ',
      ]);
    });

    it('throws (the build leaves the template as written) on what it cannot read', () => {
      for (const bad of [['a { /* open'], ["a { content: 'open }"], ['a { content: "\\2014" }'], ['.a\\:b { x: y }']]) {
        expect(() => minifyCssTemplate(bad), bad[0]).to.throw(TemplateMinifyError);
      }
    });
  });

  describe('HTML rules', () => {
    it('a whitespace run with a line break becomes one line break; other whitespace stays', () => {
      expect(minifyHtmlTemplate(['<div>\n    <p>Total:  ', '\n    </p>\n  </div>\n'])).to.deep.equal([
        '<div>\n<p>Total:  ',
        '\n</p>\n</div>\n',
      ]);
      expect(minifyHtmlTemplate(['<p>', '\n\t  text \n ', '</p>'])).to.deep.equal(['<p>', '\ntext\n', '</p>']);
    });

    it('keeps <pre>, <textarea>, <script>, <style>, comments and quoted attribute values as written', () => {
      const parts = [
        '<pre>\n  a\n    b <b>\n  c</b>\n</pre>\n  <textarea>\n  x\n</textarea>\n  <style>\n  p { }\n</style>\n',
        '<p title="a\n   b" data-x=\'\n  y\'>\n  <!-- a\n     comment -->\n</p>\n',
        '<script>\n  1\n</script>',
      ];
      expect(minifyHtmlTemplate(parts)).to.deep.equal([
        '<pre>\n  a\n    b <b>\n  c</b>\n</pre>\n<textarea>\n  x\n</textarea>\n<style>\n  p { }\n</style>\n',
        '<p title="a\n   b" data-x=\'\n  y\'>\n<!-- a\n     comment -->\n</p>\n',
        '<script>\n  1\n</script>',
      ]);
    });

    it('collapses whitespace between attributes, keeps bindings in place', () => {
      expect(minifyHtmlTemplate(['<input\n    id="a"\n    .value=', '\n    ?disabled=', '\n    @input=', '\n  />'])).to.deep.equal([
        '<input\nid="a"\n.value=',
        '\n?disabled=',
        '\n@input=',
        '\n/>',
      ]);
    });

    it('throws on what it cannot read', () => {
      for (const bad of [['<p class="open>'], ['<textarea>x'], ['<p', ''], ['<p>\\u00a0</p>'], ['<b>x</b> ${']]) {
        expect(() => minifyHtmlTemplate(bad), bad.join('|')).to.throw(TemplateMinifyError);
      }
    });
  });
});
