import { setupDemo } from './setup.js';
void setupDemo('worker');
