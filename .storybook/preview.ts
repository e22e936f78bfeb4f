import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import manifest from '../custom-elements.json';

interface Member {
  name?: string;
  privacy?: string;
  static?: boolean;
}

/** The manifest lists private and protected members too; the docs tables show the public API only. */
function publicOnly(cem: typeof manifest): typeof manifest {
  const copy = structuredClone(cem) as { modules?: { declarations?: { members?: Member[] }[] }[] };
  for (const mod of copy.modules ?? []) {
    for (const decl of mod.declarations ?? []) {
      if (decl.members) {
        decl.members = decl.members.filter(
          (m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.static && !m.name?.startsWith('_'),
        );
      }
    }
  }
  return copy as typeof manifest;
}

setCustomElementsManifest(publicOnly(manifest));

const preview: Preview = {
  // The addon's default worker setup uses msw 2's `onUnhandledRequest`, which msw 3 renamed: start
  // it here. The worker script is served from `public/` (staticDirs), next to iframe.html, so a
  // relative URL also works when the built Storybook is hosted under a sub-path.
  loaders: [
    mswLoader(async () => {
      const worker = setupWorker();
      await worker.start({
        quiet: true,
        serviceWorker: { url: 'mockServiceWorker.js' },
        onUnhandledFrame: 'bypass',
      });
      return worker;
    }),
  ],
  parameters: {
    // Each story's data comes from msw handlers (`parameters.msw`) built on the demo backend.
    a11y: { test: 'error' },
    controls: { expanded: true },
    // Docs pages show every story of a component: each in its own frame, so that each gets its own
    // msw handlers and demo store (inline, they would share one set and one backend).
    docs: { story: { inline: false, iframeHeight: '640px' } },
  },
  tags: ['autodocs'],
};
export default preview;
