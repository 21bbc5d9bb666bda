/**
 * Every user-facing string of the widget, in English. Strings that take values are functions, so
 * moving to `@lit/localize` (`msg()` / `str`) later is a mechanical change of this one file.
 * Server messages are not here: they arrive already localized by Okta and are shown as text.
 */
export const strings = {
  // ov-signin
  loading: 'Loading…',
  working: 'Working…',
  identifyHeading: 'Sign in',
  username: 'Username',
  password: 'Password',
  signIn: 'Sign in',
  next: 'Next',
  passwordHeading: 'Verify with your password',
  verify: 'Verify',
  cancel: 'Cancel',
  backToSignIn: 'Back to sign in',
  tryAgain: 'Try again',
  startOver: 'Start over',
  skip: 'Set up later',
  terminalHeading: 'Sign-in could not continue',
  successHeading: 'You are signed in',
  successText: 'Signing you in…',
  problemHeading: 'Something went wrong',
  unsupportedHeading: 'This step is not supported here',
  unsupportedText: (step: string) =>
    `The sign-in step “${step}” cannot be completed in this widget. Start over or use another sign-in method.`,
  signedInAs: (identifier: string) => `Signed in as ${identifier}`,

  // problems (recoverable errors, shown on screen and sent as ov-error)
  networkError: 'We could not reach the sign-in service. Check your connection and try again.',
  rateLimited: 'Too many attempts. Wait a moment, then try again.',
  sessionExpired: 'This sign-in has expired. Start again.',
  unexpectedResponse: 'The sign-in service sent a response we could not understand. Try again or start over.',
  configMissing: 'The sign-in widget is missing its issuer, client ID or redirect URI.',
  tokenSaveFailed: 'You were signed in, but the session could not be saved in this browser.',
  invalidInput: 'Check what you entered and try again.',
  qrRefused: 'The QR code could not be shown safely. Use “Can’t scan?” to get an activation link instead.',
  pollTrouble: 'Still waiting. The connection is unstable, retrying…',

  // ov-authenticator-picker
  pickEnrollHeading: 'Set up a security method',
  pickAuthenticateHeading: 'Verify it’s you with a security method',
  pickMethodHeading: (authenticator: string) => `Choose how to verify with ${authenticator}`,
  pickListLabel: 'Security methods',
  pickChannelHeading: 'Get an activation link instead',
  channelEmail: 'Email me a link',
  channelSms: 'Text me a link (SMS)',
  select: (label: string) => `Select ${label}`,

  // ov-qr-enroll
  qrHeading: 'Set up Okta Verify',
  qrStep1: 'On your mobile device, download the Okta Verify app from the App Store or Google Play.',
  qrStep2: 'Open Okta Verify and follow the steps to add an account.',
  qrStep3: 'When prompted, tap Scan a QR code, then scan the code below.',
  qrAlt: 'QR code to scan with Okta Verify',
  cantScan: 'Can’t scan?',
  backToQr: 'Scan a QR code instead',
  emailLabel: 'Email',
  phoneLabel: 'Phone number',
  sendLink: 'Send me the setup link',
  channelDataEmailHeading: 'Get a setup link by email',
  channelDataSmsHeading: 'Get a setup link by SMS',
  checkEmailHeading: 'Check your email',
  checkSmsHeading: 'Check your text messages',
  checkEmailText: (email: string) => `We sent an activation link to ${email}. Open it on your mobile device to set up Okta Verify.`,
  checkEmailTextNoAddress: 'We sent an activation link to your email. Open it on your mobile device to set up Okta Verify.',
  checkSmsText: (phone: string) => `We sent an activation link to ${phone}. Open it on your mobile device to set up Okta Verify.`,
  checkSmsTextNoNumber: 'We sent an activation link by SMS. Open it on your mobile device to set up Okta Verify.',
  resendLinkHint: 'Haven’t received it?',
  resendLink: 'Send again',
  waitingForScan: 'Waiting for Okta Verify to finish setup…',
  waitingForLink: 'Waiting for you to open the link on your mobile device…',

  // ov-poll-status
  pushHeading: 'Get a push notification',
  pushSent: 'Push notification sent. Approve it in Okta Verify on your mobile device.',
  numberHeading: 'Verify with a number',
  numberInstruction: 'On your mobile device, open Okta Verify and tap this number:',
  numberLabel: (n: string) => `Number to tap: ${n}`,
  waitingForApproval: 'Waiting for your approval…',
  resendPushHeading: 'Push notification not approved',
  resendPushText: 'Send a new push notification to your mobile device.',
  resendPush: 'Resend push notification',
  resendPushHint: 'Haven’t received a push notification?',
  verifyOther: 'Verify with something else',
  pollStopped: 'Stopped waiting.',

  // ov-totp-entry
  totpHeading: 'Enter a code',
  totpInstruction: (authenticator: string) => `Enter the 6-digit code from ${authenticator}.`,
  totpLabel: 'Code',
  codeIncomplete: 'Enter all 6 digits.',
};

export type Strings = typeof strings;
