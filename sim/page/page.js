// The /sim/ page: renders /sim/api/state every second and lets a person play the virtual device:
// answer pushes, read each account's code, scan the QR code the widget shows, open activation links,
// switch each FastPass desktop app on or off, approve or deny with it, and open a FastPass link in it.
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

/** `key` names the button across refreshes, so keyboard focus stays on it when its table is redrawn. */
function button(label, key, onClick) {
  const b = el('button', label, { type: 'button', 'data-key': key });
  b.addEventListener('click', () => onClick().then(refresh));
  return b;
}

/**
 * Replaces a section's content, keeping focus on the same button or link if it is still there.
 * `unlessSame`: content equal to what is shown is left alone, so that a live region speaks only of a change.
 */
function render(id, content, { unlessSame = false } = {}) {
  if (unlessSame && $(id).firstChild?.isEqualNode(content)) return;
  const focused = document.activeElement?.closest(`#${id}`) ? document.activeElement.dataset.key : undefined;
  $(id).replaceChildren(content);
  if (focused)
    $(id)
      .querySelector(`[data-key="${CSS.escape(focused)}"]`)
      ?.focus();
}

function pushActions(push) {
  const cell = document.createElement('div');
  if (push.numberChallenge) {
    for (const n of push.choices ?? []) {
      cell.append(
        button(`Tap ${n}`, `tap:${push.id}:${n}`, () =>
          call('POST', `/sim/api/devices/${push.deviceId}/pushes/${push.id}`, { action: 'approve', number: n }),
        ),
      );
    }
  } else {
    cell.append(
      button('Approve', `approve:${push.id}`, () =>
        call('POST', `/sim/api/devices/${push.deviceId}/pushes/${push.id}`, { action: 'approve' }),
      ),
    );
  }
  cell.append(
    button('Deny', `deny:${push.id}`, () =>
      call('POST', `/sim/api/devices/${push.deviceId}/pushes/${push.id}`, { action: 'reject' }),
    ),
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

/** Each device's current Okta Verify code, as the app shows it: "123 456 · 17 s". */
async function codesOf(devices) {
  const codes = await Promise.all(
    devices.map(async (d) => {
      const { code, expiresIn } = await call('GET', `/sim/api/devices/${d.id}/totp`);
      return [d.id, code ? `${code.slice(0, 3)} ${code.slice(3)} · ${expiresIn} s` : ''];
    }),
  );
  return new Map(codes);
}

function outboxActions(message, index) {
  const cell = document.createElement('div');
  cell.append(
    button('Open on the virtual phone', `open:${index}`, () =>
      call('POST', '/sim/api/devices/enroll', { link: message.link }).then((answer) =>
        say(answer.deviceId ? `Okta Verify is set up (device ${answer.deviceId}).` : `Not set up: ${answer.error}`),
      ),
    ),
    el('a', 'Activation link', { href: message.link, 'data-key': `link:${index}` }),
  );
  return cell;
}

/** What the desktop app's loopback server does now: the port shows once a FastPass sign-in advertised it. */
function loopbackText({ on, port }) {
  if (on) return port ? `listening on port ${port}` : 'on (it listens from the first FastPass sign-in)';
  return port ? `off: port ${port} refuses probes` : 'off';
}

function desktopActions(device, app) {
  const cell = document.createElement('div');
  const name = `the desktop app of ${device.id}`;
  cell.append(
    button(app.on ? 'Switch off' : 'Switch on', `desktop-on:${device.id}`, () =>
      call('POST', `/sim/api/devices/${device.id}/desktop`, { on: !app.on }).then((answer) =>
        say(answer.error ? `Not changed: ${answer.error}` : `Okta Verify: ${name} is ${answer.on ? 'on' : 'off'}.`),
      ),
    ),
    button(app.deny ? 'Approve sign-ins' : 'Deny sign-ins', `desktop-deny:${device.id}`, () =>
      call('POST', `/sim/api/devices/${device.id}/desktop`, { deny: !app.deny }).then((answer) =>
        say(
          answer.error
            ? `Not changed: ${answer.error}`
            : `Okta Verify: with ${name}, the user ${answer.deny ? 'denies' : 'approves'} sign-ins.`,
        ),
      ),
    ),
  );
  return cell;
}

const LINK_KINDS = { CUSTOM_URI: 'custom URI', UNIVERSAL_LINK: 'universal link', APP_LINK: 'app link' };

/** One button per device that may answer: the operating system hands it the link the sign-in page opened. */
function openActions(challenge) {
  const cell = document.createElement('div');
  const several = challenge.deviceIds.length > 1;
  for (const deviceId of challenge.deviceIds) {
    cell.append(
      button(
        several ? `Open in Okta Verify on ${deviceId}` : 'Open in Okta Verify',
        `fastpass-open:${challenge.id}:${deviceId}`,
        () =>
          call('POST', `/sim/api/devices/${deviceId}/open`, { href: challenge.href }).then((answer) =>
            say(
              answer.error
                ? `Not opened: ${answer.error}`
                : `Okta Verify ${answer.result === 'denied' ? 'denied' : 'confirmed'} the sign-in.`,
            ),
          ),
      ),
    );
  }
  return cell;
}

async function refresh() {
  const state = await call('GET', '/sim/api/state');
  const codes = await codesOf(state.users.flatMap((u) => u.devices));
  render(
    'users',
    table(
      ['Login', 'Methods', 'Number challenge', 'Okta Verify devices', 'Current code', 'Locked out'],
      state.users.map((u) => [
        u.login,
        u.methods.join(', '),
        u.numberChallenge ? 'yes' : 'no',
        u.devices.map((d) => d.id).join(', ') || 'not enrolled',
        u.devices.map((d) => codes.get(d.id)).join(', '),
        u.lockedOut ? 'yes' : 'no',
      ]),
    ),
  );
  render('pushes', table(['Push', 'User', 'Expires in', 'On the phone'], await pendingPushes(state)));
  render(
    'desktop',
    table(
      ['Device', 'User', 'Loopback server', 'Sign-ins', 'Desktop app'],
      state.users.flatMap((u) =>
        u.devices
          .filter((d) => d.desktop)
          .map((d) => [
            `${d.name} (${d.id})`,
            u.login,
            loopbackText(d.desktop),
            d.desktop.deny ? 'the user denies' : 'the user approves',
            desktopActions(d, d.desktop),
          ]),
      ),
    ),
  );
  render(
    'fastpass',
    table(
      ['User', 'Sent as', 'On this computer'],
      state.fastPass.map((c) => [
        c.login ?? '(any user: before identify)',
        LINK_KINDS[c.method] ?? c.method,
        openActions(c),
      ]),
    ),
    // A live region: no countdown in it, and redrawn only when a link comes or goes.
    { unlessSame: true },
  );
  render(
    'transactions',
    table(
      ['User', 'Step', 'Started', 'Expires in'],
      state.transactions.map((t) => [t.login ?? '(not identified)', t.step, t.createdAt, `${t.expiresInSeconds} s`]),
    ),
  );
  render(
    'outbox',
    table(
      ['Channel', 'To', 'Sent', 'Link'],
      state.outbox.map((m, index) => [
        m.channel,
        m.to,
        new Date(m.sentAt).toLocaleTimeString(),
        outboxActions(m, index),
      ]),
    ),
  );
}

/** The result of the last action, in the page's status line. */
function say(text) {
  $('result').textContent = text;
}

/** Okta Verify's camera: the QR image (a PNG data: URI) goes to the virtual device, which decodes it. */
async function scan(dataUri) {
  const answer = await call('POST', '/sim/api/devices/enroll', { qr: dataUri });
  say(answer.deviceId ? `Scanned: Okta Verify is set up (device ${answer.deviceId}).` : `Not scanned: ${answer.error}`);
  await refresh();
}

function readAsDataUri(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.addEventListener('load', () => resolve(String(reader.result)));
    reader.addEventListener('error', () => reject(reader.error));
    reader.readAsDataURL(file);
  });
}

/** A pasted image (Copy image on the sign-in page's QR code) is scanned at once; pasted text waits for Scan. */
$('qr-text').addEventListener('paste', (event) => {
  const image = [...(event.clipboardData?.files ?? [])].find((f) => f.type.startsWith('image/'));
  if (!image) return;
  event.preventDefault();
  void readAsDataUri(image).then(scan);
});
$('qr-file').addEventListener('change', () => {
  const [file] = $('qr-file').files;
  if (file) void readAsDataUri(file).then(scan);
});
$('qr-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = $('qr-text').value.trim();
  if (text) void scan(text);
  else say('Paste the QR image, or its data: URI, first.');
});

$('issuer').textContent = `${location.origin}/oauth2/default`;
$('reset').addEventListener('click', () => call('POST', '/sim/api/reset').then(refresh));
refresh();
setInterval(() => refresh().catch(() => {}), 1000);
