// The ports of `npm start` and `npm run example:server`: from a flag, else an environment variable,
// else the default; and a taken port told in one sentence with the way out, not a stack trace.

export interface PortChoice {
  readonly port: number;
  /** Asked for by flag or environment; a default port may move on to a free one. */
  readonly chosen: boolean;
  readonly flag: string;
  readonly env: string;
}

interface PortSource {
  flag: string;
  given: string | undefined;
  env: string;
  fallback: number;
}

export function portOption({ flag, given, env, fallback }: PortSource): PortChoice {
  const raw = given ?? process.env[env];
  if (raw === undefined || raw === '') return { port: fallback, chosen: false, flag, env };
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    console.error(`${flag} (or ${env}) must be a port number from 0 to 65535, not "${raw}".`);
    process.exit(2);
  }
  return { port, chosen: true, flag, env };
}

function isPortTaken(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  // Node says EADDRINUSE; vite, with strictPort, throws "Port N is already in use" without a code.
  return code === 'EADDRINUSE' || (typeof message === 'string' && / is already in use$/.test(message));
}

/** Exits with a message when `error` says the port is taken; otherwise rethrows it. */
export function exitIfPortTaken(error: unknown, choice: PortChoice, what: string, command: string): never {
  if (!isPortTaken(error)) throw error;
  const other = choice.port === 0 || choice.port === 65535 ? 0 : choice.port + 1;
  console.error(
    `Port ${choice.port} is taken by another program, so ${what} cannot start there.\n` +
      `Stop that program, or choose another port: ${command} -- ${choice.flag} ${other}` +
      `   (or ${choice.env}=${other} ${command}; ${choice.flag} 0 picks a free one).`,
  );
  process.exit(1);
}
