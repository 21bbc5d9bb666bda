import { CONTROL_ROUTES } from '../api/control.ts';
import { ACTIVATION_PATH } from '../idx/activation.ts';
import { IDX_PATHS, IDX_PATTERNS, introspect, remediation } from '../idx/endpoint.ts';
import { FASTPASS_VERIFY_PATH, verifyFastPass } from '../idx/fastpass.ts';
import { introspect as introspectToken, revoke } from '../oauth/introspect.ts';
import { authorize, logout } from '../oauth/redirects.ts';
import { discovery, interact, keys, token } from '../oauth/routes.ts';
import { userinfo } from '../oauth/userinfo.ts';
import { staticPage } from '../page/static.ts';
import type { Route } from './types.ts';

type RouteEntry = [method: string, pattern: RegExp, route: Route];

const escape = (path: string) => path.replace(/[/.-]/g, '\\$&');
const exact = (path: string) => new RegExp(`^${escape(path)}$`);
/** Both authorization servers: the org's (`/oauth2/v1`) and `default` (`/oauth2/default/v1`). */
const oauth = (path: string) => new RegExp(`^/oauth2(?:/default)?${escape(path)}$`);

const ROUTES: RouteEntry[] = [
  ['GET', /^(?:\/oauth2\/default)?\/\.well-known\/(?:openid-configuration|oauth-authorization-server)$/, discovery],
  ['POST', oauth('/v1/interact'), interact],
  ['POST', oauth('/v1/token'), token],
  ['GET', oauth('/v1/keys'), keys],
  ['GET', oauth('/v1/authorize'), authorize],
  ['POST', oauth('/v1/authorize'), authorize],
  ['GET', oauth('/v1/userinfo'), userinfo],
  ['POST', oauth('/v1/userinfo'), userinfo],
  ['POST', oauth('/v1/introspect'), introspectToken],
  ['POST', oauth('/v1/revoke'), revoke],
  ['GET', oauth('/v1/logout'), logout],
  ['POST', oauth('/v1/logout'), logout],
  ['POST', exact('/idp/idx/introspect'), introspect],
  ...IDX_PATHS.map((path): RouteEntry => ['POST', exact(path), remediation]),
  ...IDX_PATTERNS.map((pattern): RouteEntry => ['POST', pattern, remediation]),
  ['POST', FASTPASS_VERIFY_PATH, verifyFastPass],
  ...CONTROL_ROUTES,
  ['GET', /^\/sim\/?$/, staticPage('index.html')],
  ['GET', /^\/sim\/(page\.js|page\.css|activate\.js)$/, (ctx, req, [file = '']) => staticPage(file)(ctx, req, [])],
  ['GET', exact(ACTIVATION_PATH), staticPage('activate.html')],
];

export type Match = { route: Route; params: string[] } | { allowed: string[] } | undefined;

/** The route for a request, the methods a known path allows (for 405), or nothing (404). */
export function match(method: string, path: string): Match {
  const allowed: string[] = [];
  for (const [routeMethod, pattern, route] of ROUTES) {
    const found = pattern.exec(path);
    if (!found) continue;
    if (routeMethod === method) return { route, params: found.slice(1) };
    allowed.push(routeMethod);
  }
  return allowed.length ? { allowed } : undefined;
}
