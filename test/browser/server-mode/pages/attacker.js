// Each way another site could try to use the victim's session; the outcome as this page sees it
// goes to the parent. Query: `target` (the API's base URL), `token` (a stolen CSRF token).
const params = new URLSearchParams(location.search);
const target = params.get('target');
const token = params.get('token');

async function outcome(attempt) {
  try {
    const response = await attempt();
    return response.type === 'opaque' ? 'opaque' : `status ${response.status}`;
  } catch (error) {
    return `failed: ${error.name}`;
  }
}

function submitForm() {
  return new Promise((resolve) => {
    const sink = document.querySelector('iframe');
    sink.addEventListener('load', () => resolve('submitted'), { once: true });
    const form = Object.assign(document.createElement('form'), {
      method: 'POST',
      action: `${target}/cancel`,
      target: 'sink',
      enctype: 'text/plain',
    });
    form.append(Object.assign(document.createElement('input'), { type: 'hidden', name: '{"a":"', value: '"}' }));
    document.body.append(form);
    form.submit();
  });
}

const results = {
  // The classic: a "simple" POST that needs no preflight, with the user's cookies if the browser sends them.
  simplePost: await outcome(() =>
    fetch(`${target}/cancel`, {
      method: 'POST',
      mode: 'no-cors',
      credentials: 'include',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    }),
  ),
  // As the widget would send it, stolen token and all: needs a CORS preflight, which is never granted.
  jsonPost: await outcome(() =>
    fetch(`${target}/cancel`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', 'x-ov-csrf': token },
      body: '{}',
    }),
  ),
  // Reading the CSRF token: the GET goes out, its answer cannot be read here.
  readToken: await outcome(() => fetch(`${target}/session`, { credentials: 'include' })),
  form: await submitForm(),
};
parent.postMessage({ attacker: results }, '*');
