import { common } from './common.js';
import type { Catalog } from '../index.js';

/** English, the reference catalog. Each element's messages live in their own file. */
export const en: Catalog = {
  ...common,
};
