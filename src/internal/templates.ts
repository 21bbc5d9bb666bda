import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { OvFlowContext } from '../context.js';
import { NoticeCode } from '../controller/types.js';
import type { OvInput, OvMessage, OvScreen } from '../controller/types.js';
import { strings } from '../i18n/strings.js';
import { serverText } from '../i18n/server-text.js';
import { problemText } from '../i18n/problem-text.js';

/**
 * The heading of a screen: focused (by `focus()` or `<ov-signin>`) when the screen is new, hence
 * `tabindex="-1"` and `data-heading`.
 */
export function screenHeading(text: string, id = 'heading', describedBy?: string): TemplateResult {
  return html`<h2 id=${id} tabindex="-1" part="heading" data-heading aria-describedby=${describedBy ?? nothing}>
    ${text}
  </h2>`;
}

/**
 * One server message: its text (or the widget's wording of its key) as text, never as HTML, and its
 * links as real links (the snapshot kept only `http:` and `https:` ones).
 */
export function messageContent(message: OvMessage): TemplateResult {
  return html`${serverText(message)}${(message.links ?? []).map(
    (link) =>
      html` <a href=${link.href} part="link" target="_blank" rel="noopener noreferrer"
        >${link.label ?? strings.moreInformation}</a
      >`,
  )}`;
}

/** Form-level server messages, above the form. Server text is rendered as text, never as HTML. */
export function formMessages(messages: readonly OvMessage[]): TemplateResult | typeof nothing {
  if (messages.length === 0) return nothing;
  const hasError = messages.some((m) => m.level === 'error');
  return html`<div role=${hasError ? 'alert' : 'status'} part="messages">
    <ul class="messages">
      ${messages.map((m) => html`<li class=${m.level} part="message message-${m.level}">${messageContent(m)}</li>`)}
    </ul>
  </div>`;
}

/**
 * The id of the element holding an input's messages, for `aria-describedby`. `scope` makes it unique
 * in a document, for a form rendered outside a shadow root.
 */
export function errorId(input: OvInput, scope = ''): string {
  return `${scope}${input.name}-error`;
}

export function fieldMessages(input: OvInput | undefined, scope = ''): TemplateResult | typeof nothing {
  if (!input || input.messages.length === 0) return nothing;
  return html`<p class="field-error" part="field-error" id=${errorId(input, scope)}>
    ${input.messages.map((m, i) => html`${i > 0 ? ' ' : nothing}${messageContent(m)}`)}
  </p>`;
}

export function invalid(input: OvInput | undefined): 'true' | typeof nothing {
  return input && input.messages.some((m) => m.level === 'error') ? 'true' : nothing;
}

export function describedBy(input: OvInput | undefined, scope = ''): string | typeof nothing {
  return input && input.messages.length > 0 ? errorId(input, scope) : nothing;
}

/** A network failure, expired session or unreadable answer, with the ways out the user has. */
export function problemNotice(flow: OvFlowContext | undefined): TemplateResult | typeof nothing {
  const problem = flow?.state.problem;
  if (!flow || !problem) return nothing;
  // A poll that failed and will be tried again is reported by the poll's own progress line.
  if (problem.transient) return nothing;
  return html`<div class="problem" role="alert" part="problem">
    <p>${problemText(problem)}</p>
    ${
      problem.messages?.length
        ? html`<ul class="messages" part="messages">
            ${problem.messages.map((m) => html`<li part="message message-${m.level}">${messageContent(m)}</li>`)}
          </ul>`
        : nothing
    }
    <div class="actions" part="actions">
      ${
        problem.canRetry
          ? html`<button type="button" part="button button-primary" @click=${() => flow.controller.retry()}>
              ${strings.tryAgain}
            </button>`
          : nothing
      }
      <button type="button" class="secondary" part="button button-secondary" @click=${() => flow.controller.restart()}>
        ${strings.startOver}
      </button>
    </div>
  </div>`;
}

/** "Verify with something else" in its own row, where the step offers it (polling screens). */
export function chooseOtherAction(flow: OvFlowContext): TemplateResult | typeof nothing {
  if (!flow.state.step?.can.chooseOther) return nothing;
  return html`<div class="actions" part="actions">
    <button type="button" class="link" part="link-button" data-other @click=${() => flow.controller.chooseOther()}>
      ${strings.verifyOther}
    </button>
  </div>`;
}

/** Screens where the user may say this is not their account (Okta's widget: password and method choice). */
const NOT_YOU_SCREENS: ReadonlySet<OvScreen> = new Set<OvScreen>([
  'password',
  'verify-picker',
  'method-picker',
  'send-push',
]);

/**
 * Who is signing in, under the title of every screen after the first (Okta's `user.value.identifier`,
 * else what was typed), and on the password and method screens "Use a different account", which
 * cancels and goes back to an empty identify form.
 */
export function signingInAs(flow: OvFlowContext): TemplateResult | typeof nothing {
  const { step, username } = flow.state;
  const who = step?.identifier ?? username;
  if (!step || step.screen === 'sign-in' || !who) return nothing;
  return html`<p class="identity" part="identity" data-identity>
    <span class="username" part="username">${who}</span>
    ${
      NOT_YOU_SCREENS.has(step.screen) && step.can.cancel
        ? html`<button
            type="button"
            class="link"
            part="link-button"
            data-another-account
            @click=${() => flow.controller.useAnotherAccount()}
          >
            ${strings.useAnotherAccount}
          </button>`
        : nothing
    }
  </p>`;
}

/** Skip and "Back to sign in" (which cancels at Okta), where the step offers them. */
export function stepActions(flow: OvFlowContext): TemplateResult | typeof nothing {
  const { step, busy } = flow.state;
  if (!step || (!step.can.skip && !step.can.cancel)) return nothing;
  return html`<div class="actions" part="actions">
    ${
      step.can.skip
        ? html`<button
            type="button"
            class="secondary"
            part="button button-secondary"
            data-skip
            aria-disabled=${busy ? 'true' : nothing}
            @click=${() => flow.controller.skip()}
          >
            ${strings.skip}
          </button>`
        : nothing
    }
    ${
      step.can.cancel
        ? html`<button
            type="button"
            class="link"
            part="link-button"
            data-cancel
            @click=${() => flow.controller.cancel()}
          >
            ${strings.backToSignIn}
          </button>`
        : nothing
    }
  </div>`;
}

/**
 * The polite live region of a polling step: what is happening now, changed only when that changes
 * (after a resend, "We sent it again." first); beside it an activity indicator, hidden from
 * assistive technology, which the line already informs.
 */
export function pollProgress(flow: OvFlowContext, waiting: string): TemplateResult {
  const { problem, notice } = flow.state;
  const now = notice === NoticeCode.RESENT ? `${strings.sentAgain} ${waiting}` : waiting;
  return html`<div class="waiting">
    <span class="activity" part="activity" aria-hidden="true" data-activity></span>
    <p class="progress" role="status" aria-live="polite" aria-atomic="true" part="status">
      ${problem?.transient ? problemText(problem) : now}
    </p>
  </div>`;
}

/** A link from Okta that opens an app on this device, shown as the step's primary button; nothing without one. */
export function openButton(href: string | undefined, label: string): TemplateResult | typeof nothing {
  return href
    ? html`<div class="actions" part="actions">
        <a class="button" part="button button-primary" href=${href} data-open>${label}</a>
      </div>`
    : nothing;
}
