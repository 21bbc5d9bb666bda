import { str } from '@lit/localize';
import { msg } from './msg.js';
import { formatCount, pluralCategory } from './plural.js';

/**
 * Every user-facing string of the widget. Each is a getter or function so that `msg()` runs at render
 * time, in the active locale; the ids are stable and are what the translations in xliff/ refer to.
 * Server messages and field labels are localized in server-text.ts.
 */
// One message a line reads as the table it is.
// prettier-ignore
export const strings = {
  // ov-signin
  get loading() { return msg('Loading…', { id: 'loading' }); },
  get working() { return msg('Working…', { id: 'working' }); },
  get identifyHeading() { return msg('Sign in', { id: 'identifyHeading' }); },
  get username() { return msg('Username', { id: 'username' }); },
  get password() { return msg('Password', { id: 'password' }); },
  get signIn() { return msg('Sign in', { id: 'signIn' }); },
  get next() { return msg('Next', { id: 'next' }); },
  get passwordHeading() { return msg('Verify with your password', { id: 'passwordHeading' }); },
  get verify() { return msg('Verify', { id: 'verify' }); },
  get cancel() { return msg('Cancel', { id: 'cancel' }); },
  get backToSignIn() { return msg('Back to sign in', { id: 'backToSignIn' }); },
  get tryAgain() { return msg('Try again', { id: 'tryAgain' }); },
  get startOver() { return msg('Start over', { id: 'startOver' }); },
  get startAgain() { return msg('Start again', { id: 'startAgain' }); },
  get unknownServerError() { return msg('The sign-in service reported a problem with this step.', { id: 'unknownServerError' }); },
  get unknownServerInfo() { return msg('The sign-in service sent a notice about this step.', { id: 'unknownServerInfo' }); },
  get moreInformation() { return msg('More information', { id: 'moreInformation' }); },
  get continueLink() { return msg('Continue', { id: 'continueLink' }); },
  get redirecting() { return msg('Taking you to the next page…', { id: 'redirecting' }); },
  get securityMethod() { return msg('Security method', { id: 'securityMethod' }); },
  get skip() { return msg('Set up later', { id: 'skip' }); },
  get terminalHeading() { return msg('Sign-in could not continue', { id: 'terminalHeading' }); },
  get successHeading() { return msg('You are signed in', { id: 'successHeading' }); },
  get successText() { return msg('Signing you in…', { id: 'successText' }); },
  get problemHeading() { return msg('Something went wrong', { id: 'problemHeading' }); },
  get gracePeriodHeading() { return msg('Update your device soon', { id: 'gracePeriodHeading' }); },
  get unsupportedHeading() { return msg('This step is not supported here', { id: 'unsupportedHeading' }); },
  unsupportedText: (step: string) =>
    msg(str`The sign-in step “${step}” cannot be completed in this widget. Start over or use another sign-in method.`, { id: 'unsupportedText' }),
  signedInAs: (identifier: string) => msg(str`Signed in as ${identifier}`, { id: 'signedInAs' }),

  // problems (recoverable errors, shown on screen and sent as ov-error)
  get networkError() { return msg('We could not reach the sign-in service. Check your connection and try again.', { id: 'networkError' }); },
  get rateLimited() { return msg('Too many attempts. Wait a moment, then try again.', { id: 'rateLimited' }); },
  get sessionExpired() { return msg('This sign-in has expired. Start again.', { id: 'sessionExpired' }); },
  get refused() { return msg('The sign-in service refused this request.', { id: 'refused' }); },
  get unexpectedResponse() { return msg('The sign-in service sent a response we could not understand. Try again or start over.', { id: 'unexpectedResponse' }); },
  get configMissing() { return msg('The sign-in widget is missing its issuer, client ID or redirect URI.', { id: 'configMissing' }); },
  get configNeedsEndpoint() { return msg('This build of the sign-in widget signs in through a server: it needs an endpoint.', { id: 'configNeedsEndpoint' }); },
  get tokenSaveFailed() { return msg('You were signed in, but the session could not be saved in this browser.', { id: 'tokenSaveFailed' }); },
  get invalidInput() { return msg('Check what you entered and try again.', { id: 'invalidInput' }); },
  get qrRefused() { return msg('The QR code could not be shown safely. Use “Can’t scan?” to get an activation link instead.', { id: 'qrRefused' }); },
  get crossOriginEndpoint() { return msg('This sign-in form is set up to send your password to another site, so it will not sign you in. Contact the site’s owner.', { id: 'crossOriginEndpoint' }); },
  get pollTrouble() { return msg('Still waiting. The connection is unstable, retrying…', { id: 'pollTrouble' }); },

  // ov-authenticator-picker
  get pickEnrollHeading() { return msg('Set up a security method', { id: 'pickEnrollHeading' }); },
  get pickAuthenticateHeading() { return msg('Verify it’s you with a security method', { id: 'pickAuthenticateHeading' }); },
  pickMethodHeading: (authenticator: string) => msg(str`Choose how to verify with ${authenticator}`, { id: 'pickMethodHeading' }),
  get pickListLabel() { return msg('Security methods', { id: 'pickListLabel' }); },
  get pickChannelHeading() { return msg('Get an activation link instead', { id: 'pickChannelHeading' }); },
  get channelEmail() { return msg('Email me a link', { id: 'channelEmail' }); },
  get channelSms() { return msg('Text me a link (SMS)', { id: 'channelSms' }); },

  // ov-qr-enroll
  get qrHeading() { return msg('Set up Okta Verify', { id: 'qrHeading' }); },
  get qrStep1() { return msg('On your mobile device, download the Okta Verify app from the App Store or Google Play.', { id: 'qrStep1' }); },
  get qrStep2() { return msg('Open Okta Verify and follow the steps to add an account.', { id: 'qrStep2' }); },
  get qrStep3() { return msg('When prompted, tap Scan a QR code, then scan the code below.', { id: 'qrStep3' }); },
  get qrAlt() { return msg('QR code to scan with Okta Verify', { id: 'qrAlt' }); },
  get cantScan() { return msg('Can’t scan?', { id: 'cantScan' }); },
  get backToQr() { return msg('Scan a QR code instead', { id: 'backToQr' }); },
  get emailLabel() { return msg('Email', { id: 'emailLabel' }); },
  get phoneLabel() { return msg('Phone number', { id: 'phoneLabel' }); },
  get sendLink() { return msg('Send me the activation link', { id: 'sendLink' }); },
  get channelDataEmailHeading() { return msg('Get an activation link by email', { id: 'channelDataEmailHeading' }); },
  get channelDataSmsHeading() { return msg('Get an activation link by SMS', { id: 'channelDataSmsHeading' }); },
  get checkEmailHeading() { return msg('Check your email', { id: 'checkEmailHeading' }); },
  get checkSmsHeading() { return msg('Check your text messages', { id: 'checkSmsHeading' }); },
  checkEmailText: (email: string) => msg(str`We sent an activation link to ${email}. Open it on your mobile device to set up Okta Verify.`, { id: 'checkEmailText' }),
  get checkEmailTextNoAddress() { return msg('We sent an activation link to your email. Open it on your mobile device to set up Okta Verify.', { id: 'checkEmailTextNoAddress' }); },
  checkSmsText: (phone: string) => msg(str`We sent an activation link to ${phone}. Open it on your mobile device to set up Okta Verify.`, { id: 'checkSmsText' }),
  get checkSmsTextNoNumber() { return msg('We sent an activation link by SMS. Open it on your mobile device to set up Okta Verify.', { id: 'checkSmsTextNoNumber' }); },
  get resendLinkHint() { return msg('Haven’t received it?', { id: 'resendLinkHint' }); },
  get resendLink() { return msg('Send again', { id: 'resendLink' }); },
  get waitingForScan() { return msg('Waiting for Okta Verify to finish setup…', { id: 'waitingForScan' }); },
  get waitingForLink() { return msg('Waiting for you to open the link on your mobile device…', { id: 'waitingForLink' }); },

  // ov-poll-status
  get pushHeading() { return msg('Get a push notification', { id: 'pushHeading' }); },
  get pushSent() { return msg('Push notification sent. Approve it in Okta Verify on your mobile device.', { id: 'pushSent' }); },
  get numberHeading() { return msg('Verify with a number', { id: 'numberHeading' }); },
  get numberInstruction() { return msg('On your mobile device, open Okta Verify and tap this number:', { id: 'numberInstruction' }); },
  numberLabel: (n: string) => msg(str`Number to tap: ${n}`, { id: 'numberLabel' }),
  get waitingForApproval() { return msg('Waiting for your approval…', { id: 'waitingForApproval' }); },
  get resendPushHeading() { return msg('Push notification not approved', { id: 'resendPushHeading' }); },
  get resendPushText() { return msg('Send a new push notification to your mobile device.', { id: 'resendPushText' }); },
  get resendPush() { return msg('Resend push notification', { id: 'resendPush' }); },
  get resendPushHint() { return msg('Haven’t received a push notification?', { id: 'resendPushHint' }); },
  get verifyOther() { return msg('Verify with something else', { id: 'verifyOther' }); },

  // ov-poll-status, for a push authenticator other than Okta Verify (named as Okta names it)
  pushSentTo: (authenticator: string) => msg(str`Push notification sent. Approve it in ${authenticator} on your mobile device.`, { id: 'pushSentTo' }),
  get pushSentUnnamed() { return msg('Push notification sent. Approve it on your mobile device.', { id: 'pushSentUnnamed' }); },
  numberInstructionIn: (authenticator: string) => msg(str`On your mobile device, open ${authenticator} and tap this number:`, { id: 'numberInstructionIn' }),
  setUpAuthenticator: (authenticator: string) => msg(str`Set up ${authenticator}`, { id: 'setUpAuthenticator' }),
  get setUpUnnamed() { return msg('Set up a security method', { id: 'setUpUnnamed' }); },

  // ov-fastpass
  get fastPassHeading() { return msg('Sign in with Okta FastPass', { id: 'fastPassHeading' }); },
  get fastPassLaunch() { return msg('Sign in with Okta FastPass', { id: 'fastPassLaunch' }); },
  get fastPassLoopback() { return msg('Okta Verify on this device is confirming it’s you. Nothing is sent to your phone.', { id: 'fastPassLoopback' }); },
  get fastPassOpen() { return msg('Open Okta Verify on this device to confirm it’s you.', { id: 'fastPassOpen' }); },
  get fastPassLink() { return msg('Okta Verify opens to confirm it’s you. If it did not open, use the button.', { id: 'fastPassLink' }); },
  get openOktaVerify() { return msg('Open Okta Verify', { id: 'openOktaVerify' }); },
  get noOktaVerify() { return msg('Don’t have Okta Verify?', { id: 'noOktaVerify' }); },
  get getOktaVerify() { return msg('Get Okta Verify', { id: 'getOktaVerify' }); },
  get waitingForOktaVerify() { return msg('Waiting for Okta Verify…', { id: 'waitingForOktaVerify' }); },
  get fastPassUnreachable() { return msg('Okta Verify did not answer on this device (it may not be running, or this browser blocked the request). Open it with the button below, or verify another way.', { id: 'fastPassUnreachable' }); },
  get fastPassUnsupported() { return msg('This page cannot reach Okta Verify by this method. Verify another way.', { id: 'fastPassUnsupported' }); },
  get verifyingWithFastPass() { return msg('Verifying with Okta FastPass…', { id: 'verifyingWithFastPass' }); },
  get continueWithOktaVerify() { return msg('Continue with Okta Verify', { id: 'continueWithOktaVerify' }); },

  // ov-qr-enroll: same-device and device-bootstrap enrolment
  get sameDeviceHeading() { return msg('Set up Okta Verify on this device', { id: 'sameDeviceHeading' }); },
  get sameDeviceStep1() { return msg('Download Okta Verify on this device:', { id: 'sameDeviceStep1' }); },
  get sameDeviceStep2() { return msg('Open Okta Verify and choose to add an account.', { id: 'sameDeviceStep2' }); },
  get sameDeviceStep3() { return msg('When asked for your organization’s sign-in URL, enter:', { id: 'sameDeviceStep3' }); },
  get sameDeviceStep3NoUrl() { return msg('When asked, sign in to your organization and follow the steps.', { id: 'sameDeviceStep3NoUrl' }); },
  get bootstrapHeading() { return msg('Add this account in Okta Verify', { id: 'bootstrapHeading' }); },
  get bootstrapDevices() { return msg('Okta Verify is already set up on:', { id: 'bootstrapDevices' }); },
  get bootstrapStep1() { return msg('On that device, open Okta Verify.', { id: 'bootstrapStep1' }); },
  get bootstrapStep2() { return msg('Choose to add an account for this organization and follow the steps.', { id: 'bootstrapStep2' }); },
  get waitingForSetup() { return msg('Waiting for Okta Verify to add your account…', { id: 'waitingForSetup' }); },
  get enrolledDevicesLabel() { return msg('Devices with Okta Verify', { id: 'enrolledDevicesLabel' }); },

  // An authenticator other than Okta Verify that an app on this device sets up or answers (NFC PIN)
  onDeviceSetup: (authenticator: string) => msg(str`Continue on this device to set up ${authenticator}.`, { id: 'onDeviceSetup' }),
  onDeviceVerify: (authenticator: string) => msg(str`Continue on this device to verify with ${authenticator}.`, { id: 'onDeviceVerify' }),
  verifyWithHeading: (authenticator: string) => msg(str`Verify with ${authenticator}`, { id: 'verifyWithHeading' }),
  get onDeviceSetupUnnamed() { return msg('Continue on this device to finish setting it up.', { id: 'onDeviceSetupUnnamed' }); },
  get onDeviceVerifyUnnamed() { return msg('Continue on this device to verify it’s you.', { id: 'onDeviceVerifyUnnamed' }); },
  get continueOnDevice() { return msg('Continue on this device', { id: 'continueOnDevice' }); },
  get waitingForDevice() { return msg('Waiting for this device to finish…', { id: 'waitingForDevice' }); },

  // ov-totp-entry
  get totpHeading() { return msg('Enter a code', { id: 'totpHeading' }); },
  totpInstruction: (authenticator: string) => msg(str`Enter the 6-digit code from ${authenticator}.`, { id: 'totpInstruction' }),
  codeInstruction: (authenticator: string) => msg(str`Enter the code from ${authenticator}.`, { id: 'codeInstruction' }),
  get codeInstructionUnnamed() { return msg('Enter the code you received.', { id: 'codeInstructionUnnamed' }); },
  get codeMissing() { return msg('Enter the code.', { id: 'codeMissing' }); },
  get totpLabel() { return msg('Code', { id: 'totpLabel' }); },
  /**
   * "Enter 3 more digits.": one message per CLDR plural category (Arabic has all six). One and two
   * come first as exact counts, like ICU's `=1`: many languages say "one digit" without the numeral,
   * and Arabic says "two digits" with a dual noun.
   */
  codeIncomplete: (missing: number) => {
    if (missing === 1) return msg('Enter one more digit.', { id: 'codeIncomplete.exactly1' });
    if (missing === 2) return msg('Enter two more digits.', { id: 'codeIncomplete.exactly2' });
    const n = formatCount(missing);
    switch (pluralCategory(missing)) {
      case 'zero': return msg(str`Enter ${n} more digits.`, { id: 'codeIncomplete.zero' });
      case 'one': return msg(str`Enter ${n} more digit.`, { id: 'codeIncomplete.one' });
      case 'two': return msg(str`Enter ${n} more digits.`, { id: 'codeIncomplete.two' });
      case 'few': return msg(str`Enter ${n} more digits.`, { id: 'codeIncomplete.few' });
      case 'many': return msg(str`Enter ${n} more digits.`, { id: 'codeIncomplete.many' });
      default: return msg(str`Enter ${n} more digits.`, { id: 'codeIncomplete.other' });
    }
  },

  // who is signing in, and the way back (every screen after the first)
  get useAnotherAccount() { return msg('Use a different account', { id: 'useAnotherAccount' }); },
  get sentAgain() { return msg('We sent it again.', { id: 'sentAgain' }); },

  // ov-identify: the screens Okta users know
  get showPassword() { return msg('Show password', { id: 'showPassword' }); },
  get keepMeSignedIn() { return msg('Keep me signed in', { id: 'keepMeSignedIn' }); },
  get forgotPassword() { return msg('Forgot password?', { id: 'forgotPassword' }); },

  // the send-push screen: Okta Verify's only method is push
  get sendPush() { return msg('Send push', { id: 'sendPush' }); },
  get sendPushAutomatically() { return msg('Send push automatically', { id: 'sendPushAutomatically' }); },
  get sendPushText() { return msg('We will send a push notification to Okta Verify on your mobile device.', { id: 'sendPushText' }); },
  sendPushTextIn: (authenticator: string) => msg(str`We will send a push notification to ${authenticator} on your mobile device.`, { id: 'sendPushTextIn' }),


  // ov-qr-enroll: the phone number for an activation link
  get phoneHint() { return msg('Include the country code, for example +1 555 010 0199.', { id: 'phoneHint' }); },

  // ov-poll-status: a push with a number challenge not approved (Okta answers a wrong number as a denial)
  get numberRejected() { return msg('This sign-in wasn’t approved on your mobile device. The number tapped may not have matched the one shown here, or the request was denied.', { id: 'numberRejected' }); },
};

export type Strings = typeof strings;
