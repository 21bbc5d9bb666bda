import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { EventEntry, PollEntry, RequestEntry, StepEntry, TimelineEntry } from './entries.js';

/*
 * One line of the timeline per entry, rendered as text only: server data (paths, messages, bodies)
 * never becomes markup. The inspector is a developer tool: its words are English only.
 */

export function entryView(entry: TimelineEntry): TemplateResult {
  return html`<li class="entry ${entry.kind}" part="entry entry-${entry.kind}">
    <span class="time">${seconds(entry.at)}</span>
    <span class="kind">${entry.kind}</span>
    ${body(entry)}
  </li>`;
}

function body(entry: TimelineEntry): TemplateResult {
  switch (entry.kind) {
    case 'step':
      return stepView(entry);
    case 'request':
      return requestView(entry);
    case 'poll':
      return pollView(entry);
    case 'event':
      return eventView(entry);
  }
}

function stepView(step: StepEntry): TemplateResult {
  return html`<div class="main">
    <p>
      <strong>${step.name}</strong>${step.authenticator ? ` (${step.authenticator})` : nothing}
      <span class="status ${step.status === 'refused' || step.status === 'terminal' ? 'bad' : ''}">${step.status}</span>
    </p>
    <p class="detail">offered: ${step.remediations.join(', ')}</p>
    ${step.messages.length ? html`<p class="detail">messages: ${step.messages.join(' · ')}</p>` : nothing}
  </div>`;
}

function requestView(request: RequestEntry): TemplateResult {
  const failed = request.status !== undefined && (request.status === 0 || request.status >= 400);
  const outcome =
    request.status === undefined
      ? 'in flight…'
      : `${request.status === 0 ? 'no answer' : request.status} · ${request.duration} ms`;
  return html`<div class="main">
    <p>
      <strong>${request.method} ${request.path}</strong>${request.poll ? html` <span class="tag">poll</span>` : nothing}
      <span class="status ${failed ? 'bad' : ''}">${outcome}</span>
    </p>
    ${request.remediations ? html`<p class="detail">remediations: ${request.remediations.join(', ')}</p>` : nothing}
    ${
      request.request !== undefined || request.response !== undefined
        ? html`<details>
            <summary>Bodies (masked)</summary>
            ${
              request.request !== undefined
                ? html`<p class="label">Sent</p>
                    <pre>${pretty(request.request)}</pre>`
                : nothing
            }
            ${
              request.response !== undefined
                ? html`<p class="label">Received</p>
                    <pre>${pretty(request.response)}</pre>`
                : nothing
            }
          </details>`
        : nothing
    }
  </div>`;
}

function pollView(poll: PollEntry): TemplateResult {
  return html`<div class="main">
    <p>
      <strong>poll ${poll.count} of ${poll.step}</strong>
      <span class="status ${poll.outcome?.startsWith('failed') ? 'bad' : ''}"
        >${poll.outcome === undefined ? 'in flight…' : `${poll.outcome} · ${poll.duration} ms`}</span
      >
    </p>
  </div>`;
}

function eventView(event: EventEntry): TemplateResult {
  const bad = event.type === 'ov-error' || event.type === 'ov-terminal';
  return html`<div class="main">
    <p><strong class=${bad ? 'bad' : ''}>${event.type}</strong></p>
    ${event.detail ? html`<p class="detail">${describe(event.detail)}</p>` : nothing}
  </div>`;
}

/** `problem: network · transient: true`. */
function describe(detail: Readonly<Record<string, unknown>>): string {
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join(' · ');
}

function seconds(ms: number): string {
  return `+${(ms / 1000).toFixed(3)} s`;
}

/** Pretty JSON of a (masked) body, made once per body: a long timeline re-renders often. */
const prettyCache = new WeakMap<object, string>();

function pretty(body: unknown): string {
  if (typeof body !== 'object' || body === null) return String(body);
  let text = prettyCache.get(body);
  if (text === undefined) prettyCache.set(body, (text = JSON.stringify(body, null, 2)));
  return text;
}
