// What the second user's widget tells its page, read by the test through puppeteer.
window.steps = [];
window.success = undefined;
document.addEventListener('ov-step', (event) => window.steps.push(event.detail.step.name));
document.addEventListener('ov-success', (event) => {
  window.success = { tokens: event.detail.tokens ?? null, shared: event.detail.shared ?? null };
});
