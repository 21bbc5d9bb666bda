// Server mode in the browser tests: the real `ov-signin/server` handler (okta-auth-js on the server,
// pointed at the test simulator) mounted at /auth on wtr's own dev server, so the test page, the
// widget and the API share one origin and its cookie. It records every exchange (bodies too) for
// the security tests, which ask over server commands; tokens themselves never go to the page.
const BASE_PATH = '/auth';
const REDIRECT_URI = 'http://localhost:8080/login/callback';
/** The second browser of the two-users test: its own context, so its own cookie jar. */
const SECOND_USER_PAGE = '/test/browser/server-mode/pages/second-user.html';

/** `options.insecureCookiesOnHttp`: the handler's opt-out of Secure cookies on plain http (WebKitGTK). */
export function serverModePlugin(simulator, options = {}) {
  let server; // src/server modules, loaded once the simulator runs
  let secrets; // test/server/support/secrets.ts
  let handler;
  let store;
  let log = [];
  let signIns = [];

  async function load() {
    server ??= await import('../../src/server/index.ts');
    secrets ??= await import('../server/support/secrets.ts');
  }

  /** A new handler and store: every test starts without sessions, whatever cookie the browser kept. */
  function reset() {
    const written = [];
    store = new (class extends server.MemorySessionStore {
      set(key, record, ttlMs) {
        written.push(record);
        super.set(key, record, ttlMs);
      }
    })();
    store.written = written;
    log = [];
    signIns = [];
    handler = server.createSignInHandler({
      basePath: BASE_PATH,
      okta: {
        issuer: `${simulator.url}/oauth2/default`,
        clientId: 'ov-demo',
        redirectUri: REDIRECT_URI,
        scopes: ['openid', 'profile', 'email'],
      },
      store,
      ...(options.insecureCookiesOnHttp && { insecureCookiesOnHttp: true }),
      onSuccess(tokens, { request }) {
        const claims = tokens.idToken?.claims ?? {};
        signIns.push({
          email: claims.email,
          amr: claims.amr ?? [],
          cookie: request.headers.get('cookie') ?? '',
          tokens: secrets.tokenStrings(tokens),
        });
        return { email: claims.email, name: claims.name };
      },
    });
  }

  /** Koa middleware (wtr's `middleware`): answers /auth/* with the handler, recording the exchange. */
  async function middleware(ctx, next) {
    if (!ctx.path.startsWith(`${BASE_PATH}/`)) return next();
    await load();
    if (!handler) reset();
    const { readBody, toFetchRequest, writeResponse } = await import('../../src/server/node.ts');
    const body = ctx.method === 'GET' || ctx.method === 'HEAD' ? undefined : await readBody(ctx.req);
    const request = toFetchRequest(ctx.req, `${ctx.protocol}://${ctx.host}${ctx.url}`, body);
    const response = await handler.handle(request);
    log.push({
      method: ctx.method,
      route: ctx.path.slice(BASE_PATH.length + 1),
      status: response.status,
      cookieSent: /(^|;\s*)(__Host-)?ov-session=/.test(ctx.get('cookie')),
      sessionIdSent: /(?:^|;\s*)(?:__Host-)?ov-session=([\w-]{43})\./.exec(ctx.get('cookie'))?.[1],
      csrfSent: ctx.get('x-ov-csrf') !== '',
      site: ctx.get('sec-fetch-site'),
      origin: ctx.get('origin'),
      setCookie: response.headers.getSetCookie(),
      body: await response.clone().text(),
    });
    ctx.respond = false;
    await writeResponse(response, ctx.res);
  }

  /** Every secret the server holds that the browser must never see, looked for in every recorded body. */
  function leaks() {
    const transaction = [...new Set(store.written.flatMap(secrets.transactionSecrets))];
    const tokens = signIns.flatMap((s) => s.tokens);
    const found = [];
    for (const entry of log) {
      for (const secret of [...transaction, ...tokens])
        if (entry.body.includes(secret))
          found.push(`${entry.route}: ${tokens.includes(secret) ? 'token' : 'transaction secret'}`);
      if (/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/.test(entry.body)) found.push(`${entry.route}: a JWT`);
    }
    return { bodies: log.length, transactionSecrets: transaction.length, tokens: tokens.length, found };
  }

  async function simulatorCall(method, path, body) {
    const response = await fetch(`${simulator.url}/sim/api${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body && { body: JSON.stringify(body) }),
    });
    return response.json();
  }

  /**
   * A second user, in a browser context of their own (their own cookies), on a page with the
   * server-mode bundle: signs in with an Okta Verify code, driven through the widget's controller.
   */
  async function secondUserSignsIn(page, { login, password }) {
    const context = await page.browser().createBrowserContext();
    try {
      const second = await context.newPage();
      await second.goto(new URL(SECOND_USER_PAGE, page.url()).href);
      const stepIs = (name) => second.waitForFunction((n) => window.steps.at(-1) === n, { timeout: 10_000 }, name);
      const signin = 'document.querySelector("ov-signin")';
      await stepIs('identify');
      await second.evaluate(`${signin}.controller.submit(${JSON.stringify({ username: login, password })})`);
      await stepIs('select-authenticator-authenticate');
      await second.evaluate(`(() => {
        const c = ${signin}.controller;
        const options = c.state.step.options.filter((o) => o.authenticatorKey === 'okta_verify');
        c.choose(options.find((o) => o.value.endsWith(':totp')) ?? options[0]);
      })()`);
      await second.waitForFunction(() =>
        ['authenticator-verification-data', 'challenge-authenticator'].includes(window.steps.at(-1)),
      );
      if ((await second.evaluate('window.steps.at(-1)')) === 'authenticator-verification-data') {
        await second.evaluate(`${signin}.controller.submit({ methodType: 'totp' })`);
        await stepIs('challenge-authenticator');
      }
      const { deviceIds } = await simulatorCall('GET', `/users/${encodeURIComponent(login)}/devices`);
      const { code } = await simulatorCall('GET', `/devices/${deviceIds[0]}/totp`);
      await second.evaluate(`${signin}.controller.submit({ verificationCode: ${JSON.stringify(code)} })`);
      await stepIs('success');
      return await second.evaluate(
        '({ steps: window.steps, success: window.success, cookieVisible: document.cookie.includes("ov-session") })',
      );
    } finally {
      await context.close();
    }
  }

  return {
    middleware,
    plugin: {
      name: 'ov-server-mode',
      async executeCommand({ command, payload, session }) {
        if (!command.startsWith('server-mode-')) return undefined;
        await load();
        if (!handler) reset();
        const page = () => session.browser.getPage(session.id);
        switch (command) {
          case 'server-mode-reset':
            reset();
            return true;
          case 'server-mode-log':
            return log;
          case 'server-mode-sign-ins':
            return signIns.map(({ email, amr, cookie }) => ({ email, amr, cookie: cookie.replace(/=[\w.-]+/g, '=…') }));
          case 'server-mode-leaks':
            return leaks();
          case 'server-mode-cookies':
            return (await page().browserContext().cookies())
              .filter((c) => c.name.includes('ov-session'))
              .map(({ name, domain, path, httpOnly, secure, sameSite, session: sessionOnly }) => ({
                name,
                domain,
                path,
                httpOnly,
                secure,
                sameSite,
                session: sessionOnly,
              }));
          case 'server-mode-second-user':
            return secondUserSignsIn(page(), payload);
          default:
            throw new Error(`unknown command ${command}`);
        }
      },
    },
  };
}
