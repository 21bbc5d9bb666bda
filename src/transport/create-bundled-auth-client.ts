/**
 * Stands in for create-auth-client.ts in the one-file build (`dist/bundle/ov-signin.js`,
 * vite.config.ts mode `bundle`), where okta-auth-js is inside the file anyway: imported statically,
 * the bundler hoists its modules as it does ours, where an inlined `import()` would wrap each in a
 * lazy initializer and keep whole namespaces.
 */
import type { OvClientConfig } from './create-auth-client.js';
import type { OvAuthClient } from '../controller/types.js';
import { LeanOktaAuth } from './lean-okta-auth.js';
import { recordRetryAfter } from './retry-after.js';
import { authClientOptions } from './auth-client-options.js';

export type { OvClientConfig };

export function createAuthClient(config: OvClientConfig): Promise<OvAuthClient> {
  return Promise.resolve(recordRetryAfter(new LeanOktaAuth(authClientOptions(config))));
}
