/**
 * The engine's real clipboard, through its real copy and paste (Control+C, Control+V pressed by the
 * test runner): a synthetic ClipboardEvent carries no data in Firefox, and reading the clipboard
 * through navigator.clipboard needs a permission or a prompt that differs in each engine.
 */
import { executeServerCommand } from '@web/test-runner-commands';

const press = (key: 'a' | 'c' | 'v') => executeServerCommand<boolean, string>('shortcut', key);

/** A scratch text area on the top page, focused, removed after `use`. */
async function withScratch<T>(use: (area: HTMLTextAreaElement) => Promise<T>): Promise<T> {
  const area = document.createElement('textarea');
  area.style.cssText = 'position: fixed; top: 0; left: 0; width: 10em; height: 2em;';
  document.body.append(area);
  try {
    area.focus();
    return await use(area);
  } finally {
    area.remove();
  }
}

/** Puts `text` on the clipboard by copying it from a scratch text area. */
export async function copyText(text: string): Promise<void> {
  const active = document.activeElement as HTMLElement | null;
  await withScratch(async (area) => {
    area.value = text;
    area.select();
    await press('c');
  });
  active?.focus();
}

/** What the clipboard holds, pasted into a scratch text area. */
export function readClipboard(): Promise<string> {
  return withScratch(async (area) => {
    await press('v');
    return area.value;
  });
}

/** Pastes `text` into `target` as a user would: copied to the clipboard, then Control+V in `target`. */
export async function pasteInto(target: HTMLElement, text: string): Promise<void> {
  await copyText(text);
  target.focus();
  await press('v');
}
