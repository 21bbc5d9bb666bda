/** Real input, as a user gives it: mouse clicks at an element's centre and typed keys (CDP input events). */
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { boxInTopPage } from './screen.js';

export async function click(element: Element): Promise<void> {
  element.scrollIntoView({ block: 'center' });
  const box = boxInTopPage(element);
  if (box.width === 0 || box.height === 0) throw new Error(`cannot click <${element.localName}>: it is not visible`);
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

/** Clicks into a field and types, as a user fills it in. */
export async function fillIn(input: HTMLInputElement, text: string): Promise<void> {
  await click(input);
  await sendKeys({ type: text });
}

export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

export async function type(text: string): Promise<void> {
  await sendKeys({ type: text });
}
