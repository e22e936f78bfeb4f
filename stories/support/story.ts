/**
 * Shared story types. Stories are CSF3 objects whose `render` returns a plain Lit template, so the
 * stories test can render them without Storybook.
 */
import { html } from 'lit';
import type { StoryBackend } from './handlers.js';

/** Arguments every element story takes (attributes of the base element). */
export interface CommonArgs {
  /** BCP 47 locale; empty follows the document. */
  locale: string;
  /** `light`, `dark`, or empty (follows the OS). */
  theme: '' | 'light' | 'dark';
}

/** What the stories test reads from `parameters.storyTest`. */
export interface StoryTestParameters {
  /** The story shows a load that never finishes: `aria-busy="true"` is expected, not waited out. */
  busy?: boolean;
}

/** `parameters` and `beforeEach` of a story served by `backend`. */
export function served(backend: StoryBackend, storyTest: StoryTestParameters = {}) {
  return {
    parameters: { msw: backend.handlers, storyTest },
    beforeEach: backend.reset,
  };
}

/**
 * A story decorator: the element in a column `width` pixels wide (a phone, a CRM's side panel),
 * where the elements stack their tables into cards.
 */
export function inColumn(width: number) {
  return (story: () => unknown) => html`<div style="width: ${width}px">${story()}</div>`;
}

/** For loading hooks a story overrides: a code fetch still under way (it never settles). */
export function stillLoading(): Promise<void> {
  return new Promise<void>(() => {});
}

/** For loading hooks a story overrides: a code fetch that failed, as the browser reports it. */
export function fetchFailed(): Promise<never> {
  return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
}
