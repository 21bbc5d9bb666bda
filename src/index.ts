// Classes and types only; importing this module registers nothing (see define.ts).
export { OvSignin } from './components/ov-signin/ov-signin.js';
export type { OvAppearance, OvTheme } from './components/ov-signin/ov-signin.js';
export { OvIdentify } from './components/ov-identify/ov-identify.js';
export { OvTotpEntry } from './components/ov-totp-entry/ov-totp-entry.js';
export { OvAuthenticatorPicker } from './components/ov-authenticator-picker/ov-authenticator-picker.js';
export { OvQrEnroll } from './components/ov-qr-enroll/ov-qr-enroll.js';
export { OvPollStatus } from './components/ov-poll-status/ov-poll-status.js';
export { OvFastPass } from './components/ov-fastpass/ov-fastpass.js';
export { OvFlowController } from './controller/flow-controller.js';
export type { OvFlowControllerOptions } from './controller/flow-controller.js';
export type { OvRequestObserver, OvTracedRequest, OvTracedResponse } from './transport/request-trace.js';
export { createAuthClient, type OvTokenStorage } from './transport/create-auth-client.js';
export { toSnapshot, DEFAULT_POLL_REFRESH } from './controller/snapshot.js';
export { NoticeCode, OutcomeStep, ProblemCode } from './controller/types.js';
export type {
  OvAuthClient,
  OvAuthenticator,
  OvDeviceChallenge,
  OvFlowState,
  OvInput,
  OvMessage,
  OvOption,
  OvProblem,
  OvScreen,
  OvStep,
  OvTransaction,
} from './controller/types.js';
export { ovFlowContext } from './context.js';
export type { OvFlowContext } from './context.js';
export { OvStepEvent } from './events/ov-step.js';
export { OvSuccessEvent } from './events/ov-success.js';
export { OvTerminalEvent } from './events/ov-terminal.js';
export { OvErrorEvent } from './events/ov-error.js';
export { OvCancelEvent } from './events/ov-cancel.js';
export { strings } from './i18n/strings.js';
/** The locale of `strings` read outside any element (each element follows its own `lang`). */
export { setLocale } from './i18n/localization.js';
