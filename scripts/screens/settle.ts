/**
 * Waits until the page stops changing, so two runs shoot the same pixels: every Lit element
 * (through shadow roots) rendered, images decoded, web fonts loaded, finite CSS transitions and
 * animations over (endless ones, such as an activity indicator, are left running), then two frames.
 */
import type { Page } from 'puppeteer-core';

export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const elements: Element[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        elements.push(element);
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document);
    await Promise.all(
      elements.map((element) => (element as Element & { updateComplete?: Promise<unknown> }).updateComplete),
    );
    await Promise.all(
      elements
        .filter((element): element is HTMLImageElement => element instanceof HTMLImageElement)
        .map((image) => image.decode().catch(() => undefined)),
    );
    await document.fonts.ready;
    const finite = document
      .getAnimations()
      .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}
