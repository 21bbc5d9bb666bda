/**
 * What the flow inspector records: plain, JSON-ready objects, already masked. They are the copied
 * bug report as well as what the element shows.
 */

/** Milliseconds since the timeline began (or was cleared). */
interface Timed {
  readonly at: number;
}

/**
 * What a step leaves the user (or the widget) to do: `waiting` for the user's answer, `polling`
 * Okta while the user acts on the phone, `refused` (the server's error messages are on screen),
 * or an end.
 */
export type StepStatus = 'waiting' | 'polling' | 'refused' | 'success' | 'terminal' | 'unsupported';

/** A step on screen (an `ov-step` event). */
export interface StepEntry extends Timed {
  readonly kind: 'step';
  readonly name: string;
  readonly status: StepStatus;
  /** The remediations of the server response behind the step (every one, not only the one shown). */
  readonly remediations: readonly string[];
  readonly authenticator?: string;
  /** Server messages on screen (form and fields). */
  readonly messages: readonly string[];
}

/** One HTTP request; `status` and `duration` are missing while it is in flight. */
export interface RequestEntry extends Timed {
  readonly kind: 'request';
  readonly method: string;
  /** Path and query, secret parameters masked; the origin is left out. */
  readonly path: string;
  /**
   * Sent during a turn of the poll loop, not on the user's action: the poll itself, and the code
   * exchange (and key fetch) when the poll brought the success.
   */
  readonly poll: boolean;
  /** 0: no answer (network failure). */
  readonly status?: number;
  readonly duration?: number;
  /** Remediation names of an IDX answer. */
  readonly remediations?: readonly string[];
  readonly request?: unknown;
  readonly response?: unknown;
}

/** One turn of the poll loop: the requests it sent are RequestEntry objects with `poll: true`. */
export interface PollEntry extends Timed {
  readonly kind: 'poll';
  readonly step: string;
  /** 1 for the first poll of this step. */
  readonly count: number;
  /** Once done: `no change`, `new step: …`, `failed, retrying (…)`, `failed (…)`. */
  readonly outcome?: string;
  readonly duration?: number;
}

/** `ov-success`, `ov-terminal`, `ov-error` or `ov-cancel` (`ov-step` makes a StepEntry). */
export interface EventEntry extends Timed {
  readonly kind: 'event';
  readonly type: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

export type TimelineEntry = StepEntry | RequestEntry | PollEntry | EventEntry;

/** The JSON copied for a bug report. */
export interface TimelineReport {
  readonly tool: 'ov-flow-inspector';
  readonly version: 1;
  /** When the timeline began (ISO 8601); entries' `at` count from it. */
  readonly startedAt: string;
  /** The page's path, its query masked. */
  readonly page: string;
  readonly userAgent: string;
  /** The oldest entries dropped to keep the timeline at its limit. */
  readonly dropped: number;
  readonly entries: readonly TimelineEntry[];
}
