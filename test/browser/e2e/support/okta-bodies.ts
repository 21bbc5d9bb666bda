/** IDX bodies a test has the simulator answer with (a fault of kind `respond`), as Okta sends them. */

/** Okta's answer to a state handle it no longer knows (its playground's `error-401-session-expired.json`; test/browser/replay/responses/SOURCES.md). */
export const SESSION_EXPIRED = {
  version: '1.0.0',
  messages: {
    type: 'array',
    value: [
      {
        message: 'You have been logged out due to inactivity. Refresh or return to the sign in screen.',
        i18n: { key: 'idx.session.expired' },
        class: 'ERROR',
      },
    ],
  },
};
