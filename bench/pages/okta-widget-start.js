// Starts the Okta Sign-In Widget (loaded by the page) against the simulator named in the query string;
// `bench.mount()` / `bench.unmount()` again for the memory figure (`remove()` is the widget's own teardown).
const params = new URLSearchParams(location.search);
let signIn;

function mount() {
  signIn = new window.OktaSignIn({
    issuer: params.get('issuer'),
    clientId: params.get('clientId'),
    redirectUri: `${location.origin}/callback`,
    useInteractionCodeFlow: true,
    // The .oie bundle refuses to start unless the option says false outright (undefined is refused too).
    useClassicEngine: false,
  });
  signIn.on('afterError', (_context, error) => window.bench.record('afterError', String(error && error.message)));
  signIn.on('afterRender', (context) => window.bench.record('afterRender', context && context.formName));
  signIn
    .showSignIn({ el: '#host' })
    .then(() => window.bench.record('success'))
    .catch((error) => window.bench.record('error', String(error && error.message)));
}

function unmount() {
  signIn.remove();
  signIn = undefined;
  document.getElementById('host').replaceChildren();
}

window.bench.mount = mount;
window.bench.unmount = unmount;
mount();
