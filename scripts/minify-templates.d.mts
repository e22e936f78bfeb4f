// Types of scripts/minify-templates.mjs, for the tests that import its pure functions.
import type * as TS from 'typescript';

/** Thrown for a template the minifier does not understand (the build leaves it unchanged). */
export class TemplateMinifyError extends Error {}

/** The minified static parts of a css`` template (raw source text), as many as given. */
export function minifyCssTemplate(parts: readonly string[]): string[];

/** The minified static parts of an html`` or svg`` template (raw source text), as many as given. */
export function minifyHtmlTemplate(parts: readonly string[]): string[];

export interface LitTemplate {
  kind: 'html' | 'css' | 'svg';
  /** 1-based line of the tag */
  line: number;
  /** the raw text of the static parts */
  parts: string[];
  /** [start, end) of each part in the module's text */
  ranges: [number, number][];
  /** why the build leaves it alone, if it does */
  skip: string | undefined;
}

/** The html``/css``/svg`` templates (tags imported from 'lit') of one TypeScript module. */
export function findLitTemplates(code: string, fileName: string, ts: typeof TS): LitTemplate[];

export interface MinifyStats {
  seen: number;
  minified: number;
  unchanged: number;
  skipped: { where: string; kind: string; reason: string }[];
  bytesSaved: number;
}

export function newStats(): MinifyStats;

/** The module with its templates minified and a source map, or null when nothing changed. */
export function minifyTemplatesInSource(
  code: string,
  fileName: string,
  ts: typeof TS,
  stats?: MinifyStats,
): { code: string; map: { version: 3; mappings: string; sources: string[] } } | null;

/** The Vite/rolldown plugin (scripts/build.mjs). */
export function minifyTemplates(options: { srcDir: string; debug?: boolean }): {
  name: string;
  enforce: 'pre';
};
