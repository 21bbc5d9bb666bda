/** Reading and asserting what okta-auth-js hands the app: the IdxTransaction of each step. */
import assert from 'node:assert/strict';
import type { IdxTransaction, Input, NextStep } from '@okta/okta-auth-js/idx';

/** What the SDK's typings leave out of `contextualData`. */
export interface ContextualData {
  correctAnswer?: string;
  qrcode?: { href: string; method: string; type: string };
  selectedChannel?: string;
  email?: string;
  phoneNumber?: string;
}

/** `i18n key: text` of every message, so one comparison checks both. */
export function messagesOf(transaction: IdxTransaction): string[] {
  return (transaction.messages ?? []).map((m) => `${m.i18n.key}: ${m.message}`);
}

/** PENDING on step `name`, with exactly these messages (none by default). */
export function assertStep(transaction: IdxTransaction, name: string, messages: string[] = []): NextStep {
  assert.equal(
    transaction.status,
    'PENDING',
    `expected PENDING at ${name}, got ${transaction.status}: ${messagesOf(transaction).join('; ')}`,
  );
  assert.equal(transaction.nextStep?.name, name);
  assert.deepEqual(messagesOf(transaction), messages);
  return transaction.nextStep;
}

export function assertTerminal(transaction: IdxTransaction, messages: string[]): void {
  assert.equal(transaction.status, 'TERMINAL');
  assert.equal(transaction.nextStep, undefined);
  assert.deepEqual(messagesOf(transaction), messages);
}

/** Names of the inputs a step asks for (the SDK's aliases after a failed step, raw names otherwise; okta-auth-js-notes.md §6). */
export function inputNames(step: NextStep | undefined): string[] {
  return (step?.inputs ?? []).map((input) => input.name);
}

/** Depth-first through nested forms: an input's own value, or the forms of its options (select-authenticator-*). */
function findInput(inputs: Input[], name: string): Input | undefined {
  for (const input of inputs) {
    if (input.name === name) return input;
    const forms = [input.value, ...(input.options ?? []).map((option) => option.value)];
    for (const form of forms) {
      const nested = Array.isArray(form) ? findInput(form, name) : undefined;
      if (nested) return nested;
    }
  }
  return undefined;
}

/** Values offered for input `name`, wherever the step nests it, sorted. */
export function optionValues(step: NextStep | undefined, name: string): string[] {
  const input = findInput(step?.inputs ?? [], name);
  assert.ok(input, `no input ${name} in step ${step?.name}`);
  return (input.options ?? []).map((option) => String(option.value)).sort();
}

/** Keys of the authenticators a select-authenticator-* step offers. */
export function authenticatorKeys(step: NextStep | undefined): string[] {
  const options = step?.inputs?.find((input) => input.name === 'authenticator')?.options ?? [];
  return options.map((option) => option.relatesTo?.key ?? '?');
}

export function currentContextualData(transaction: IdxTransaction): ContextualData {
  return (transaction.context.currentAuthenticator?.value.contextualData ?? {}) as ContextualData;
}
