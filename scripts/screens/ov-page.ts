/**
 * What the walk does on `<ov-signin>`: fields are typed into and sent with Enter as a user does;
 * choices and intents go through the element's controller, chosen by the option's value rather
 * than its words, so the walk survives a change of labels, icons or layout.
 */
import type { Page } from 'puppeteer-core';
import type { OvFlowState, OvOption, OvScreen, OvStep } from '../../src/controller/types.ts';
import { settle } from './settle.ts';

const TIMEOUT = 20_000;

/** The parts of the element the walk uses, as the page sees them. */
interface WidgetInPage extends Element {
  controller: {
    state: OvFlowState;
    choose(option: OvOption): void;
    submit(values: Record<string, unknown>): void;
  } & { [intent in keyof OvStep['can']]: () => void };
}

/**
 * Waits for one of `screens` to be on show, settled (no request in flight, Okta's own step) and, with `problem`,
 * showing the problem the last answer reported (a form-level problem or a field's message).
 * Returns the screen.
 */
export async function waitForScreen(
  page: Page,
  screens: OvScreen | readonly OvScreen[],
  { problem = false, timeout = TIMEOUT } = {},
): Promise<OvScreen> {
  const wanted = typeof screens === 'string' ? [screens] : screens;
  try {
    const handle = await page.waitForFunction(
      (wanted, problem) => {
        const state = (document.querySelector('ov-signin') as WidgetInPage | null)?.controller?.state;
        const step = state?.step;
        // Not the sign-in form shown before Okta answered: Okta's own form is the one pictured.
        if (!state || !step || state.busy || state.provisional || !wanted.includes(step.screen)) return false;
        const reported =
          Boolean(state.problem) ||
          step.messages.some((m) => m.level === 'error') ||
          step.inputs.some((input) => input.messages.length > 0);
        return problem && !reported ? false : step.screen;
      },
      { timeout, polling: 50 },
      wanted,
      problem,
    );
    const screen = (await handle.jsonValue()) as OvScreen;
    await settle(page);
    return screen;
  } catch (error) {
    const now = await page.evaluate(() => {
      const state = (document.querySelector('ov-signin') as WidgetInPage | null)?.controller?.state;
      return JSON.stringify({ screen: state?.step?.screen, busy: state?.busy, problem: state?.problem?.code });
    });
    throw new Error(`waiting for ${wanted.join(' or ')}${problem ? ' with a problem' : ''}; on show: ${now}`, {
      cause: error,
    });
  }
}

/** Types `text` into the field the controller calls `name` (`username`, `password`, `verificationCode`, …). */
export async function fill(page: Page, name: string, text: string): Promise<void> {
  const field = await page.waitForSelector(`>>> input[name="${name}"]`, { visible: true, timeout: TIMEOUT });
  if (!field) throw new Error(`no field ${name}`);
  await field.click({ count: 3 });
  await field.type(text);
  await field.dispose();
}

/** Enter in the last field typed into, as a user sends a form. */
export async function send(page: Page): Promise<void> {
  await page.keyboard.press('Enter');
}

/**
 * Picks the option of the screen on show whose value ends with `suffix` (`:push`, `:totp`, `email`)
 * or whose authenticator key is `suffix` (`okta_verify`).
 */
export async function choose(page: Page, suffix: string): Promise<void> {
  const found = await page.evaluate((suffix) => {
    const controller = (document.querySelector('ov-signin') as WidgetInPage).controller;
    const options = controller.state.step?.options ?? [];
    const option = options.find((o) => o.value.endsWith(suffix) || o.authenticatorKey === suffix);
    if (option) controller.choose(option);
    return option ? '' : options.map((o) => o.value).join(', ');
  }, suffix);
  if (found) throw new Error(`no option ${suffix} among ${found}`);
}

/** Picks Okta Verify without a method, as a client that lets Okta ask for it does: the method screen. */
export async function chooseAuthenticatorOnly(page: Page, suffix: string): Promise<void> {
  await page.evaluate((suffix) => {
    const controller = (document.querySelector('ov-signin') as WidgetInPage).controller;
    const option = controller.state.step?.options.find((o) => o.value.endsWith(suffix));
    const { id } = (option?.values.authenticator ?? {}) as { id?: string };
    if (!id) throw new Error(`no option ${suffix}`);
    controller.submit({ authenticator: { id } });
  }, suffix);
}

/** Carries out one of the screen's intents (`changeChannel`, `resend`, …) as its button would. */
export async function intent(page: Page, name: keyof OvStep['can']): Promise<void> {
  await page.evaluate((name) => {
    const controller = (document.querySelector('ov-signin') as WidgetInPage).controller;
    if (!controller.state.step?.can[name]) throw new Error(`the screen on show offers no ${name}`);
    controller[name]();
  }, name);
}
