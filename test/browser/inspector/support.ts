/** The widget and an inspector beside it, mounted together so the inspector sees the first request. */
import { html, render } from 'lit';
import '../../../src/define.js';
import '../../../src/inspector/index.js';
import type { OvSignin } from '../../../src/components/ov-signin/ov-signin.js';
import type { OvFlowInspector } from '../../../src/inspector/ov-flow-inspector.js';
import type { RequestEntry, TimelineEntry } from '../../../src/inspector/entries.js';
import { issuer } from '../e2e/support/control-api.js';
import { CLIENT_ID } from '../e2e/support/widget.js';
import type { MountedSignin, OvEvent, OvEventType } from '../e2e/support/widget.js';
import { firstScreen } from '../e2e/support/screen.js';

export interface Inspected extends MountedSignin {
  readonly inspector: OvFlowInspector;
  /** Takes both off the page. */
  remove(): void;
}

export const SIGNIN_ID = 'signin-under-test';

export async function mountInspected(): Promise<Inspected> {
  const events: OvEvent[] = [];
  const record = (event: Event) => events.push(event as OvEvent);
  // Not a @open-wc fixture, which is removed after each test: one flow serves several tests.
  // The inspector comes first in the page: it finds the widget by id once both are connected.
  const container = document.body.appendChild(document.createElement('div'));
  render(
    html`<div>
      <ov-flow-inspector for=${SIGNIN_ID}></ov-flow-inspector>
      <ov-signin
        id=${SIGNIN_ID}
        issuer=${await issuer()}
        client-id=${CLIENT_ID}
        redirect-uri=${`${location.origin}/callback`}
        @ov-step=${record}
        @ov-success=${record}
        @ov-terminal=${record}
        @ov-cancel=${record}
        @ov-error=${record}
      ></ov-signin>
    </div>`,
    container,
  );
  const widget = container.querySelector<OvSignin>('ov-signin')!;
  const inspector = container.querySelector<OvFlowInspector>('ov-flow-inspector')!;
  await firstScreen(widget);
  return {
    widget,
    inspector,
    remove: () => container.remove(),
    events,
    eventsOf: <K extends OvEventType>(type: K) =>
      events.filter((e) => e.type === type) as Array<HTMLElementEventMap[K]>,
    stepNames: () =>
      events.filter((e) => e.type === 'ov-step').map((e) => (e as HTMLElementEventMap['ov-step']).detail.step.name),
  };
}

export function entriesOf<K extends TimelineEntry['kind']>(
  inspector: OvFlowInspector,
  kind: K,
): Array<Extract<TimelineEntry, { kind: K }>> {
  return inspector.timeline.entries.filter((e): e is Extract<TimelineEntry, { kind: K }> => e.kind === kind);
}

export function requestsOf(inspector: OvFlowInspector): RequestEntry[] {
  return entriesOf(inspector, 'request');
}

/** Field names whose values the test treats as secret, independently of the inspector's own list. */
const SECRET_FIELDS = new Set([
  'password',
  'passcode',
  'stateHandle',
  'interactionHandle',
  'interaction_handle',
  'interaction_code',
  'code_verifier',
  'code_challenge',
  'state',
  'access_token',
  'id_token',
  'refresh_token',
]);

/**
 * Records every secret value that crosses the network while installed (request and response
 * bodies of `fetch`, which okta-auth-js uses): what must never show in the inspector's JSON.
 */
export class SecretCollector {
  readonly secrets = new Set<string>();
  #fetch?: typeof fetch;

  install(): this {
    const original = (this.#fetch = window.fetch);
    window.fetch = async (input, init) => {
      if (typeof init?.body === 'string') this.#collectText(init.body);
      const response = await original(input, init);
      void response
        .clone()
        .text()
        .then((text) => this.#collectText(text));
      return response;
    };
    return this;
  }

  uninstall(): void {
    if (this.#fetch) window.fetch = this.#fetch;
  }

  #collectText(text: string): void {
    try {
      this.#collect(JSON.parse(text));
    } catch {
      for (const [key, value] of new URLSearchParams(text)) if (SECRET_FIELDS.has(key)) this.#add(value);
    }
  }

  #collect(value: unknown): void {
    if (!value || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    // An IDX form field: { name: 'stateHandle', value: '…' }.
    if (typeof object.name === 'string' && SECRET_FIELDS.has(object.name)) this.#add(object.value);
    for (const [key, inner] of Object.entries(object)) {
      if (SECRET_FIELDS.has(key)) this.#add(inner);
      this.#collect(inner);
    }
  }

  #add(value: unknown): void {
    if (typeof value === 'string' && value.length >= 6) this.secrets.add(value);
    else if (value && typeof value === 'object') for (const inner of Object.values(value)) this.#add(inner);
  }
}
