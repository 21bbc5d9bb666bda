/** What the page wrote to the system clipboard (read by the test server: test/support/clipboard-plugin.mjs). */
import { executeServerCommand } from '@web/test-runner-commands';

export function readClipboard(): Promise<string> {
  return executeServerCommand<string, undefined>('read-clipboard');
}
