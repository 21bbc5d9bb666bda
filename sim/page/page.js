// The /sim/ page: renders /sim/api/state every second and lets a person play the virtual device.
// Built with DOM calls and textContent only, so nothing the server holds is ever parsed as HTML.

const $ = (id) => document.getElementById(id);

function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = String(text);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}

function table(headings, rows) {
  if (!rows.length) return el('p', 'None.', { class: 'empty' });
  const t = el('table');
  const head = t.createTHead().insertRow();
  for (const h of headings) head.append(el('th', h, { scope: 'col' }));
  const body = t.createTBody();
  for (const cells of rows) {
    const row = body.insertRow();
    for (const cell of cells) {
      const td = row.insertCell();
      td.append(cell instanceof Node ? cell : document.createTextNode(String(cell)));
    }
  }
  return t;
}

async function call(method, path, body) {
  // The control API takes changes only as JSON (sim/http/request-guard.ts).
  const change = method !== 'GET';
  const response = await fetch(path, {
    method,
    headers: change ? { 'Content-Type': 'application/json' } : {},
    body: change ? JSON.stringify(body ?? {}) : undefined,
  });
  return response.json();
}

function button(label, onClick) {
  const b = el('button', label, { type: 'button' });
  b.addEventListener('click', () => onClick().then(refresh));
  return b;
}

function pushActions(push) {
  const cell = document.createElement('div');
  if (push.numberChallenge) {
    for (const n of push.choices ?? []) {
      cell.append(
        button(`Tap ${n}`, () =>
          call('POST', `/sim/api/devices/${push.deviceId}/pushes/${push.id}`, { action: 'approve', number: n }),
        ),
      );
    }
  } else {
    cell.append(
      button('Approve', () =>
        call('POST', `/sim/api/devices/${push.deviceId}/pushes/${push.id}`, { action: 'approve' }),
      ),
    );
  }
  cell.append(
    button('Deny', () => call('POST', `/sim/api/devices/${push.deviceId}/pushes/${push.id}`, { action: 'reject' })),
  );
  return cell;
}

async function pendingPushes(state) {
  const rows = [];
  for (const push of state.pushes) {
    const deviceId = push.deviceIds[0];
    const { pushes } = await call('GET', `/sim/api/devices/${deviceId}/pushes`);
    const detail = pushes.find((p) => p.id === push.id) ?? {};
    rows.push([
      push.id,
      detail.login ?? '',
      `${push.expiresInSeconds} s`,
      pushActions({ ...push, ...detail, deviceId }),
    ]);
  }
  return rows;
}

async function refresh() {
  const state = await call('GET', '/sim/api/state');
  $('users').replaceChildren(
    table(
      ['Login', 'Methods', 'Number challenge', 'Okta Verify devices', 'Locked out'],
      state.users.map((u) => [
        u.login,
        u.methods.join(', '),
        u.numberChallenge ? 'yes' : 'no',
        u.devices.map((d) => d.id).join(', ') || 'not enrolled',
        u.lockedOut ? 'yes' : 'no',
      ]),
    ),
  );
  $('pushes').replaceChildren(table(['Push', 'User', 'Expires in', 'On the phone'], await pendingPushes(state)));
  $('transactions').replaceChildren(
    table(
      ['User', 'Step', 'Started', 'Expires in'],
      state.transactions.map((t) => [t.login ?? '(not identified)', t.step, t.createdAt, `${t.expiresInSeconds} s`]),
    ),
  );
  $('outbox').replaceChildren(
    table(
      ['Channel', 'To', 'Sent', 'Link'],
      state.outbox.map((m) => [
        m.channel,
        m.to,
        new Date(m.sentAt).toLocaleTimeString(),
        el('a', 'Activation link', { href: m.link }),
      ]),
    ),
  );
}

$('issuer').textContent = `${location.origin}/oauth2/default`;
$('reset').addEventListener('click', () => call('POST', '/sim/api/reset').then(refresh));
refresh();
setInterval(() => refresh().catch(() => {}), 1000);
