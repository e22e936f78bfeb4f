// Small statistics and formatting helpers for bench/run.mjs.

/** Median of a list of numbers (NaN for an empty list). */
export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return Number.NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Median, min, max and the raw samples, rounded for the JSON file. */
export function summary(values) {
  const finite = values.filter((x) => Number.isFinite(x));
  const round = (x) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : null);
  return {
    median: round(median(finite)),
    min: round(finite.length ? Math.min(...finite) : Number.NaN),
    max: round(finite.length ? Math.max(...finite) : Number.NaN),
    samples: finite.map(round),
  };
}

export function ratio(ours, baseline) {
  if (!Number.isFinite(ours) || !Number.isFinite(baseline) || baseline === 0) return Number.NaN;
  return ours / baseline;
}

/** A value in its unit, for the table. */
export function fmt(value, unit) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'ms':
      return value >= 100 ? `${value.toFixed(0)} ms` : value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(2)} ms`;
    case 'bytes': {
      const mb = value / (1024 * 1024);
      return Math.abs(mb) >= 1 ? `${mb.toFixed(1)} MB` : `${(value / 1024).toFixed(0)} KB`;
    }
    case 'nodes':
      return Math.round(value).toLocaleString('en-US');
    default:
      return String(value);
  }
}

export function fmtRatio(r) {
  if (!Number.isFinite(r)) return '—';
  return r >= 10 ? `${r.toFixed(0)}×` : r >= 0.1 ? `${r.toFixed(2)}×` : `${r.toFixed(3)}×`;
}

/** A plain-text table with padded columns. */
export function textTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A Markdown table (pipes in cells escaped). */
export function markdownTable(header, rows) {
  // Element names in backticks, or Markdown renders `<invoice-list>` as an (invisible) tag.
  const esc = (c) => String(c).replaceAll('|', '\\|').replace(/<([a-z]+-[a-z-]+)>/g, '`<$1>`');
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}
