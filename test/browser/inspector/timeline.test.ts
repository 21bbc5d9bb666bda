/** FlowTimeline against a scripted widget: step statuses, poll outcomes, failed requests, the size limit. */
import { expect } from '@open-wc/testing';
import { FlowTimeline, MAX_ENTRIES } from '../../../src/inspector/timeline.js';
import type { InspectableSignin } from '../../../src/inspector/timeline.js';
import type { OvRequestDone, OvRequestObserver } from '../../../src/transport/request-trace.js';
import { traceRequest, watchRequests } from '../../../src/transport/request-trace.js';
import type { OvFlowState, OvStep } from '../../../src/controller/types.js';
import { OvStepEvent } from '../../../src/events/ov-step.js';
import { OvErrorEvent } from '../../../src/events/ov-error.js';
import { OvCancelEvent } from '../../../src/events/ov-cancel.js';
import { MASK } from '../../../src/inspector/mask.js';

/** An `<ov-signin>` as the timeline sees it, driven by hand; its requests go through the real hook. */
class ScriptedSignin extends EventTarget implements InspectableSignin {
  #state: OvFlowState = { busy: false, polling: false };
  readonly #listeners = new Set<(state: OvFlowState) => void>();
  readonly #transport = {};
  readonly observers = new Set<OvRequestObserver>();
  readonly controller: InspectableSignin['controller'];

  constructor() {
    super();
    const state = () => this.#state;
    this.controller = {
      get state() {
        return state();
      },
      subscribe: (listener) => {
        this.#listeners.add(listener);
        return () => this.#listeners.delete(listener);
      },
      // What OvFlowController.observeRequests does with its client.
      observeRequests: (observer) => {
        this.observers.add(observer);
        watchRequests(this.#transport, this.observers);
        return () => this.observers.delete(observer);
      },
    };
  }

  setState(patch: Partial<OvFlowState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener(this.#state);
  }

  showStep(step: OvStep): void {
    this.setState({ step });
    this.dispatchEvent(new OvStepEvent(step));
  }

  /** A request as a transport reports it. */
  send(method: string, url: string, body?: unknown): OvRequestDone {
    return traceRequest(this.#transport, method, url, body);
  }
}

function step(name: string, extra: Partial<OvStep> = {}): OvStep {
  return {
    name,
    screen: 'sign-in',
    inputs: [],
    options: [],
    messages: [],
    can: {
      resend: false,
      cancel: true,
      chooseOther: false,
      skip: false,
      changeChannel: false,
      backToQr: false,
      launchFastPass: false,
      recover: false,
    },
    alternatives: [],
    ...extra,
  };
}

describe('FlowTimeline', () => {
  let signin: ScriptedSignin;
  let timeline: FlowTimeline;
  let stop: () => void;

  beforeEach(() => {
    signin = new ScriptedSignin();
    timeline = new FlowTimeline(() => {});
    stop = timeline.record(signin);
  });

  it('gives each step a status; without an IDX answer, its remediations are the snapshot’s', () => {
    signin.showStep(step('identify', { alternatives: ['select-enroll-profile'] }));
    signin.showStep(step('identify', { messages: [{ text: 'Password is incorrect', level: 'error' }] }));
    signin.showStep(step('challenge-poll', { poll: { refresh: 4000 } }));
    signin.showStep(step('terminal', { messages: [{ text: 'Verification timed out', level: 'error' }] }));
    const steps = timeline.entries.map((e) =>
      e.kind === 'step' ? [e.name, e.status, e.remediations.join(' '), e.messages.join()] : [],
    );
    expect(steps).to.deep.equal([
      ['identify', 'waiting', 'identify select-enroll-profile', ''],
      ['identify', 'refused', 'identify', 'Password is incorrect'],
      ['challenge-poll', 'polling', 'challenge-poll', ''],
      ['terminal', 'terminal', 'terminal', 'Verification timed out'],
    ]);
  });

  it('says how each poll ended: no change, a new step, or a failure that is retried', () => {
    const waiting = step('challenge-poll', { poll: { refresh: 300 } });
    signin.showStep(waiting);
    signin.setState({ polling: true });
    signin.setState({ polling: false });
    signin.setState({ polling: true });
    signin.setState({
      polling: false,
      problem: { code: 'network', message: 'Connection is unstable', canRetry: false, transient: true },
    });
    signin.setState({ polling: true, problem: undefined });
    signin.showStep(step('success'));
    signin.setState({ polling: false });
    const polls = timeline.entries.filter((e) => e.kind === 'poll');
    expect(polls.map((p) => [p.count, p.step, p.outcome])).to.deep.equal([
      [1, 'challenge-poll', 'no change'],
      [2, 'challenge-poll', 'failed, retrying (network)'],
      [3, 'challenge-poll', 'new step: success'],
    ]);
    expect(polls.every((p) => typeof p.duration === 'number')).to.equal(true);
  });

  it('shows a request in flight, then its status; a failure without an answer is status 0', async () => {
    const done = signin.send('post', 'https://org.example/idp/idx/identify', {
      identifier: 'a@example.com',
      credentials: { passcode: 'secret!' },
    });
    const [inFlight] = timeline.entries;
    expect(inFlight).to.deep.include({ kind: 'request', method: 'POST', path: '/idp/idx/identify', poll: false });
    expect(inFlight).not.to.have.property('status');
    expect(inFlight).to.have.deep.property('request', { identifier: 'a@example.com', credentials: { passcode: MASK } });
    done(
      200,
      JSON.stringify({
        stateHandle: '02secret',
        remediation: { value: [{ name: 'challenge-poll' }, { name: 'select-authenticator-authenticate' }] },
      }),
    );
    await Promise.resolve();
    const [answered] = timeline.entries;
    expect(answered).to.deep.include({
      status: 200,
      remediations: ['challenge-poll', 'select-authenticator-authenticate'],
    });
    expect(answered).to.have.nested.property('response.stateHandle', MASK);

    // The next step takes the remediations of the answer behind it.
    signin.showStep(step('challenge-poll'));
    expect(timeline.entries.at(-1)).to.deep.include({
      remediations: ['challenge-poll', 'select-authenticator-authenticate'],
    });

    const failed = signin.send('POST', 'https://org.example/idp/idx/challenge/poll');
    failed(0);
    await Promise.resolve();
    expect(timeline.entries.at(-1)).to.deep.include({ path: '/idp/idx/challenge/poll', status: 0 });
  });

  it('records ov-error with the widget’s words, and other events by name', () => {
    signin.dispatchEvent(
      new OvErrorEvent(
        { code: 'network', message: 'Could not reach the server', canRetry: true },
        new Error('with a request inside'),
      ),
    );
    signin.dispatchEvent(new OvCancelEvent());
    expect(timeline.entries.map((e) => (e.kind === 'event' ? [e.type, e.detail] : []))).to.deep.equal([
      ['ov-error', { problem: 'network', message: 'Could not reach the server', transient: false }],
      ['ov-cancel', undefined],
    ]);
  });

  it(`keeps the latest ${MAX_ENTRIES} entries and counts the dropped ones`, () => {
    for (let i = 0; i < MAX_ENTRIES + 5; i++) signin.dispatchEvent(new OvCancelEvent());
    expect(timeline.entries).to.have.length(MAX_ENTRIES);
    expect(timeline.report().dropped).to.equal(5);
    timeline.clear();
    expect(timeline.entries).to.have.length(0);
    expect(timeline.report().dropped).to.equal(0);
  });

  it('stops recording: no listener, subscription or request observer left', () => {
    stop();
    expect(signin.observers.size).to.equal(0);
    signin.showStep(step('identify'));
    signin.setState({ polling: true });
    signin.dispatchEvent(new OvCancelEvent());
    signin.send('POST', 'https://org.example/idp/idx/introspect');
    expect(timeline.entries).to.have.length(0);
  });
});
