/**
 * One user signing in through the API as the widget does (username and password, Okta Verify push
 * approved on the simulator's virtual phone, polls at the server's pace), timing every call, and
 * recovering as the widget's user would: after an unexpected answer the page resumes the sign-in
 * (`start` with `resume`); when the session is gone (403, 404) the user starts again.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_PASSWORD } from 'ov-sim';
import type { ControlApi } from 'ov-sim/client';
import type { OvStep } from '../../../../src/controller/types.ts';
import { BrowserSession } from '../browser-session.ts';
import type { Answer } from '../browser-session.ts';
import { stepOf } from '../flows.ts';

export interface CallTiming {
  readonly route: string;
  readonly ms: number;
  readonly status: number;
}

export interface SignInOutcome {
  readonly login: string;
  /** What the page learnt at success (the app's `shared`), if it got there. */
  shared?: { email?: string; digest?: string };
  /** Times the page resumed after an unexpected answer. */
  resumed: number;
  /** Times the user had to start again (the session was gone). */
  startedAgain: number;
  /** Every unexpected answer, as `route status error`. */
  readonly problems: string[];
  /** Why it gave up, if it did. */
  lost?: string;
}

export interface SignInOptions {
  readonly base: string;
  readonly control: ControlApi;
  readonly login: string;
  readonly deviceId: string;
  readonly timings: CallTiming[];
  /** Resumes and restarts allowed before the sign-in counts as lost. */
  readonly maxRecoveries?: number;
  /** When to give up. */
  readonly deadline?: number;
}

const NETWORK_FAILURE = 0;

class TimedBrowser extends BrowserSession {
  constructor(
    base: string,
    readonly timings: CallTiming[],
  ) {
    super(base);
  }

  async call(route: string, body?: object): Promise<Answer> {
    const started = performance.now();
    let answer: Answer;
    try {
      answer = route === 'session' ? await this.open() : await this.post(route, body);
    } catch (error) {
      // The connection failed (e.g. the process behind the balancer died mid-request).
      answer = { route, status: NETWORK_FAILURE, headers: new Headers(), text: String(error), json: {} };
    }
    this.timings.push({ route, ms: performance.now() - started, status: answer.status });
    return answer;
  }
}

function stepOrUndefined(answer: Answer): OvStep | undefined {
  if (answer.status !== 200) return undefined;
  try {
    return stepOf(answer);
  } catch {
    return undefined;
  }
}

async function approvePendingPush(control: ControlApi, deviceId: string): Promise<void> {
  // A push withdrawn or expired meanwhile, or a control call that failed under load: the next
  // poll shows what became of the sign-in, and the phone looks again before it.
  try {
    const [push] = await control.pushes(deviceId);
    if (push) await control.answer(deviceId, push.id, 'approve');
  } catch {
    return;
  }
}

/** The next request for `step`, as the widget's screens send it. */
async function nextRequest(browser: TimedBrowser, step: OvStep, options: SignInOptions): Promise<Answer | undefined> {
  switch (step.name) {
    case 'identify':
      return browser.call('proceed', {
        step: 'identify',
        values: { username: options.login, password: DEMO_PASSWORD },
      });
    case 'select-authenticator-authenticate':
    case 'authenticator-verification-data': {
      const choice =
        step.options.find((o) => o.authenticatorKey === 'okta_verify' && o.value.endsWith(':push')) ??
        step.options.find((o) => o.value === 'push') ??
        step.options.find((o) => o.authenticatorKey === 'okta_verify');
      return choice ? browser.call('proceed', { step: step.name, values: choice.values }) : undefined;
    }
    case 'challenge-poll':
      // The phone approves whatever push is waiting; the page polls at the server's pace.
      await approvePendingPush(options.control, options.deviceId);
      await sleep(step.poll?.refresh ?? 300);
      return browser.call('poll', { step: 'challenge-poll' });
    default:
      return undefined;
  }
}

export async function pushSignIn(options: SignInOptions): Promise<SignInOutcome> {
  const { login, maxRecoveries = 6, deadline = Date.now() + 120_000 } = options;
  const outcome: SignInOutcome = { login, resumed: 0, startedAgain: 0, problems: [] };
  let browser = new TimedBrowser(options.base, options.timings);
  const begin = async () => {
    const opened = await browser.call('session');
    return opened.status === 200 ? browser.call('start') : opened;
  };
  let answer = await begin();
  /** The transaction the page last saw: a resume that answers another one began anew. */
  let transactionId: string | undefined;
  for (;;) {
    if (Date.now() > deadline) {
      outcome.lost = 'deadline';
      return outcome;
    }
    const step = stepOrUndefined(answer);
    if (step) transactionId = answer.json.transaction?.id ?? transactionId;
    if (step?.name === 'success') {
      outcome.shared = answer.json.shared as SignInOutcome['shared'];
      return outcome;
    }
    const next = step && (await nextRequest(browser, step, options));
    if (next) {
      answer = next;
      continue;
    }
    outcome.problems.push(`${answer.route} ${answer.status} ${answer.json.error ?? step?.name ?? ''}`.trim());
    if (outcome.resumed + outcome.startedAgain >= maxRecoveries) {
      outcome.lost = outcome.problems.join('; ');
      return outcome;
    }
    if (answer.status === 403 || answer.status === 404) {
      // The session (or its transaction) is gone: the user starts again, in a new session.
      outcome.startedAgain++;
      browser = new TimedBrowser(options.base, options.timings);
      answer = await begin();
    } else {
      answer = await browser.call('start', { resume: true });
      // A session gone by then resumes as a new transaction: that is starting again, not going on.
      const resumedId = stepOrUndefined(answer) && answer.json.transaction?.id;
      if (resumedId && transactionId && resumedId !== transactionId) outcome.startedAgain++;
      else outcome.resumed++;
    }
  }
}
