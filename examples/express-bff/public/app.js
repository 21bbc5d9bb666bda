// What the page does once the user is signed in: greet them with what the server shared, then ask
// the server (its own session, its own cookie) who is signed in.
const hello = document.getElementById('hello');
const session = document.getElementById('session');

async function showSession() {
  const me = await (await fetch('/api/me')).json();
  if (!me.signedIn) return;
  const until = new Date(me.accessTokenExpiresAt * 1000).toLocaleTimeString();
  session.textContent = `The server holds ${me.email}'s tokens (the access token is valid until ${until}); this page has none.`;
}

document.querySelector('ov-signin').addEventListener('ov-success', (event) => {
  // In server mode `detail.tokens` is undefined; `detail.shared` is what the server's onSuccess returned.
  const { shared } = event.detail;
  hello.textContent = `Hello ${shared.name || shared.email}.`;
  void showSession();
});

void showSession();
