import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', 'msw-storybook-addon'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // public/ holds mockServiceWorker.js (msw), served next to iframe.html.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  viteFinal(vite) {
    // Storybook's web-components renderer is served unbundled and imports Lit as plain modules; if
    // the dev server pre-bundled Lit for the elements, the page would run two Lit instances. Lit
    // and the Lit packages the elements use are plain ESM: serve them unbundled too.
    const lit = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/context'];
    vite.optimizeDeps ??= {};
    vite.optimizeDeps.exclude = [...(vite.optimizeDeps.exclude ?? []), ...lit];
    vite.optimizeDeps.include = (vite.optimizeDeps.include ?? []).filter((d) => !lit.some((l) => d === l || d.startsWith(`${l}/`)));
    return vite;
  },
};
export default config;
