/**
 * Waits until the animations and transitions that can end have ended on the page and in every shadow
 * root under it: document.getAnimations() does not see those inside shadow roots, where the widget's
 * buttons fade. Infinite ones (a spinner) are left running.
 */
function shadowRootsUnder(root: Node): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const visit = (node: Node) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT);
    for (let element = walker.nextNode() as Element | null; element; element = walker.nextNode() as Element | null) {
      if (element.shadowRoot) {
        roots.push(element.shadowRoot);
        visit(element.shadowRoot);
      }
    }
  };
  if (root instanceof Element && root.shadowRoot) {
    roots.push(root.shadowRoot);
    visit(root.shadowRoot);
  }
  visit(root);
  return roots;
}

function finite(animation: Animation): boolean {
  return Number.isFinite(animation.effect?.getComputedTiming().endTime ?? Infinity);
}

/** Resolves once nothing under `root` (its document by default) is mid-animation; ones that start meanwhile are awaited too. */
export async function animationsFinished(root: Node = document): Promise<void> {
  const doc = root.ownerDocument ?? (root as Document);
  for (;;) {
    // getAnimations() flushes styles first, so a transition a pending style change starts is included.
    const running = [doc, ...shadowRootsUnder(root)]
      .flatMap((scope) => scope.getAnimations())
      .filter((animation) => animation.playState !== 'finished' && animation.playState !== 'idle' && finite(animation));
    if (running.length === 0) return;
    await Promise.all(running.map((animation) => animation.finished.catch(() => undefined)));
  }
}
