import { OvSignin } from './components/ov-signin/ov-signin.js';
import { OvIdentify } from './components/ov-identify/ov-identify.js';
import { OvTotpEntry } from './components/ov-totp-entry/ov-totp-entry.js';
import { OvAuthenticatorPicker } from './components/ov-authenticator-picker/ov-authenticator-picker.js';
import { OvQrEnroll } from './components/ov-qr-enroll/ov-qr-enroll.js';
import { OvPollStatus } from './components/ov-poll-status/ov-poll-status.js';
import { OvFastPass } from './components/ov-fastpass/ov-fastpass.js';
import { OvSendPush } from './components/ov-send-push/ov-send-push.js';

/**
 * Registers the tags (the side-effect entry: `import 'ov-signin/define'` or a `<script type=module>`).
 * A tag that is already registered is left alone, so a page that loads the script twice keeps working.
 * The provider (`ov-signin`) goes first so its children find the context when they upgrade.
 */
const elements: ReadonlyArray<readonly [string, CustomElementConstructor]> = [
  ['ov-signin', OvSignin],
  ['ov-identify', OvIdentify],
  ['ov-totp-entry', OvTotpEntry],
  ['ov-authenticator-picker', OvAuthenticatorPicker],
  ['ov-qr-enroll', OvQrEnroll],
  ['ov-poll-status', OvPollStatus],
  ['ov-fastpass', OvFastPass],
  ['ov-send-push', OvSendPush],
];

for (const [tag, element] of elements) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
