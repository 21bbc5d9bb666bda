/* eslint-disable @typescript-eslint/no-unsafe-class-instance-assignment -- the events may come from
   another copy of ov-signin on the page (two bundles), so they are told apart by type, not class. */
import type { OvFlowController } from '../controller/flow-controller.js';
import { OutcomeStep } from '../controller/types.js';
import type { OvFlowState, OvStep } from '../controller/types.js';
import type { OvTracedRequest } from '../transport/request-trace.js';
import type { OvErrorEvent } from '../events/ov-error.js';
import type { OvStepEvent } from '../events/ov-step.js';
import type { OvSuccessEvent } from '../events/ov-success.js';
import type { OvTerminalEvent } from '../events/ov-terminal.js';
import type { EventEntry, PollEntry, RequestEntry, StepStatus, TimelineEntry, TimelineReport } from './entries.js';
import { mask, maskedPath, parsedBody } from './mask.js';

/**
 * What the inspector needs of an `<ov-signin>`. Typed by shape, not by class: the widget may come
 * from another copy of the library (the one-file bundle) than the inspector.
 */
export interface InspectableSignin extends EventTarget {
  readonly controller: Pick<OvFlowController, 'state' | 'subscribe' | 'observeRequests'>;
}

/** Entries kept; older ones are dropped (a tab left polling for hours stays small). */
export const MAX_ENTRIES = 1000;

const OTHER_EVENTS = ['ov-success', 'ov-terminal', 'ov-error', 'ov-cancel'] as const;

/**
 * Records the flow of one `<ov-signin>` as TimelineEntry objects, masked as they come in: steps
 * (from `ov-step`), requests (from `controller.observeRequests`), turns of the poll loop (from
 * `controller.subscribe`) and the other `ov-*` events.
 */
export class FlowTimeline {
  #entries: readonly TimelineEntry[] = [];
  #dropped = 0;
  #origin = performance.now();
  #startedAt = new Date();
  /** The remediations of the latest IDX answer, for the step it becomes. */
  #remediations?: readonly string[];
  /** The turn of the poll loop in progress, and the step it polls for. */
  #poll?: { entry: PollEntry; step?: OvStep };
  /** Polls are counted per step name. */
  #pollCount = 0;
  #countedStep?: string;
  readonly #onChange: () => void;

  /** `onChange` is called after every new or updated entry. */
  constructor(onChange: () => void) {
    this.#onChange = onChange;
  }

  get entries(): readonly TimelineEntry[] {
    return this.#entries;
  }

  /** Starts recording `signin`; returns the function that stops. */
  record(signin: InspectableSignin): () => void {
    const { controller } = signin;
    const onStep = (event: Event) => this.#step((event as OvStepEvent).detail.step);
    const onOther = (event: Event) => this.#event(event);
    signin.addEventListener('ov-step', onStep);
    for (const type of OTHER_EVENTS) signin.addEventListener(type, onOther);
    let polling = controller.state.polling;
    const unsubscribe = controller.subscribe((state) => {
      if (state.polling !== polling) this.#pollTurn((polling = state.polling), state);
    });
    const stopObserving = controller.observeRequests((request) => this.#request(request));
    return () => {
      signin.removeEventListener('ov-step', onStep);
      for (const type of OTHER_EVENTS) signin.removeEventListener(type, onOther);
      unsubscribe();
      stopObserving();
    };
  }

  clear(): void {
    this.#entries = [];
    this.#dropped = 0;
    this.#origin = performance.now();
    this.#startedAt = new Date();
    this.#onChange();
  }

  report(): TimelineReport {
    return {
      tool: 'ov-flow-inspector',
      version: 1,
      startedAt: this.#startedAt.toISOString(),
      page: maskedPath(location.href),
      userAgent: navigator.userAgent,
      dropped: this.#dropped,
      entries: this.#entries,
    };
  }

  #at(time = performance.now()): number {
    return Math.round(time - this.#origin);
  }

  #add(entry: TimelineEntry): void {
    const entries = [...this.#entries, entry];
    const excess = Math.max(0, entries.length - MAX_ENTRIES);
    this.#dropped += excess;
    this.#entries = entries.slice(excess);
    this.#onChange();
  }

  /** Entries are immutable: an update replaces the recorded object (if it is still kept). */
  #replace(previous: TimelineEntry, next: TimelineEntry): void {
    this.#entries = this.#entries.map((entry) => (entry === previous ? next : entry));
    this.#onChange();
  }

  #step(step: OvStep): void {
    if (step.name !== this.#countedStep) {
      this.#countedStep = step.name;
      this.#pollCount = 0;
    }
    const messages = [...step.messages, ...step.inputs.flatMap((input) => input.messages)].map((m) => m.text);
    this.#add({
      kind: 'step',
      at: this.#at(),
      name: step.name,
      status: statusOf(step),
      // Without an IDX answer to read (a transport that reports none), what the snapshot offers.
      remediations: this.#remediations ?? [step.name, ...step.alternatives],
      ...(step.authenticator && { authenticator: step.authenticator.displayName }),
      messages,
    });
  }

  #event(event: Event): void {
    const detail = detailOf(event);
    this.#add({ kind: 'event', at: this.#at(), type: event.type, ...(detail && { detail }) });
  }

  #pollTurn(started: boolean, state: OvFlowState): void {
    if (started) {
      this.#pollCount += 1;
      const entry: PollEntry = { kind: 'poll', at: this.#at(), step: state.step?.name ?? '', count: this.#pollCount };
      this.#poll = { entry, ...(state.step && { step: state.step }) };
      this.#add(entry);
      return;
    }
    const poll = this.#poll;
    this.#poll = undefined;
    if (!poll) return;
    const { problem } = state;
    let outcome = 'no change';
    if (problem) outcome = problem.transient ? `failed, retrying (${problem.code})` : `failed (${problem.code})`;
    else if (state.step !== poll.step) outcome = `new step: ${state.step?.name ?? 'none'}`;
    this.#replace(poll.entry, { ...poll.entry, outcome, duration: this.#at() - poll.entry.at });
  }

  #request(request: OvTracedRequest): void {
    const entry: RequestEntry = {
      kind: 'request',
      at: this.#at(request.start),
      method: request.method.toUpperCase(),
      path: maskedPath(request.url),
      poll: this.#poll !== undefined,
      ...(request.body !== undefined && { request: mask(request.body) }),
    };
    this.#add(entry);
    void request.response.then(({ status, body, end }) => {
      const data = parsedBody(body);
      const remediations = remediationsOf(data);
      if (remediations) this.#remediations = remediations;
      this.#replace(entry, {
        ...entry,
        status,
        duration: Math.round(end - request.start),
        ...(remediations && { remediations }),
        ...(data !== undefined && { response: mask(data) }),
      });
    });
  }
}

function statusOf(step: OvStep): StepStatus {
  if (step.name === OutcomeStep.SUCCESS || step.name === OutcomeStep.TERMINAL || step.name === OutcomeStep.UNSUPPORTED)
    return step.name;
  const messages = [...step.messages, ...step.inputs.flatMap((input) => input.messages)];
  if (messages.some((m) => m.level === 'error')) return 'refused';
  return step.poll ? 'polling' : 'waiting';
}

/** What an event says, masked: never the tokens or the transaction, only which tokens came. */
function detailOf(event: Event): EventEntry['detail'] {
  switch (event.type) {
    case 'ov-success': {
      const { tokens, transaction } = (event as OvSuccessEvent).detail;
      return { status: transaction.status, tokens: Object.keys(tokens ?? {}) };
    }
    case 'ov-terminal':
      return { messages: (event as OvTerminalEvent).detail.messages.map((m) => m.text) };
    case 'ov-error': {
      // The widget's own words about the problem; the underlying error (with its request) stays out.
      const { code, message, transient } = (event as OvErrorEvent).detail.problem;
      return { problem: code, message, transient: transient ?? false };
    }
    default:
      return undefined;
  }
}

/**
 * The remediation names of an IDX answer (`successWithInteractionCode` included), or of the
 * transaction a server-mode endpoint answers with (`{ transaction: { remediations } }`).
 */
function remediationsOf(body: unknown): readonly string[] | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const answer = body as {
    remediation?: { value?: unknown };
    successWithInteractionCode?: unknown;
    transaction?: { remediations?: unknown };
  };
  const forms = ([answer.remediation?.value, answer.transaction?.remediations].find(Array.isArray) ?? []) as Array<{
    name?: unknown;
  }>;
  const names = forms.map((form) => form.name).filter((name): name is string => typeof name === 'string');
  if (answer.successWithInteractionCode) names.push('successWithInteractionCode');
  return names.length ? names : undefined;
}
