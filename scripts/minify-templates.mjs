// Build-time minification of the static text of Lit's tagged templates (html``, css``, svg``).
//
// `minifyTemplates()` is a Vite/rolldown plugin (registered by scripts/build.mjs). Its `transform`
// hook reads each src/**/*.ts module with the TypeScript compiler API, finds the tagged templates
// whose tag is `html`, `css` or `svg` imported from 'lit', and rewrites only the static text between
// the `${…}` expressions (the expressions themselves are never touched). It returns a source map.
//
// The pure functions `minifyCssTemplate` and `minifyHtmlTemplate` take a template's static parts
// (the raw source text between expressions) and return the minified parts, always as many as they
// were given; they throw `TemplateMinifyError` for a template they cannot parse, which the plugin
// then leaves unchanged (and counts: MINIFY_TEMPLATES_DEBUG=1 prints the counts and the skips).
// This module imports nothing at the top level, so the browser tests can import those functions.
//
// CSS: comments removed; whitespace runs become one space; that space is dropped next to `{`, `}`,
// `;`, `,`, `>`, before `)` and after `(` and `:`; the `;` before `}` is dropped; quoted strings are
// kept byte for byte; the space kept at a template's start/end (the template may be composed into
// another one through `${}`). Spaces between selectors and values (`:host([x]) .y`, `0 0 0 3px`,
// `calc(a + b)`, before `(`, after `)`) are kept.
// HTML/SVG: a whitespace run that contains a line break becomes a single line break (the same single
// byte as a space, and equally collapsible: it keeps line structure, and a line break where the
// source had one for `white-space: pre-line`); whitespace without a line break is left as is; text
// inside <pre>, <textarea>, <script>, <style>, comments and quoted attribute values is left as is.
// So a space between text and a `${}` expression is never removed, only shortened.

/** Thrown for a template that the minifier does not understand; the template is left unchanged. */
export class TemplateMinifyError extends Error {}

/** Stands for a `${…}` expression while a template's parts are minified as one text. */
const HOLE = '\uE000';

const CSS_WS = new Set([' ', '\t', '\n', '\r', '\f']);
/** A space after these is never needed in CSS. */
const CSS_DROP_AFTER = new Set(['{', '}', ';', ',', '>', '(', ':']);
/** A space before these is never needed in CSS (never before `:` or `(`: `a :hover`, `and (…)`). */
const CSS_DROP_BEFORE = new Set(['{', '}', ';', ',', '>', ')']);

/**
 * Minifies CSS text (expressions as HOLE). Returns the output and, for each output character, the
 * index of the input character it stands for.
 */
function minifyCssText(src) {
  const out = [];
  const from = [];
  const emit = (ch, at) => {
    out.push(ch);
    from.push(at);
  };
  let space = -1; // index of the pending whitespace run's first character, or -1
  const flush = (next) => {
    if (space < 0) return;
    const prev = out[out.length - 1];
    if (prev === undefined || (!CSS_DROP_AFTER.has(prev) && !CSS_DROP_BEFORE.has(next))) emit(' ', space);
    space = -1;
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (CSS_WS.has(c)) {
      if (space < 0) space = i;
      i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) throw new TemplateMinifyError('unterminated CSS comment');
      const next = src[end + 2];
      // `a/**/b`: the comment separates two tokens with no whitespace around it; keep an empty one.
      if (space < 0 && out.length > 0 && next !== undefined && !CSS_WS.has(next)) {
        for (const ch of '/**/') emit(ch, i);
      }
      i = end + 2;
      continue;
    }
    if (c === '\\') throw new TemplateMinifyError('escape outside a CSS string');
    flush(c);
    if (c === '"' || c === "'") {
      let j = i + 1;
      for (; j < src.length && src[j] !== c; j++) {
        if (src[j] === '\\' || src[j] === '\n' || src[j] === '\r' || src[j] === '\f') {
          throw new TemplateMinifyError('escape or line break in a CSS string');
        }
      }
      if (j >= src.length) throw new TemplateMinifyError('unterminated CSS string');
      for (let k = i; k <= j; k++) emit(src[k], k);
      i = j + 1;
      continue;
    }
    if (c === '}' && out[out.length - 1] === ';') {
      out.pop();
      from.pop();
    }
    emit(c, i);
    i++;
  }
  if (space >= 0 && out.length > 0) emit(' ', space);
  return { out: out.join(''), from };
}

const HTML_WS = new Set([' ', '\t', '\n', '\r', '\f']);
/** Elements whose content is copied as is. */
const HTML_VERBATIM = new Set(['pre', 'textarea', 'script', 'style']);
const isLetter = (ch) => ch !== undefined && /[A-Za-z]/.test(ch);

/** Minifies HTML/SVG template text (expressions as HOLE); same result shape as minifyCssText. */
function minifyHtmlText(src) {
  const out = [];
  const from = [];
  const emit = (ch, at) => {
    out.push(ch);
    from.push(at);
  };
  const copy = (start, end) => {
    for (let k = start; k < end; k++) emit(src[k], k);
  };
  /** Whitespace from i: one line break for a run that contains one, else the run as is. */
  const whitespace = (i) => {
    let j = i;
    while (j < src.length && HTML_WS.has(src[j])) j++;
    const run = src.slice(i, j);
    if (run.includes('\n') || run.includes('\r')) emit('\n', i + Math.max(0, run.search(/[\n\r]/)));
    else copy(i, j);
    return j;
  };
  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src[i];
    if (HTML_WS.has(c)) {
      i = whitespace(i);
      continue;
    }
    if (c !== '<') {
      emit(c, i++);
      continue;
    }
    if (src.startsWith('<!--', i)) {
      const end = src.indexOf('-->', i + 4);
      if (end < 0) throw new TemplateMinifyError('unterminated comment');
      copy(i, end + 3);
      i = end + 3;
      continue;
    }
    if (src[i + 1] === '!' || src[i + 1] === '?') {
      const end = src.indexOf('>', i);
      if (end < 0) throw new TemplateMinifyError('unterminated markup declaration');
      copy(i, end + 1);
      i = end + 1;
      continue;
    }
    const closing = src[i + 1] === '/';
    const nameStart = i + (closing ? 2 : 1);
    if (!isLetter(src[nameStart])) {
      emit(c, i++); // a `<` that starts no tag is text
      continue;
    }
    let j = nameStart;
    while (j < n && /[A-Za-z0-9:_.-]/.test(src[j])) j++;
    const name = src.slice(nameStart, j).toLowerCase();
    copy(i, j);
    i = j;
    // Inside the tag: attributes until `>`.
    let ended = false;
    while (i < n) {
      const t = src[i];
      if (HTML_WS.has(t)) {
        i = whitespace(i);
        continue;
      }
      if (t === '>') {
        emit(t, i++);
        ended = true;
        break;
      }
      if (t === '"' || t === "'") throw new TemplateMinifyError('quote outside an attribute value');
      if (t === '<') throw new TemplateMinifyError('`<` inside a tag');
      if (t !== '=') {
        emit(t, i++);
        continue;
      }
      emit(t, i++);
      while (i < n && HTML_WS.has(src[i])) i = whitespace(i);
      const q = src[i];
      if (q === '"' || q === "'") {
        const end = src.indexOf(q, i + 1);
        if (end < 0) throw new TemplateMinifyError('unterminated attribute value');
        copy(i, end + 1);
        i = end + 1;
      } else {
        let k = i;
        while (k < n && !HTML_WS.has(src[k]) && src[k] !== '>') k++;
        copy(i, k);
        i = k;
      }
    }
    if (!ended) throw new TemplateMinifyError(`unterminated tag <${closing ? '/' : ''}${name}>`);
    if (!closing && HTML_VERBATIM.has(name)) {
      const close = new RegExp(`</${name}[\\s/>]`, 'i');
      const m = close.exec(src.slice(i));
      if (!m) throw new TemplateMinifyError(`<${name}> is not closed`);
      copy(i, i + m.index);
      i += m.index; // the end tag is read as a tag on the next turn
    }
  }
  return { out: out.join(''), from };
}

/** Runs a text minifier over a template's static parts; returns the new parts and char origins. */
function minifyParts(parts, minifyText) {
  if (parts.some((p) => p.includes(HOLE))) throw new TemplateMinifyError('private-use character in the template');
  // Raw source text: a backslash starts an escape sequence (`\u00a0`, a line continuation…) whose
  // meaning could change with the whitespace around it.
  if (parts.some((p) => p.includes('\\'))) throw new TemplateMinifyError('escape sequence in the template text');
  const { out, from } = minifyText(parts.join(HOLE));
  const next = out.split(HOLE);
  if (next.length !== parts.length) throw new TemplateMinifyError('expression count changed');
  // Removing a space or comment must not create a `${` (the output's other characters all come
  // from the input, which has no backtick or backslash).
  if (next.some((p) => p.includes('${'))) throw new TemplateMinifyError('output would start an expression');
  // origins per part, relative to that part's start in the input
  const starts = [];
  let at = 0;
  for (const p of parts) {
    starts.push(at);
    at += p.length + 1;
  }
  const origins = [];
  let k = 0;
  for (let part = 0; part < next.length; part++) {
    const o = [];
    for (let c = 0; c < next[part].length; c++, k++) o.push(from[k] - starts[part]);
    origins.push(o);
    k++; // the HOLE
  }
  return { parts: next, origins };
}

/**
 * Minifies the static parts of a css`` template (the text between its `${}` expressions, as raw
 * source text). Returns as many parts as given. Throws TemplateMinifyError when it cannot parse.
 */
export function minifyCssTemplate(parts) {
  return minifyParts(parts, minifyCssText).parts;
}

/** As minifyCssTemplate, for html`` and svg`` templates. */
export function minifyHtmlTemplate(parts) {
  return minifyParts(parts, minifyHtmlText).parts;
}

const MINIFIERS = { css: minifyCssText, html: minifyHtmlText, svg: minifyHtmlText };

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const vlq = (value) => {
  let v = value < 0 ? (-value << 1) | 1 : value << 1;
  let s = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v > 0) digit |= 32;
    s += B64[digit];
  } while (v > 0);
  return s;
};

/**
 * A v3 source map from `out` to `code`, given for each output character the input offset it comes
 * from (`origin`), and output offsets where a segment must start (`anchors`). Segments start at
 * each line, at each anchor and wherever the input line changes.
 */
function sourceMap(code, out, origin, anchors, file) {
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const lines = [];
  let segs = [];
  let col = 0;
  let prevCol = 0;
  let prevLine = 0;
  let prevSrcCol = 0;
  let lastSrcLine = -1;
  for (let k = 0; k < out.length; k++) {
    const ch = out[k];
    const o = origin[k];
    const line = lineOf(o);
    if (col === 0 || anchors.has(k) || line !== lastSrcLine) {
      const srcCol = o - lineStarts[line];
      segs.push(vlq(col - prevCol) + vlq(0) + vlq(line - prevLine) + vlq(srcCol - prevSrcCol));
      prevCol = col;
      prevLine = line;
      prevSrcCol = srcCol;
      lastSrcLine = line;
    }
    if (ch === '\n') {
      lines.push(segs.join(','));
      segs = [];
      col = 0;
      prevCol = 0;
    } else {
      col++;
    }
  }
  lines.push(segs.join(','));
  return { version: 3, file, sources: [file], sourcesContent: [code], names: [], mappings: lines.join(';') };
}

/**
 * The tagged templates of one TypeScript module whose tag is `html`, `css` or `svg` imported from
 * 'lit' (nested ones included, outer first). `ts` is the `typescript` module. Each is
 * { kind, line, parts, ranges, skip }: `parts` the raw text of its static parts, `ranges` their
 * [start, end) offsets in `code`, `skip` why it must be left alone (else undefined).
 */
export function findLitTemplates(code, fileName, ts) {
  const sf = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  /** local name → html | css | svg, for the value imports from 'lit' */
  const tags = new Map();
  const litSpecifiers = new Set();
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || st.moduleSpecifier.text !== 'lit') continue;
    const clause = st.importClause;
    if (!clause || clause.isTypeOnly || !clause.namedBindings || !ts.isNamedImports(clause.namedBindings)) continue;
    for (const el of clause.namedBindings.elements) {
      const imported = (el.propertyName ?? el.name).text;
      if (el.isTypeOnly || !(imported in MINIFIERS)) continue;
      tags.set(el.name.text, imported);
      litSpecifiers.add(el);
    }
  }
  if (tags.size === 0) return [];

  // A tag name also declared elsewhere in the module (a parameter, a local…) might not be Lit's:
  // templates with that tag are left alone.
  const shadowed = new Set();
  const declares = (node) =>
    (ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isBindingElement(node) || ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) || ts.isClassDeclaration(node) || ts.isClassExpression(node) || ts.isImportSpecifier(node) ||
      ts.isImportClause(node) || ts.isNamespaceImport(node) || ts.isImportEqualsDeclaration(node) || ts.isEnumDeclaration(node)) &&
    node.name &&
    ts.isIdentifier(node.name) &&
    tags.has(node.name.text) &&
    !litSpecifiers.has(node);
  const findShadows = (node) => {
    if (declares(node)) shadowed.add(node.name.text);
    ts.forEachChild(node, findShadows);
  };
  findShadows(sf);

  const found = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && tags.has(node.tag.text)) {
      const t = node.template;
      const ranges = [];
      if (ts.isNoSubstitutionTemplateLiteral(t)) ranges.push([t.getStart(sf) + 1, t.end - 1]);
      else {
        ranges.push([t.head.getStart(sf) + 1, t.head.end - 2]);
        for (const span of t.templateSpans) {
          ranges.push([span.literal.getStart(sf) + 1, span.literal.end - (ts.isTemplateMiddle(span.literal) ? 2 : 1)]);
        }
      }
      const rawOk = ranges.every(([s, e], k) => {
        const last = k === ranges.length - 1;
        return code[s - 1] === (k === 0 ? '`' : '}') && code.slice(e, last ? e + 1 : e + 2) === (last ? '`' : '${');
      });
      let skip;
      if (shadowed.has(node.tag.text)) skip = `\`${node.tag.text}\` is also declared in this module`;
      else if (node.typeArguments) skip = 'type arguments on the tag';
      else if (!rawOk) skip = 'unexpected template literal positions';
      found.push({
        kind: tags.get(node.tag.text),
        line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
        parts: ranges.map(([s, e]) => code.slice(s, e)),
        ranges,
        skip,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/**
 * Minifies the Lit templates of one TypeScript module. `ts` is the `typescript` module. Returns
 * null when nothing changed, else { code, map }. `stats` (optional) collects counts: templates
 * seen, minified, unchanged, skipped ([{ where, kind, reason }]) and bytes saved.
 */
export function minifyTemplatesInSource(code, fileName, ts, stats = newStats()) {
  const edits = [];
  for (const t of findLitTemplates(code, fileName, ts)) {
    stats.seen++;
    const skip = (reason) => stats.skipped.push({ where: `${fileName}:${t.line}`, kind: t.kind, reason });
    if (t.skip) {
      skip(t.skip);
      continue;
    }
    let res;
    try {
      res = minifyParts(t.parts, MINIFIERS[t.kind]);
    } catch (e) {
      if (!(e instanceof TemplateMinifyError)) throw e;
      skip(e.message);
      continue;
    }
    let changed = false;
    res.parts.forEach((p, k) => {
      if (p === t.parts[k]) return;
      changed = true;
      const [start, end] = t.ranges[k];
      edits.push({ start, end, text: p, origin: res.origins[k].map((o) => o + start) });
      stats.bytesSaved += t.parts[k].length - p.length;
    });
    if (changed) stats.minified++;
    else stats.unchanged++;
  }
  if (edits.length === 0) return null;

  edits.sort((a, b) => a.start - b.start);
  const chunks = [];
  const origin = [];
  const anchors = new Set();
  let pos = 0;
  let outLen = 0;
  const keep = (s, e) => {
    chunks.push(code.slice(s, e));
    for (let k = s; k < e; k++) origin.push(k);
    outLen += e - s;
  };
  for (const ed of edits) {
    if (ed.start < pos) throw new Error(`overlapping template edits in ${fileName}`);
    keep(pos, ed.start);
    anchors.add(outLen);
    chunks.push(ed.text);
    origin.push(...ed.origin);
    outLen += ed.text.length;
    anchors.add(outLen);
    pos = ed.end;
  }
  keep(pos, code.length);
  const out = chunks.join('');
  return { code: out, map: sourceMap(code, out, origin, anchors, fileName) };
}

/** Empty counters for minifyTemplatesInSource. */
export function newStats() {
  return { seen: 0, minified: 0, unchanged: 0, skipped: [], bytesSaved: 0 };
}

/**
 * The Vite/rolldown plugin. `srcDir`: only .ts modules under it are transformed. With
 * `debug` (default: MINIFY_TEMPLATES_DEBUG set), prints the counts at the end of the build.
 */
export function minifyTemplates({ srcDir, debug = !!process.env.MINIFY_TEMPLATES_DEBUG } = {}) {
  if (!srcDir) throw new Error('minifyTemplates: srcDir is required');
  const dir = srcDir.replace(/\\/g, '/').replace(/\/$/, '') + '/';
  let ts;
  let stats = newStats();
  return {
    name: 'minify-lit-templates',
    enforce: 'pre',
    async buildStart() {
      ts ??= (await import('typescript')).default;
      stats = newStats();
    },
    transform(code, id) {
      const file = id.split('?')[0].replace(/\\/g, '/');
      if (!file.startsWith(dir) || !file.endsWith('.ts') || file.endsWith('.d.ts')) return null;
      if (!/from\s*['"]lit['"]/.test(code)) return null;
      return minifyTemplatesInSource(code, file.slice(dir.length - 4), ts, stats);
    },
    buildEnd() {
      if (!debug) return;
      const s = stats;
      console.log(
        `[minify-lit-templates] ${s.seen} templates: ${s.minified} minified, ${s.unchanged} already minimal, ` +
          `${s.skipped.length} left unchanged (could not parse); ${s.bytesSaved} source bytes saved`,
      );
      for (const k of s.skipped) console.log(`  left unchanged: ${k.kind}\`\` at ${k.where}: ${k.reason}`);
    },
  };
}
