import { setupDemo } from './setup.js';
void setupDemo('contact');
