// `npm run analyze` → custom-elements.json (committed; CI fails when it is stale).
export default {
  globs: ['src/elements/**/*.ts', 'src/collectors/sandbox/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
};
