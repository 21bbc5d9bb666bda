// `ov-signin/react`: React components for every element of the widget, made by @lit/react from the
// element classes, so their props are the elements' properties (typed) and the `ov-*` events are
// `onOv*` props. Importing it registers the tags (as `ov-signin/define` does). React is an optional
// peer dependency: only this entry (and `ov-signin/react/inspector`) imports it.
import React from 'react';
import { createComponent } from '@lit/react';
import type { EventName } from '@lit/react';
import '../define.js';
import { OvSignin as OvSigninElement } from '../components/ov-signin/ov-signin.js';
import { OvIdentify as OvIdentifyElement } from '../components/ov-identify/ov-identify.js';
import { OvTotpEntry as OvTotpEntryElement } from '../components/ov-totp-entry/ov-totp-entry.js';
import { OvAuthenticatorPicker as OvAuthenticatorPickerElement } from '../components/ov-authenticator-picker/ov-authenticator-picker.js';
import { OvQrEnroll as OvQrEnrollElement } from '../components/ov-qr-enroll/ov-qr-enroll.js';
import { OvPollStatus as OvPollStatusElement } from '../components/ov-poll-status/ov-poll-status.js';
import { OvFastPass as OvFastPassElement } from '../components/ov-fastpass/ov-fastpass.js';
import { OvSendPush as OvSendPushElement } from '../components/ov-send-push/ov-send-push.js';
import type { OvCancelEvent } from '../events/ov-cancel.js';
import type { OvErrorEvent } from '../events/ov-error.js';
import type { OvStepEvent } from '../events/ov-step.js';
import type { OvSuccessEvent } from '../events/ov-success.js';
import type { OvTerminalEvent } from '../events/ov-terminal.js';

/**
 * `<OvSignin issuer clientId redirectUri onOvSuccess={(e) => e.detail.tokens} />`. Properties, not
 * attributes: `clientId`, `redirectUri`, `resendDelay`, `authClient`; a ref gives the element
 * (`ref.current.controller.restart()`).
 */
export const OvSignin = createComponent({
  react: React,
  tagName: 'ov-signin',
  elementClass: OvSigninElement,
  displayName: 'OvSignin',
  events: {
    onOvStep: 'ov-step' as EventName<OvStepEvent>,
    onOvSuccess: 'ov-success' as EventName<OvSuccessEvent>,
    onOvTerminal: 'ov-terminal' as EventName<OvTerminalEvent>,
    onOvError: 'ov-error' as EventName<OvErrorEvent>,
    onOvCancel: 'ov-cancel' as EventName<OvCancelEvent>,
  },
});

// The step elements, for a page that composes its own flow: give each a `controller`.
export const OvIdentify = createComponent({
  react: React,
  tagName: 'ov-identify',
  elementClass: OvIdentifyElement,
  displayName: 'OvIdentify',
});
export const OvTotpEntry = createComponent({
  react: React,
  tagName: 'ov-totp-entry',
  elementClass: OvTotpEntryElement,
  displayName: 'OvTotpEntry',
});
export const OvAuthenticatorPicker = createComponent({
  react: React,
  tagName: 'ov-authenticator-picker',
  elementClass: OvAuthenticatorPickerElement,
  displayName: 'OvAuthenticatorPicker',
});
export const OvQrEnroll = createComponent({
  react: React,
  tagName: 'ov-qr-enroll',
  elementClass: OvQrEnrollElement,
  displayName: 'OvQrEnroll',
});
export const OvFastPass = createComponent({
  react: React,
  tagName: 'ov-fastpass',
  elementClass: OvFastPassElement,
  displayName: 'OvFastPass',
});
export const OvSendPush = createComponent({
  react: React,
  tagName: 'ov-send-push',
  elementClass: OvSendPushElement,
  displayName: 'OvSendPush',
});
export const OvPollStatus = createComponent({
  react: React,
  tagName: 'ov-poll-status',
  elementClass: OvPollStatusElement,
  displayName: 'OvPollStatus',
});
