import { Task, TaskStatus } from '@lit/task';
import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import { ovFlowContext } from '../context.js';
import type { IdxTransaction } from '@okta/okta-auth-js';
import { OvCancelEvent } from '../events/ov-cancel.js';
import { OvErrorEvent } from '../events/ov-error.js';
import { OvStepEvent } from '../events/ov-step.js';
import { OvSuccessEvent } from '../events/ov-success.js';
import { OvTerminalEvent } from '../events/ov-terminal.js';
import { PollLeadership } from './poll-leadership.js';
import { PollLoop } from './poll-loop.js';
import { pollDelay } from './backoff.js';
import { isAbort, isPassing, problem, toProblem } from './problems.js';
import { NoticeCode, OutcomeStep, ProblemCode } from './types.js';
import type { OvAuthClient, OvFlowState, OvMessage, OvOption, OvProblem, OvStep, OvTransaction } from './types.js';
import { PROVISIONAL_SIGN_IN, asNumberChallengeRejection, routeOf, toMessages, toSnapshot } from './snapshot.js';
import type { OvMove, OvMovingIntent, OvSend } from './snapshot.js';
import { answerByLoopback } from './loopback.js';
import { retryAfterOf, takeRetryAfter } from '../transport/retry-after.js';
import { watchRequests } from '../transport/request-trace.js';
import type { OvRequestObserver } from '../transport/request-trace.js';
import { transportFailure } from '../transport/transport-failure.js';

/**
 * Every call runs okta-auth-js in step mode, whatever the page configured: a page may hand in an
 * `OktaAuth` built with `idx: { enableLegacyMode: true }` or `useGenericRemediator: true`, and
 * per-call options win over the client's (`run.ts` merges `{...authClient.options.idx, ...options}`).
 *
 * Why step mode: legacy mode remediates on its own from the values it has collected (it re-posts
 * the password on a later step, picks `okta_password` on select-authenticator-enroll, …), so the
 * request sent can differ from the screen the user acted on. Step mode sends exactly the
 * remediation named, once, which is what a widget that renders one server step at a time needs.
 * The snapshot is built from `neededToProceed`/`context`, which do not depend on the mode.
 */
const STEP_MODE = { enableLegacyMode: false, useGenericRemediator: false } as const;

/**
 * Unreadable poll answers tolerated in a row before polling stops and Start over is offered.
 * Network failures, 5xx and 429 pass by themselves: those polls go on, backing off.
 */
const POLL_FAILURES_TOLERATED = 3;

/** Longest wait for a previous, overtaken request to settle before the next one is sent anyway. */
const MAX_SERIAL_WAIT = 5000;

type RequestKind = 'start' | 'resume' | 'proceed' | 'poll' | 'cancel';

interface FlowRequest {
  readonly kind: RequestKind;
  readonly call: (client: OvAuthClient) => Promise<IdxTransaction>;
  /** For a user's request: the step it answered (stale-answer and double-submit checks). */
  readonly step?: OvStep;
  /** The user asked to send the push, code or link again: the answer is shown anew, and says so. */
  readonly resend?: boolean;
  /** Sent by the widget itself (a picker of one code, a push Okta sends automatically): never again on its answer. */
  readonly automatic?: boolean;
}

interface Outcome {
  readonly request: FlowRequest;
  readonly transaction?: OvTransaction;
  readonly error?: unknown;
}

export interface OvFlowControllerOptions {
  /** The `OktaAuth` to use, or a function that returns it (called once, when the flow starts). */
  authClient: OvAuthClient | (() => OvAuthClient | Promise<OvAuthClient>);
  /**
   * Whether `start()` may find a saved sign-in to resume, answered before the client exists. When it
   * says no, the sign-in form shows at once, while okta-auth-js starts the sign-in
   * (`state.provisional`); otherwise nothing shows until Okta's first step, which may be any screen.
   */
  mayResume?: () => boolean;
}

type Host = ReactiveElement;

/** Okta's answer for a state handle it no longer knows (an IDX body, so okta-auth-js makes it a TERMINAL transaction). */
function isExpiredSession(tx: OvTransaction): boolean {
  return tx.status === 'TERMINAL' && toMessages(tx.messages).some((m) => m.key === 'idx.session.expired');
}
const noop = () => {};

/** Okta's message for an expired session, worded by the widget from its key (src/i18n/server-text.ts). */
const EXPIRED_MESSAGE: OvMessage = Object.freeze({ text: '', key: 'idx.session.expired', level: 'error' });

const EMPTY_TERMINAL: OvTransaction = {
  status: 'TERMINAL',
  neededToProceed: [],
  context: {} as OvTransaction['context'],
  actions: {},
  rawIdxState: {} as OvTransaction['rawIdxState'],
  requestDidSucceed: false,
};

/**
 * "Send push automatically": okta-auth-js sends only the id and method of the authenticator it
 * answers for, plus what the caller gave for it in `authenticatorsData`, so `autoChallenge` goes
 * there (the body is then `authenticator: { id, methodType, autoChallenge }`, as Okta's widget sends).
 */
function withAutoChallenge(
  step: OvStep,
  values: Readonly<Record<string, unknown>> | undefined,
): Readonly<Record<string, unknown>> | undefined {
  const id = step.authenticator?.id;
  if (step.screen !== 'send-push' || values?.autoChallenge !== true || !id) return values;
  const { autoChallenge, ...rest } = values;
  const methodType = typeof rest.methodType === 'string' ? rest.methodType : 'push';
  return { ...rest, authenticatorsData: [{ id, methodType, autoChallenge }] };
}

/** The same snapshot, routed the same way (a poll that brought nothing new). */
function sameScreen(a: OvStep, b: OvStep): boolean {
  return JSON.stringify(a) === JSON.stringify(b) && JSON.stringify(routeOf(a)) === JSON.stringify(routeOf(b));
}

/**
 * The one owner of every `OktaAuth.idx` call and of the poll loop. It turns each transaction into an
 * immutable snapshot (`state.step`), dispatches the `ov-*` events on its host, and takes the user's
 * intents back through its public methods.
 */
export class OvFlowController implements ReactiveController {
  readonly host: Host;
  readonly #options: OvFlowControllerOptions;
  readonly #poll = new PollLoop();
  readonly #leadership = new PollLeadership();
  readonly #listeners = new Set<(state: OvFlowState) => void>();
  readonly #requestObservers = new Set<OvRequestObserver>();
  readonly #task: Task<[FlowRequest], Outcome>;
  /** The one copy of the state the elements inside the host read (through `@lit/context`). */
  readonly #provider: ContextProvider<typeof ovFlowContext, Host>;
  #client?: OvAuthClient;
  #state: OvFlowState = Object.freeze({ busy: false, polling: false });
  #transaction?: OvTransaction;
  #failed?: FlowRequest;
  #pollFailures = 0;
  #retryAfter?: number;
  #inFlight: Promise<unknown> = Promise.resolve();
  /**
   * A new sign-in was begun by the widget itself (the previous one expired) since the user last
   * acted: a second expiry then stops on a screen instead of restarting again, so a server that
   * answers every new transaction with "expired" is never hammered.
   */
  #restartedByItself = false;
  #connected = false;
  #resyncOnConnect = false;
  /** The FastPass loopback under way: its challenge request, and how to stop it. */
  #loopback?: { readonly challengeRequest: string; readonly abort: AbortController };
  /** The next answer is Okta's fallback after Okta Verify did not answer by loopback. */
  #loopbackFellBack = false;
  /**
   * The widget told Okta by itself that Okta Verify did not answer by loopback since the user last
   * acted: a server answering with yet another loopback challenge must not start a loop of probes
   * and cancels, so the next failure only says so on screen.
   */
  #fellBackByItself = false;
  /**
   * Apple's SSO-extension remediations sent (by the widget or the user) since the user last acted:
   * the widget sends each by itself once, so an Okta that answers with the same form again is not
   * asked in a loop, and the screen offers Try again instead.
   */
  readonly #sentAtOnce = new Set<string>();
  /** Values submitted on the provisional sign-in form, sent once Okta's first step is identify. */
  #held?: Readonly<Record<string, unknown>>;
  /** The username typed on the provisional sign-in form, kept should another screen replace it. */
  #draft = '';

  constructor(host: Host, options: OvFlowControllerOptions) {
    (this.host = host).addController(this);
    this.#options = options;
    this.#provider = new ContextProvider(host, {
      context: ovFlowContext,
      initialValue: { controller: this, state: this.#state },
    });
    // @lit/task gives each request an AbortSignal, applies only the latest run's answer and tells
    // when it is applied (`settled`). Two things it leaves to this class: a run started inside
    // onComplete is marked complete with the current one, so the runs that follow an answer
    // (restart after cancel or expiry) are deferred with queueMicrotask; and aborting a run only
    // stops waiting for it, while okta-auth-js still saves its answer as the one stored
    // transaction, so #perform first lets the overtaken request settle (#previousSettled).
    this.#task = new Task(host, {
      autoRun: false,
      task: ([request], { signal }) => this.#perform(request, signal),
      onComplete: (outcome) => this.#settle(outcome),
    });
  }

  get state(): OvFlowState {
    return this.#state;
  }

  /** Resolves once the latest request has been applied (for tests and pages that await steps). */
  get settled(): Promise<void> {
    return this.#task.taskComplete.then(noop, noop);
  }

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#pollWhenBack);
    window.addEventListener('pageshow', this.#pollWhenBack);
    if (this.#resyncOnConnect) {
      this.#resyncOnConnect = false;
      this.start();
    } else {
      this.#schedulePoll();
    }
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#pollWhenBack);
    window.removeEventListener('pageshow', this.#pollWhenBack);
    this.#poll.stop();
    this.#leadership.release();
    this.#stopLoopback();
    if (this.#state.busy || this.#state.polling || this.#state.provisional) {
      // An answer that arrives while off the page is dropped; re-read the server's state on return.
      this.#resyncOnConnect = this.#task.status === TaskStatus.PENDING;
      this.#task.abort();
    }
    this.#setState({ busy: false, polling: false });
  }

  /**
   * Background tabs throttle timers and a sleeping device runs none: when the page is shown again
   * (tab switch, restore from the back/forward cache) the due poll runs at once, only one.
   */
  readonly #pollWhenBack = (): void => {
    if (document.visibilityState === 'visible') this.#poll.runNow();
  };

  /** Calls `listener` after every state change; returns the unsubscribe function. */
  subscribe(listener: (state: OvFlowState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Tells `observer` about each HTTP request of this flow from now on, bodies unmasked (for
   * developer tools: `ov-signin/inspector`); returns the function that stops it. The client is
   * tapped only once someone observes (see request-trace.ts).
   */
  observeRequests(observer: OvRequestObserver): () => void {
    this.#requestObservers.add(observer);
    if (this.#client) watchRequests(this.#client, this.#requestObservers);
    return () => this.#requestObservers.delete(observer);
  }

  /** Resumes the transaction okta-auth-js has saved (e.g. after a reload), or starts a new one. */
  start(): void {
    // A new sign-in nearly always begins with identify: its form shows while Okta is asked.
    if (!this.#state.step && this.#options.mayResume?.() === false) this.#showProvisional();
    this.#run(
      {
        kind: 'resume',
        call: async (client) => {
          // A server says whether it holds a sign-in before it asks Okta: the form may show then.
          void client.mayResume?.().then((resumable) => {
            if (!resumable && !this.#state.step && !this.#state.problem) this.#showProvisional();
          }, noop);
          return client.idx.canProceed()
            ? client.idx.proceed({ ...STEP_MODE, autoRemediate: false })
            : client.idx.start({ ...STEP_MODE });
        },
      },
      true,
    );
  }

  #showProvisional(): void {
    this.#setState({ step: PROVISIONAL_SIGN_IN, provisional: true, busy: false });
  }

  /** Drops any saved transaction and starts a new sign-in. */
  restart(): void {
    this.#restartedByItself = false;
    this.#begin();
  }

  #begin(): void {
    this.#run({ kind: 'start', call: (client) => client.idx.start({ ...STEP_MODE }) }, true);
  }

  /** Answers the current step with the values of its inputs (`username`, `password`, `verificationCode`, …). */
  submit(values: Readonly<Record<string, unknown>> = {}): void {
    if (this.#state.provisional) {
      this.#held ??= values;
      this.#setState({ busy: true });
      return;
    }
    const step = this.#state.step;
    const remediation = step && routeOf(step).remediation;
    if (remediation) this.#send({ step: remediation, values });
  }

  /** What is typed in the username field of the sign-in form, before it is submitted. */
  draft(username: string): void {
    this.#draft = username.trim();
  }

  /** Picks one of the current step's options. */
  choose(option: OvOption): void {
    this.submit(option.values);
  }

  /** Sends the push, code or activation link again (`can.resend`). */
  resend(): void {
    this.#carryOut('resend');
  }

  /** "Forgot password?" (`can.recover`): Okta's recovery of the password. */
  recover(): void {
    this.#carryOut('recover');
  }

  /** "Set up later" (`can.skip`). */
  skip(): void {
    this.#carryOut('skip');
  }

  /** "Verify with something else": the authenticator picker of the same response (`can.chooseOther`). */
  chooseOther(): void {
    this.#carryOut('chooseOther');
  }

  /** "Can't scan?": the choice of an activation link by email or SMS (`can.changeChannel`). */
  changeChannel(): void {
    this.#carryOut('changeChannel');
  }

  /** From the activation-link screens back to the QR code (`can.backToQr`). */
  backToQr(): void {
    this.#carryOut('backToQr');
  }

  /** "Sign in with Okta FastPass" on the first screen (`can.launchFastPass`). */
  launchFastPass(): void {
    this.#carryOut('launchFastPass');
  }

  /**
   * "Use a different account": as `cancel()`, and the identify form that follows is empty (the
   * username is forgotten).
   */
  useAnotherAccount(): void {
    this.#setState({ username: undefined });
    this.cancel();
  }

  /**
   * "Back to sign in": cancels the transaction on the server (one request), emits `ov-cancel` and
   * starts a new sign-in, whose identify form is filled with `state.username`.
   */
  cancel(): void {
    this.#poll.stop();
    if (!this.#state.step?.can.cancel) {
      this.restart();
      return;
    }
    this.#run({ kind: 'cancel', call: (client) => client.idx.cancel({ ...STEP_MODE }) }, true);
  }

  /** Repeats the request that failed, with the same values. */
  retry(): void {
    const failed = this.#failed;
    if (failed) this.#run(failed, failed.kind !== 'poll');
  }

  #carryOut(intent: OvMovingIntent): void {
    const step = this.#state.step;
    const move: OvMove | undefined = step && step.can[intent] ? routeOf(step).moves[intent] : undefined;
    if (!move) return;
    if ('show' in move) this.#show(move.show);
    else this.#send(move.send, { resend: intent === 'resend' });
  }

  /** Answers a remediation (`step`, with `values`) or runs an action of the current response. */
  #send(
    { step: remediation, actions, values }: OvSend,
    { resend = false, automatic = false }: { resend?: boolean; automatic?: boolean } = {},
  ): void {
    const step = this.#state.step;
    if (!step || (this.#state.busy && !automatic)) return;
    const typed = step.screen === 'sign-in' ? values?.username : undefined;
    if (typeof typed === 'string' && typed.trim() !== '') this.#setState({ username: typed.trim() });
    const sent = withAutoChallenge(step, values);
    const target = {
      ...(remediation && { step: remediation }),
      ...(actions && {
        actions: actions.map((a) => (typeof a === 'string' ? a : { name: a.name, params: { ...a.params } })),
      }),
    };
    this.#run(
      {
        kind: 'proceed',
        step,
        ...(resend && { resend }),
        ...(automatic && { automatic }),
        call: (client) => client.idx.proceed({ ...STEP_MODE, ...sent, ...target }),
      },
      true,
    );
  }

  /**
   * What the widget answers by itself on a new step, as Okta's widget does: the only choice of a
   * picker when it is a code (straight to the code screen), or the push when Okta's `autoChallenge`
   * says the user asked for it. Never on the answer to such a request, so it happens once.
   */
  #answerByItself(request: FlowRequest, step: OvStep): OvSend | undefined {
    if (request.kind === 'poll' || request.automatic || step.messages.length > 0) return undefined;
    const remediation = routeOf(step).remediation;
    const [only, ...more] = step.options;
    if (!remediation || !only || more.length > 0) return undefined;
    const codeOnly = (step.screen === 'verify-picker' || step.screen === 'method-picker') && only.method === 'totp';
    const autoPush = step.screen === 'send-push' && step.autoChallenge === true;
    if (!codeOnly && !autoPush) return undefined;
    return {
      step: remediation,
      values: withAutoChallenge(step, { ...only.values, ...(autoPush && { autoChallenge: true }) }),
    };
  }

  /**
   * Apple's SSO extension: the form to send as soon as it is shown, as Okta's widget does (the OS
   * answers it for Okta Verify), unless it went out since the user last acted or Okta's answer
   * carries messages (biometrics required, …), which stay on screen until the user tries again.
   */
  #formToSendAtOnce(step: OvStep): string | undefined {
    const { sendAtOnce, remediation } = routeOf(step);
    if (!sendAtOnce || !remediation || step.messages.length > 0 || this.#sentAtOnce.has(remediation)) return undefined;
    return remediation;
  }

  /** Shows another remediation of the same response, without a request. */
  #show(remediation: string): void {
    const tx = this.#transaction;
    if (!tx) return;
    this.#poll.stop();
    this.#task.abort();
    this.#showStep(toSnapshot(tx, remediation));
    this.#schedulePoll();
  }

  #run(request: FlowRequest, byUser: boolean): void {
    this.#failed = undefined;
    if (byUser && request.kind !== 'start' && !request.automatic) {
      this.#restartedByItself = false;
      this.#fellBackByItself = false;
      this.#sentAtOnce.clear();
    }
    const answered = request.kind === 'proceed' && request.step ? routeOf(request.step) : undefined;
    if (answered?.sendAtOnce && answered.remediation) this.#sentAtOnce.add(answered.remediation);
    if (byUser) this.#poll.stop();
    // A retrying poll keeps the "connection unstable" line, so the live region does not flip back and forth.
    const stillTransient = request.kind === 'poll' && this.#state.problem?.transient ? this.#state.problem : undefined;
    this.#setState({
      busy: this.#state.provisional ? !!this.#held : byUser,
      problem: stillTransient,
      polling: request.kind === 'poll',
      ...(byUser && { notice: undefined }),
    });
    void this.#task.run([request]);
  }

  async #perform(request: FlowRequest, signal: AbortSignal): Promise<Outcome> {
    // okta-auth-js keeps one transaction in storage; two calls at once could let an old answer
    // overwrite a newer state (e.g. a late poll re-saving a cancelled transaction). So a request
    // waits for the one it overtook, whose answer is dropped.
    await this.#previousSettled();
    try {
      const client = await this.#getClient();
      signal.throwIfAborted();
      const call = request.call(client);
      this.#inFlight = call.catch(noop);
      const transaction = await call;
      signal.throwIfAborted();
      return { request, transaction };
    } catch (error) {
      signal.throwIfAborted();
      return { request, error };
    }
  }

  /** Made on first use, so a page can set `authClient` (or the attributes) after construction. */
  async #getClient(): Promise<OvAuthClient> {
    const source = this.#options.authClient;
    this.#client ??= await (typeof source === 'function' ? source() : source);
    if (this.#requestObservers.size) watchRequests(this.#client, this.#requestObservers);
    return this.#client;
  }

  async #previousSettled(): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([this.#inFlight, new Promise((resolve) => (timer = setTimeout(resolve, MAX_SERIAL_WAIT)))]);
    clearTimeout(timer);
  }

  #settle({ request, transaction, error }: Outcome): void {
    const failure = error !== undefined ? error : this.#tryApply(request, transaction);
    if (failure !== undefined && !isAbort(failure)) this.#fail(request, failure);
  }

  /** Applies an answer; returns what kept it from being applied, if anything. */
  #tryApply(request: FlowRequest, transaction: OvTransaction | undefined): unknown {
    try {
      if (!transaction) return new TypeError('No transaction');
      const failure = transportFailure(transaction);
      if (failure) return failure;
      this.#apply(request, transaction);
      return undefined;
    } catch (e) {
      return e;
    }
  }

  #apply(request: FlowRequest, tx: OvTransaction): void {
    if (request.kind === 'poll') {
      this.#pollFailures = 0;
      this.#retryAfter = undefined;
      if (this.#state.problem?.transient) this.#setState({ problem: undefined });
    }
    switch (tx.status) {
      case 'CANCELED':
        this.#transaction = undefined;
        this.host.dispatchEvent(new OvCancelEvent());
        // Deferred: a run started inside @lit/task's onComplete would be marked complete with this one.
        queueMicrotask(() => this.restart());
        return;
      case 'SUCCESS':
        this.#transaction = tx;
        this.#succeed(tx);
        return;
      default: {
        if (isExpiredSession(tx)) {
          this.#startAgainExpired(undefined, tx);
          return;
        }
        const shown = toSnapshot(tx);
        // Okta answers a wrong number tapped as a denial; the number screen before says which push it was.
        const step = this.#state.step?.screen === 'number' ? asNumberChallengeRejection(shown) : shown;
        this.#transaction = tx;
        if (step.screen === OutcomeStep.SUCCESS) {
          // Okta finishes the sign-in at a page of its own (`success-redirect`), not with tokens.
          this.#succeed(tx);
          return;
        }
        if (step.identifier) this.#setState({ username: step.identifier });
        const byItself = this.#answerByItself(request, step);
        if (byItself) {
          // The step is not shown (the previous screen stays, busy) and its one answer goes out. Deferred:
          // a run started inside @lit/task's onComplete would be marked complete with this one.
          queueMicrotask(() => this.#send(byItself, { automatic: true }));
          return;
        }
        const held = this.#held;
        // A submit held on the provisional form goes out now if it fills every field of Okta's
        // identify form (a password on that form was not there to type: the form then waits for it).
        // Deferred as above; busy meanwhile, so nothing else is sent.
        const send =
          held && step.screen === 'sign-in' && !step.messages.length && step.inputs.every((i) => held[i.name]);
        const atOnce = this.#formToSendAtOnce(step);
        this.#setState({ busy: !!send || !!atOnce, polling: false });
        this.#showStep(step, request.resend === true);
        // Shown while it goes out (busy): "Verifying with Okta FastPass…". Deferred as below.
        if (atOnce) queueMicrotask(() => this.#send({ step: atOnce }, { automatic: true }));
        if (send)
          queueMicrotask(() => {
            this.#setState({ busy: false });
            this.submit(held);
          });
        if (request.resend && tx.requestDidSucceed !== false) this.#setState({ notice: NoticeCode.RESENT });
        if (this.#loopbackFellBack) {
          this.#loopbackFellBack = false;
          this.#setState({ notice: NoticeCode.FASTPASS_UNREACHABLE });
        }
        if (this.#state.step) this.#startLoopback(this.#state.step);
        if (step.name === OutcomeStep.TERMINAL) this.host.dispatchEvent(new OvTerminalEvent(step.messages));
        if (tx.requestDidSucceed === false && step.name !== OutcomeStep.TERMINAL) {
          // The server refused what was sent (wrong password or code): its message is on screen.
          const messages = [...step.messages, ...step.inputs.flatMap((i) => i.messages)];
          this.host.dispatchEvent(new OvErrorEvent(problem(ProblemCode.INVALID_INPUT, false, messages)));
        }
        this.#schedulePoll();
      }
    }
  }

  #succeed(tx: OvTransaction): void {
    this.#showStep(toSnapshot(tx));
    try {
      if (tx.tokens) this.#client?.tokenManager.setTokens(tx.tokens);
    } catch (error) {
      this.#setState({ busy: false, polling: false });
      this.#report(problem(ProblemCode.TOKENS, false), error);
      return;
    }
    this.#setState({ busy: false, polling: false });
    this.host.dispatchEvent(new OvSuccessEvent(tx.tokens, tx));
  }

  #fail(request: FlowRequest, error: unknown): void {
    const found = toProblem(error);
    // Expired on resume, or again on the start begun by itself after that: one restart, then a stop.
    const byItself = request.kind === 'start' && this.#restartedByItself;
    if (found.code === ProblemCode.EXPIRED && (request.kind === 'resume' || byItself)) {
      this.#startAgainExpired(error);
      return;
    }
    if (
      request.kind === 'poll' &&
      found.canRetry &&
      (isPassing(found) || this.#pollFailures + 1 < POLL_FAILURES_TOLERATED)
    ) {
      this.#pollFailures += 1;
      this.#retryAfter = retryAfterOf(error, takeRetryAfter(this.#client));
      this.#setState({ busy: false, polling: false, problem: { ...problem(found.code, false), transient: true } });
      this.host.dispatchEvent(new OvErrorEvent(found, error));
      this.#schedulePoll();
      return;
    }
    this.#pollFailures = 0;
    this.#retryAfter = undefined;
    this.#failed = found.canRetry ? request : undefined;
    this.#setState({ busy: false, polling: false, ...this.#leaveProvisional() });
    this.#report(found, error);
  }

  /**
   * The server no longer knows the transaction (its idle lifetime passed, found on resume or on the
   * user's next click): nothing is left to retry, so a new sign-in begins, saying why.
   */
  #startAgainExpired(error?: unknown, tx?: OvTransaction): void {
    this.#transaction = undefined;
    this.host.dispatchEvent(new OvErrorEvent(problem(ProblemCode.EXPIRED, false), error));
    if (this.#restartedByItself) {
      this.#stopExpired(tx);
      return;
    }
    this.#restartedByItself = true;
    // Deferred: a run started inside @lit/task's onComplete would be marked complete with this one.
    queueMicrotask(() => {
      this.#begin();
      this.#setState({ notice: NoticeCode.EXPIRED });
    });
  }

  /**
   * The new sign-in begun after an expiry expired at once too: stop on the terminal screen with
   * Okta's message (or the widget's own wording of its key) and leave the next start to the user.
   */
  #stopExpired(tx: OvTransaction | undefined): void {
    const sent = tx ? toMessages(tx.messages) : [];
    const messages = sent.length > 0 ? sent : [EXPIRED_MESSAGE];
    const step = toSnapshot({ ...(tx ?? EMPTY_TERMINAL), status: 'TERMINAL', messages: undefined });
    const shown: OvStep = Object.freeze({ ...step, messages: Object.freeze(messages) });
    this.#setState({ busy: false, polling: false, notice: NoticeCode.EXPIRED });
    this.#showStep(shown);
    this.host.dispatchEvent(new OvTerminalEvent(shown.messages));
  }

  #report(found: OvProblem, error?: unknown): void {
    this.#setState({ problem: found });
    this.host.dispatchEvent(new OvErrorEvent(found, error));
  }

  /**
   * Keeps the previous snapshot object when a poll brings nothing new, so nothing re-renders or
   * re-announces; `anew` (a resend's answer) shows it all the same, so the screen starts over.
   */
  #showStep(step: OvStep, anew = false): void {
    const current = this.#state.step;
    if (current && !anew && sameScreen(current, step)) return;
    // "We sent it again" belongs to the screen it was said on.
    const notice =
      this.#state.notice === NoticeCode.RESENT && current?.screen !== step.screen ? undefined : this.#state.notice;
    this.#setState({ step, notice, ...this.#leaveProvisional(step) });
    this.host.dispatchEvent(new OvStepEvent(step));
    // The snapshot dropped a QR code it would not show; the screen says to use "Can't scan?".
    if (step.qrRefused) this.host.dispatchEvent(new OvErrorEvent(problem(ProblemCode.QR_REFUSED, false)));
  }

  /**
   * The provisional sign-in form gives way to Okta's first step, or to a problem: a held submit is
   * dropped, and the username typed stays in the state, to fill a later identify form.
   */
  #leaveProvisional(step?: OvStep): Partial<OvFlowState> {
    if (!this.#state.provisional) return {};
    this.#held = undefined;
    const keep = step?.screen !== 'sign-in' && !this.#state.username && this.#draft;
    return { step, provisional: false, ...(keep ? { username: this.#draft } : {}) };
  }

  #schedulePoll(): void {
    const step = this.#state.step;
    const pending = this.#transaction?.status === 'PENDING';
    const remediation = step && routeOf(step).remediation;
    if (!this.#connected || !pending || !step?.poll || !remediation || this.#state.problem?.canRetry) {
      this.#leadership.release();
      return;
    }
    const stateHandle = this.#transaction?.context.stateHandle;
    if (stateHandle && !this.#leadership.claim(`ov-signin:poll:${stateHandle}`, () => this.#schedulePoll())) return;
    this.#poll.schedule(pollDelay(step.poll.refresh, this.#pollFailures, this.#retryAfter), () =>
      this.#run({ kind: 'poll', call: (client) => client.idx.proceed({ ...STEP_MODE, step: remediation }) }, false),
    );
  }

  /**
   * FastPass by loopback: once per challenge, hand it to Okta Verify on this device while the poll
   * goes on. When no port answers, tell Okta why through the poll's cancel form, as Okta's widget
   * does; Okta then offers to open Okta Verify (custom URI), and the screen says what happened.
   */
  #startLoopback(step: OvStep): void {
    const challenge = step.screen === 'fastpass' ? step.authenticator?.challenge : undefined;
    if (challenge?.method !== 'LOOPBACK' || !challenge.challengeRequest) {
      if (step.screen !== 'fastpass') this.#stopLoopback();
      return;
    }
    if (this.#loopback?.challengeRequest === challenge.challengeRequest) return;
    this.#stopLoopback();
    const abort = new AbortController();
    this.#loopback = { challengeRequest: challenge.challengeRequest, abort };
    answerByLoopback(challenge, abort.signal).then((outcome) => {
      if (outcome.answered || abort.signal.aborted || this.#state.step !== step || this.#state.busy) return;
      const cancel = routeOf(step).fastPassCancel;
      if (!cancel || this.#fellBackByItself) {
        this.#setState({ notice: NoticeCode.FASTPASS_UNREACHABLE });
        return;
      }
      const params = { reason: outcome.reason, ...(outcome.statusCode && { statusCode: String(outcome.statusCode) }) };
      this.#loopbackFellBack = true;
      this.#send({ actions: [{ name: cancel, params }] }, { automatic: true });
      this.#fellBackByItself = true;
    }, noop);
  }

  #stopLoopback(): void {
    this.#loopback?.abort.abort();
    this.#loopback = undefined;
  }

  #setState(patch: Partial<OvFlowState>): void {
    const next = { ...this.#state, ...patch };
    if (next.problem === undefined) delete next.problem;
    if (next.notice === undefined) delete next.notice;
    this.#state = Object.freeze(next);
    this.host.requestUpdate();
    this.#provider.setValue({ controller: this, state: this.#state });
    for (const listener of this.#listeners) listener(this.#state);
  }
}
