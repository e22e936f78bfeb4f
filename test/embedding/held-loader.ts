import type { ElementLoader } from '../../src/elements/element-loader.js';

/** A stand-in for an element's on-demand fetch, held until the test says how it ends. */
export interface HeldLoader {
  loader: ElementLoader;
  /** How many times the element asked for its code. */
  calls: () => number;
  /** Lets the fetch finish: `fetchClass` then runs (the real dynamic import). */
  release: () => void;
  /** Fails the fetch as a browser does when a chunk cannot be downloaded. */
  fail: () => void;
}

/** The error a browser rejects `import()` with when a chunk cannot be downloaded. */
export const chunkFetchError = (): TypeError => new TypeError('Failed to fetch dynamically imported module');

export function heldLoader(fetchClass: () => Promise<CustomElementConstructor>): HeldLoader {
  let calls = 0;
  let release!: () => void;
  let fail!: () => void;
  const gate = new Promise<void>((resolve, reject) => {
    release = resolve;
    fail = () => reject(chunkFetchError());
  });
  gate.catch(() => {}); // failing before anyone waits is not an unhandled rejection
  const loader: ElementLoader = async () => {
    calls++;
    await gate;
    return fetchClass();
  };
  return { loader, calls: () => calls, release, fail };
}
