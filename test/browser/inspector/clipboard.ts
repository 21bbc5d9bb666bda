/** What the page wrote to the system clipboard, pasted back by a real Control+V (test/browser/support/clipboard.ts). */
export { readClipboard } from '../support/clipboard.js';
