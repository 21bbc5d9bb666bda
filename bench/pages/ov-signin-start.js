// Mounts <ov-signin> against the simulator named in the query string; `bench.mount()` / `bench.unmount()` again for the memory figures.
const params = new URLSearchParams(location.search);

function mount() {
  const widget = document.createElement('ov-signin');
  widget.setAttribute('issuer', params.get('issuer'));
  widget.setAttribute('client-id', params.get('clientId'));
  widget.setAttribute('redirect-uri', `${location.origin}/callback`);
  // Okta's first step on screen: from here a submit goes out at once (before it, it is held).
  widget.addEventListener('ov-step', () => (window.bench.firstStepAt ??= performance.now()), { once: true });
  for (const type of ['ov-step', 'ov-success', 'ov-terminal', 'ov-error']) {
    widget.addEventListener(type, (event) =>
      window.bench.record(type, type === 'ov-step' ? event.detail.step?.name : undefined),
    );
  }
  document.getElementById('host').append(widget);
  return widget;
}

window.bench.mount = mount;
window.bench.unmount = () => document.querySelectorAll('ov-signin').forEach((widget) => widget.remove());
mount();
