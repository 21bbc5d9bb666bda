// The demo page: the widget against the local simulator (or an org given in the URL), the phone
// panel beside it, and a log of the widget's events. Tokens are never shown, only who signed in.
import '../src/define.ts';
import './phone/demo-phone.ts';
// The flow inspector (the `ov-signin/inspector` entry): a timeline of steps, requests, polls and events.
import '../src/inspector/index.ts';
import type { OvSignin } from '../src/index.ts';
import { ControlApi } from 'ov-sim/client';
import { bindThemeControls } from './theme-controls.ts';

const DEMO_USERS: Array<[login: string, shows: string]> = [
  ['enroll@example.com', 'Enrolment in Okta Verify: QR code, or an activation link by email or SMS'],
  ['push@example.com', 'Push notification, or a code from the app'],
  ['number@example.com', 'Push with number challenge'],
  ['totp@example.com', 'Code from the app only'],
  ['fastpass@example.com', 'Okta FastPass: Okta Verify on this computer, its desktop app on the phone panel'],
];

const params = new URLSearchParams(location.search);
const simUrl = __OV_SIM_URL__;
const signin = document.querySelector<OvSignin>('#signin')!;
signin.issuer = params.get('issuer') ?? `${simUrl}/oauth2/default`;
signin.clientId = params.get('client-id') ?? 'ov-demo';
signin.redirectUri = `${location.origin}/login/callback`;
bindThemeControls(document.querySelector<HTMLFormElement>('#appearance')!, signin);

document.querySelector('#org')!.textContent = params.has('issuer')
  ? signin.issuer
  : `a local Okta org simulator (${simUrl})`;
document.querySelector('#password')!.textContent = 'Ov-Demo-2026!';
document.querySelector('#users')!.replaceChildren(
  ...DEMO_USERS.map(([login, shows]) => {
    const row = document.createElement('tr');
    for (const text of [login, shows]) row.insertCell().textContent = text;
    return row;
  }),
);

/** What a camera would see: the QR image inside the widget's shadow roots. */
function findQr(root: Document | ShadowRoot = document): string | undefined {
  const img = root.querySelector<HTMLImageElement>('img[part="qr"]');
  if (img) return img.src;
  for (const host of root.querySelectorAll('*')) {
    const found = host.shadowRoot && findQr(host.shadowRoot);
    if (found) return found;
  }
  return undefined;
}

const sim = new ControlApi(simUrl);
const phone = document.querySelector('demo-phone')!;
phone.client = sim;
phone.findQr = () => findQr();

const events = document.querySelector('#events')!;
function log(text: string): void {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  events.prepend(item);
}

const again = document.querySelector<HTMLButtonElement>('#again')!;
signin.addEventListener('ov-step', (e) => log(`ov-step ${e.detail.step.name}`));
signin.addEventListener('ov-success', (e) => {
  const claims = e.detail.tokens?.idToken?.claims;
  log(`ov-success: signed in as ${claims?.name ?? ''} <${claims?.email ?? ''}>`);
  again.hidden = false;
});
signin.addEventListener('ov-terminal', (e) => log(`ov-terminal: ${e.detail.messages.map((m) => m.text).join(' ')}`));
signin.addEventListener('ov-error', (e) => log(`ov-error ${e.detail.problem.code}: ${e.detail.problem.message}`));
signin.addEventListener('ov-cancel', () => log('ov-cancel'));
again.addEventListener('click', () => {
  again.hidden = true;
  signin.controller.restart();
});

const inspector = document.querySelector('ov-flow-inspector')!;
const inspectorToggle = document.querySelector<HTMLButtonElement>('#inspector-toggle')!;
function showInspector(shown: boolean): void {
  inspector.hidden = !shown;
  inspectorToggle.setAttribute('aria-expanded', String(shown));
  inspectorToggle.textContent = shown ? 'Hide the flow inspector' : 'Show the flow inspector';
}
inspectorToggle.addEventListener('click', () => showInspector(inspector.hidden));
showInspector(params.has('inspector'));
// The inspector takes the widget's theme (set by the appearance controls just before).
document.querySelector('#appearance')!.addEventListener('change', () => (inspector.theme = signin.theme));

const simPage = document.querySelector<HTMLAnchorElement>('#sim-page')!;
simPage.href = `${simUrl}/sim/`;
// A reset forgets every transaction, the widget's too: against the simulator, start a fresh sign-in
// rather than leave a screen whose next click can only say "This sign-in has expired".
document.querySelector('#reset')!.addEventListener(
  'click',
  () =>
    void sim.reset().then(() => {
      log('simulator reset');
      if (params.has('issuer')) return;
      again.hidden = true;
      signin.controller.restart();
    }),
);
