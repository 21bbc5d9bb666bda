// Records, in `window.bench`, when the username field first becomes interactive, and what the widget reports.
// Checked once per frame (requestAnimationFrame), through every shadow root, so it works for both widgets.
(function () {
  const bench = (window.bench = { interactiveAt: undefined, events: [], errors: [] });
  const USERNAME = 'input[autocomplete="username"], input[name="identifier"], input[name="username"]';

  function findAllDeep(root, selector) {
    const found = [...root.querySelectorAll(selector)];
    for (const element of root.querySelectorAll('*'))
      if (element.shadowRoot) found.push(...findAllDeep(element.shadowRoot, selector));
    return found;
  }

  function findDeep(root, selector) {
    return findAllDeep(root, selector)[0] || null;
  }

  function deepActiveElement() {
    let active = document.activeElement;
    while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
    return active;
  }

  // Visible, enabled and focusable: what a user needs to start typing.
  function interactive(input) {
    const box = input.getBoundingClientRect();
    const style = getComputedStyle(input);
    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || input.disabled || input.readOnly)
      return false;
    input.focus();
    return deepActiveElement() === input;
  }

  function check() {
    const input = findDeep(document, USERNAME);
    if (input && interactive(input)) bench.interactiveAt = performance.now();
    else requestAnimationFrame(check);
  }
  requestAnimationFrame(check);

  bench.record = (type, detail) => bench.events.push({ type, at: Date.now(), detail });
  window.addEventListener('error', (event) => bench.errors.push(String(event.message)));
  window.addEventListener('unhandledrejection', (event) => bench.errors.push(String(event.reason)));
  bench.findAllDeep = findAllDeep;
})();
