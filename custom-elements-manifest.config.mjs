// `npm run analyze` → custom-elements.json (committed; CI fails when it is stale).

/**
 * The analyzer lists modules in the order the file system returns them, which differs between
 * machines (a clean clone in CI is not the checkout it was generated in). Sort modules by path and
 * keep their declarations in source order, so the manifest is the same everywhere.
 */
const sortModules = {
  name: 'pay-invoices-sort-modules',
  packageLinkPhase({ customElementsManifest }) {
    customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  },
};

export default {
  globs: ['src/elements/**/*.ts', 'src/collectors/sandbox/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
  plugins: [sortModules],
};
