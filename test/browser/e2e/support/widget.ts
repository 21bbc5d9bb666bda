/** Mounts the real widget against the simulator and records what it tells the page. */
import { fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../../src/define.js';
import type { OvSignin } from '../../../../src/components/ov-signin/ov-signin.js';
import { resetMouse } from '@web/test-runner-commands';
import { issuer, resetSimulator } from './control-api.js';
import { firstScreen } from './screen.js';

export const CLIENT_ID = 'ov-demo';
export const PASSWORD = 'Ov-Demo-2026!';

export type OvEventType = 'ov-step' | 'ov-success' | 'ov-terminal' | 'ov-cancel' | 'ov-error';
export type OvEvent = HTMLElementEventMap[OvEventType];

export interface MountedSignin {
  readonly widget: OvSignin;
  /** Every ov-* event the widget fired, in order. */
  readonly events: OvEvent[];
  /** The events of one type, typed. */
  eventsOf<K extends OvEventType>(type: K): Array<HTMLElementEventMap[K]>;
  /** The names of the steps announced by ov-step, in order. */
  stepNames(): string[];
}

/** A clean slate for each test: the simulator is shared by every test file, okta-auth-js keeps its transaction in storage. */
export async function startFresh(): Promise<void> {
  sessionStorage.clear();
  localStorage.clear();
  await resetMouse();
  await resetSimulator();
}

export interface MountOptions {
  /** Milliseconds before a resend is offered (the widget's default is 30 s). */
  resendDelay?: number;
  /** Server mode: the API's base path (test/support/server-mode-plugin.mjs mounts it at /auth); no issuer then. */
  endpoint?: string;
  /** The `no-autofocus` attribute: the first screen leaves focus to the page. */
  noAutofocus?: boolean;
  /** Returns once mounted, without waiting for Okta's first step (nor for the sign-in form shown before it). */
  beforeOktaAnswers?: boolean;
}

export async function mountSignin({
  resendDelay,
  endpoint,
  noAutofocus,
  beforeOktaAnswers,
}: MountOptions = {}): Promise<MountedSignin> {
  const events: OvEvent[] = [];
  const record = (event: Event) => events.push(event as OvEvent);
  // Lit binds the listeners before the element connects, so the first ov-step is not missed.
  const widget = await fixture<OvSignin>(
    html`<ov-signin
      endpoint=${ifDefined(endpoint)}
      issuer=${ifDefined(endpoint ? undefined : await issuer())}
      client-id=${ifDefined(endpoint ? undefined : CLIENT_ID)}
      redirect-uri=${ifDefined(endpoint ? undefined : `${location.origin}/callback`)}
      resend-delay=${ifDefined(resendDelay)}
      ?no-autofocus=${noAutofocus === true}
      @ov-step=${record}
      @ov-success=${record}
      @ov-terminal=${record}
      @ov-cancel=${record}
      @ov-error=${record}
    ></ov-signin>`,
  );
  // The first mount of a run also loads okta-auth-js (transformed on request by the test server).
  if (!beforeOktaAnswers) await firstScreen(widget);
  return {
    widget,
    events,
    eventsOf: <K extends OvEventType>(type: K) =>
      events.filter((e) => e.type === type) as Array<HTMLElementEventMap[K]>,
    stepNames: () =>
      events.filter((e) => e.type === 'ov-step').map((e) => (e as HTMLElementEventMap['ov-step']).detail.step.name),
  };
}
