/**
 * <ov-flow-inspector> during an Okta Verify push sign-in against the simulator: its timeline matches
 * what happened (steps, the simulator's own request log, polls, events), its copied JSON has every
 * secret masked, and it passes aXe.
 */
import { aTimeout, expect } from '@open-wc/testing';
import { startFresh, PASSWORD } from '../e2e/support/widget.js';
import { verifyWithOktaVerify } from '../e2e/support/steps.js';
import { button, eventually, screenTitled, textOf } from '../e2e/support/screen.js';
import { click } from '../e2e/support/user.js';
import { VirtualDevice } from '../e2e/support/virtual-device.js';
import { expectSignedIn } from '../e2e/support/expectations.js';
import { requestsSince } from '../e2e/support/control-api.js';
import { MASK } from '../../../src/inspector/mask.js';
import type { TimelineReport } from '../../../src/inspector/entries.js';
import { SecretCollector, entriesOf, mountInspected, requestsOf } from './support.js';
import type { Inspected } from './support.js';
import { readClipboard } from './clipboard.js';

const LOGIN = 'push@example.com';

describe('ov-flow-inspector: a push sign-in', () => {
  let secrets: SecretCollector;
  let mounted: Inspected;

  before(async () => {
    await startFresh();
    secrets = new SecretCollector().install();
    mounted = await mountInspected();
    await verifyWithOktaVerify(mounted, LOGIN, 'Get a push notification');
    await screenTitled(mounted.widget, 'Get a push notification');
    const device = await VirtualDevice.of(LOGIN);
    const push = await device.nextPush();
    // Long enough for a few polls (300 ms apart in the simulator's TESTING settings).
    await aTimeout(1200);
    expect(await device.approve(push)).to.equal('approved');
    await expectSignedIn(mounted, LOGIN);
    // The code exchange's answer is recorded a moment after ov-success.
    await eventually(
      () =>
        requestsOf(mounted.inspector).some((r) => r.path.endsWith('/v1/token')) &&
        requestsOf(mounted.inspector).every((r) => r.status !== undefined),
      'every request answered',
    );
  });

  after(() => {
    secrets.uninstall();
    mounted.remove();
  });

  it('records each step with its status and the remediations of the answer behind it', () => {
    const steps = entriesOf(mounted.inspector, 'step');
    expect(
      steps.map((s) => s.name),
      'one entry per ov-step',
    ).to.deep.equal(mounted.stepNames());
    const byName = new Map(steps.map((s) => [s.name, s]));
    expect(byName.get('identify')!.status).to.equal('waiting');
    expect(byName.get('identify')!.remediations).to.include('identify');
    expect(byName.get('challenge-poll')!.status).to.equal('polling');
    expect(byName.get('challenge-poll')!.authenticator).to.equal('Okta Verify');
    expect(byName.get('challenge-poll')!.remediations).to.include('challenge-poll');
    expect(byName.get('success')!.status).to.equal('success');
    expect(byName.get('success')!.remediations).to.deep.equal(['successWithInteractionCode']);
  });

  it('records every request the simulator answered, in order, with its status and duration', async () => {
    // okta-auth-js fetches the key set to check the ID token when it has none cached, sometimes
    // after ov-success: left out of the comparison.
    const isKeySet = (path: string) => path.endsWith('/v1/keys');
    const recorded = requestsOf(mounted.inspector).filter((r) => !isKeySet(r.path));
    const served = (await requestsSince(0)).filter((r) => r.method !== 'OPTIONS' && !isKeySet(r.path));
    expect(recorded.map((r) => `${r.method} ${r.path.split('?')[0]} ${r.status}`)).to.deep.equal(
      served.map((r) => `${r.method} ${r.path} ${r.status}`),
    );
    for (const request of recorded) {
      expect(request.duration, `${request.path}: duration`).to.be.a('number').and.at.least(0).and.below(5000);
    }
    const paths = recorded.map((r) => r.path);
    expect(paths).to.include.members([
      '/oauth2/default/v1/interact',
      '/idp/idx/introspect',
      '/idp/idx/identify',
      '/oauth2/default/v1/token',
    ]);
    const identify = recorded.find((r) => r.path === '/idp/idx/identify')!;
    expect(identify.remediations, 'an IDX answer names its remediations').to.include(
      'select-authenticator-authenticate',
    );
  });

  it('records each poll: its request is flagged, the last one brought the success', () => {
    const polls = entriesOf(mounted.inspector, 'poll');
    expect(polls.length, 'polls while the push waited').to.be.at.least(3);
    expect(polls.map((p) => p.count)).to.deep.equal(polls.map((_, i) => i + 1));
    expect(polls.every((p) => p.step === 'challenge-poll')).to.equal(true);
    expect(polls.slice(0, -1).map((p) => p.outcome)).to.satisfy((outcomes: string[]) =>
      outcomes.every((o) => o === 'no change'),
    );
    expect(polls.at(-1)!.outcome).to.equal('new step: success');
    // A poll turn's requests: the poll itself, and the code exchange when it brought the success.
    const pollRequests = requestsOf(mounted.inspector).filter((r) => r.poll);
    expect(pollRequests.filter((r) => r.path.endsWith('/poll'))).to.have.length(polls.length);
    expect(pollRequests.filter((r) => !r.path.endsWith('/poll')).map((r) => r.path)).to.include(
      '/oauth2/default/v1/token',
    );
  });

  it('records the events fired, naming the tokens without their values', () => {
    const events = entriesOf(mounted.inspector, 'event');
    expect(events.map((e) => e.type)).to.deep.equal(['ov-success']);
    expect(events[0]!.detail).to.have.property('status', 'SUCCESS');
    expect(events[0]!.detail!.tokens).to.have.members(['idToken', 'accessToken']);
  });

  it('copies the timeline as JSON with every password, code, token and state handle masked', async () => {
    await click(button(mounted.inspector, 'Copy as JSON'));
    await eventually(() => textOf(mounted.inspector).includes('Copied'), 'the copy is confirmed');
    const copied = await readClipboard();
    const report = JSON.parse(copied) as TimelineReport;
    expect(report.tool).to.equal('ov-flow-inspector');
    expect(report.entries).to.deep.equal(JSON.parse(JSON.stringify(mounted.inspector.timeline.entries)));
    expect(textOf(mounted.inspector)).to.contain(`Copied ${report.entries.length} entries as JSON.`);

    expect(secrets.secrets.size, 'the flow did carry secrets').to.be.at.least(6);
    const leaked = [PASSWORD, ...secrets.secrets].filter((secret) => copied.includes(secret));
    expect(leaked, 'secrets in the copied JSON').to.deep.equal([]);

    const identify = report.entries.find((e) => e.kind === 'request' && e.path === '/idp/idx/identify');
    expect(identify).to.deep.include({
      request: { identifier: LOGIN, credentials: { passcode: MASK }, stateHandle: MASK },
    });
    const token = report.entries.find((e) => e.kind === 'request' && e.path === '/oauth2/default/v1/token');
    expect(token).to.have.nested.property('request.interaction_code', MASK);
    expect(token).to.have.nested.property('request.code_verifier', MASK);
    expect(token).to.have.nested.property('response.access_token', MASK);
    expect(token).to.have.nested.property('response.id_token', MASK);
    expect(token).to.have.nested.property('response.token_type', 'Bearer');
  });

  it('shows the timeline as text and passes aXe', async () => {
    const text = textOf(mounted.inspector);
    expect(text).to.match(/POST \/idp\/idx\/[a-z]+\/poll poll 200 · \d+ ms/);
    expect(text).to.contain('new step: success');
    expect(text).to.contain('ov-success');
    await expect(mounted.inspector).to.be.accessible();
  });
});
