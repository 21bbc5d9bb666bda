/**
 * Issue 16, finding 6: `endpoint` is pinned to the page's origin. The password goes where the
 * endpoint points, so neither an injected `<base href>` nor an endpoint on another origin may send
 * it elsewhere, unless the page opts in with `allow-cross-origin-endpoint`.
 * The page is served on localhost; 127.0.0.1 (the same test server) is another origin.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import type { OvSignin } from '../../../src/components/ov-signin/ov-signin.js';
import { eventually, screenTitled, textOf } from '../e2e/support/screen.js';
import { ENDPOINT, mountServerMode, serverLog, startFreshServerMode } from './support/server-mode.js';

const OTHER_ORIGIN = `${location.protocol}//127.0.0.1:${location.port}`;

/** The API requests this page sent, by the URL the browser fetched. */
function apiRequests(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => new URL(url).pathname.startsWith(`${ENDPOINT}/`));
}

async function mountWith(endpoint: string, allowCrossOrigin = false) {
  const errors: Array<HTMLElementEventMap['ov-error']> = [];
  const widget = await fixture<OvSignin>(
    html`<ov-signin
      endpoint=${endpoint}
      ?allow-cross-origin-endpoint=${allowCrossOrigin}
      @ov-error=${(event: HTMLElementEventMap['ov-error']) => errors.push(event)}
    ></ov-signin>`,
  );
  await eventually(() => errors.length > 0, 'an ov-error');
  return { widget, errors };
}

describe('server mode: the endpoint is pinned to the page’s origin', () => {
  let base: HTMLBaseElement | undefined;

  beforeEach(async () => {
    await startFreshServerMode();
    performance.clearResourceTimings();
  });

  afterEach(() => {
    base?.remove();
    base = undefined;
  });

  it('an injected <base href> does not move a relative endpoint: every request goes to the page’s origin', async () => {
    base = document.createElement('base');
    base.href = `${OTHER_ORIGIN}/elsewhere/`;
    document.head.prepend(base);
    expect(document.baseURI, 'the base took effect').to.equal(`${OTHER_ORIGIN}/elsewhere/`);

    const mounted = await mountServerMode();
    await screenTitled(mounted.widget, 'Sign in');
    const requests = apiRequests();
    expect(requests.length, 'the session was asked for').to.be.above(0);
    expect(requests.map((url) => new URL(url).origin)).to.deep.equal(requests.map(() => location.origin));
    expect(mounted.eventsOf('ov-error')).to.have.length(0);
  });

  it('an endpoint on another origin is refused: a message on screen, ov-error `cross-origin-endpoint`, nothing sent', async () => {
    const { widget, errors } = await mountWith(`${OTHER_ORIGIN}${ENDPOINT}`);
    expect(errors).to.have.length(1);
    const { problem, error } = errors[0]!.detail;
    expect(problem.code).to.equal('cross-origin-endpoint');
    expect(problem.canRetry).to.equal(false);
    expect(problem.message).to.match(/origin/i);
    expect(String(error)).to.contain('allow-cross-origin-endpoint');
    await eventually(() => /another site/.test(textOf(widget.shadowRoot!)), 'the message on screen');
    expect(textOf(widget.shadowRoot!)).to.contain('This sign-in form is set up to send your password to another site');
    expect(apiRequests(), 'no request left the page').to.deep.equal([]);
    expect(await serverLog()).to.deep.equal([]);
  });

  it('a javascript: or data: endpoint is refused the same way', async () => {
    for (const endpoint of ['javascript:alert(1)//', 'data:text/plain,x']) {
      const { errors } = await mountWith(endpoint);
      expect(errors[0]!.detail.problem.code, endpoint).to.equal('cross-origin-endpoint');
    }
  });

  it('allow-cross-origin-endpoint opts in: the other origin is asked', async () => {
    const { errors } = await mountWith(`${OTHER_ORIGIN}${ENDPOINT}`, true);
    // The test server answers no CORS, so the browser withholds the answer: a network problem, after the request.
    expect(errors[0]!.detail.problem.code).to.equal('network');
    // WebKit lists no resource timing for a request whose answer CORS withheld: the server's log tells.
    await eventually(
      async () => (await serverLog()).some((e) => e.route === 'session' && e.origin === location.origin),
      'the session request, from this page',
    );
  });
});
