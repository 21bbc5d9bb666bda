/**
 * Stands in for create-auth-client.ts in the server-mode build (`dist/bundle/ov-signin-server-mode.js`,
 * vite.config.ts mode `bundle-server-mode`), which carries no okta-auth-js: a widget given
 * `issuer` and `client-id` instead of `endpoint` there fails with this message (in `ov-error`).
 */
import type { OvClientConfig } from './create-auth-client.js';
import { ConfigurationError } from '../errors.js';
import type { OvAuthClient } from '../controller/types.js';

export type { OvClientConfig };

export function createAuthClient(_config: OvClientConfig): Promise<OvAuthClient> {
  return Promise.reject(
    new ConfigurationError(
      'ov-signin: this build runs in server mode only. Set the `endpoint` attribute, or load ov-signin.js to sign in from the page with issuer and client-id.',
    ),
  );
}
