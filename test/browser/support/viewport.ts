/** The viewport in CSS pixels, in every engine (test/support/screenshot-plugin.mjs). */
import { executeServerCommand } from '@web/test-runner-commands';

export function setViewport(size: { width: number; height: number }): Promise<boolean> {
  return executeServerCommand<boolean, { width: number; height: number }>('viewport', size);
}
