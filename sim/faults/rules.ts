/**
 * Faults the simulator injects on purpose, so clients can be tested against what real networks and
 * real Okta do: slow answers, 5xx, rate limits, dropped connections, broken or unexpected bodies.
 */
export type FaultKind =
  'latency' | 'status' | 'rate-limit' | 'drop' | 'truncate' | 'malformed' | 'wrong-shape' | 'respond';

export interface FaultRule {
  kind: FaultKind;
  /** Request path it applies to: exact, or a prefix ending in `*` (e.g. `/idp/idx/*`). */
  path: string;
  /** Only this method (default: any but OPTIONS, so CORS preflights still pass). */
  method?: string;
  /** `latency`: milliseconds added before the real answer. */
  latencyMs?: number;
  /** `status`: the HTTP status to answer with (default 503); `respond`: the status of `body` (default 200). */
  status?: number;
  /**
   * `respond`: the JSON body answered instead of the real one, e.g. a recorded Okta response
   * (`idx.session.expired`, an unusual remediation) replayed as the answer to introspect.
   */
  body?: unknown;
  /** `rate-limit`: seconds sent in `Retry-After` (default 2). */
  retryAfterSeconds?: number;
  /** Applies to the next N matching requests, then is gone. */
  count?: number;
  /** Applies to this share (0..1) of matching requests; with `count`, until N were hit. */
  ratio?: number;
}

const KINDS: readonly FaultKind[] = [
  'latency',
  'status',
  'rate-limit',
  'drop',
  'truncate',
  'malformed',
  'wrong-shape',
  'respond',
];

/** Checks a rule given over the control API or in the config file; returns why it is refused. */
export function ruleProblem(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return 'A fault rule must be an object.';
  const rule = value as Record<string, unknown>;
  if (!KINDS.includes(rule.kind as FaultKind)) return `"kind" must be one of ${KINDS.join(', ')}.`;
  if (typeof rule.path !== 'string' || !rule.path.startsWith('/')) return '"path" must be a path such as "/idp/idx/*".';
  for (const key of ['latencyMs', 'status', 'retryAfterSeconds', 'count'] as const) {
    if (rule[key] !== undefined && !(Number.isInteger(rule[key]) && (rule[key] as number) >= 0))
      return `"${key}" must be a whole number.`;
  }
  if (rule.ratio !== undefined && !(typeof rule.ratio === 'number' && rule.ratio >= 0 && rule.ratio <= 1))
    return '"ratio" must be between 0 and 1.';
  if (rule.method !== undefined && typeof rule.method !== 'string') return '"method" must be a string.';
  if (rule.kind === 'respond' && (rule.body === null || typeof rule.body !== 'object'))
    return '"body" must be a JSON object or array.';
  return undefined;
}

function pathMatches(pattern: string, path: string): boolean {
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : pattern === path;
}

/** The active rules; the first that matches a request decides, and used-up rules are removed. */
export class FaultPlan {
  private rules: FaultRule[] = [];

  constructor(private readonly random: () => number = Math.random) {}

  replace(rules: FaultRule[]): void {
    this.rules = rules.map((rule) => ({ ...rule }));
  }

  add(rule: FaultRule): void {
    this.rules.push({ ...rule });
  }

  list(): readonly FaultRule[] {
    return this.rules;
  }

  /** The fault for this request, if any; counts it against the rule's `count`. */
  take(method: string, path: string): FaultRule | undefined {
    const index = this.rules.findIndex(
      (rule) => (rule.method ? rule.method === method : method !== 'OPTIONS') && pathMatches(rule.path, path),
    );
    const rule = this.rules[index];
    if (!rule) return undefined;
    if (rule.ratio !== undefined && this.random() >= rule.ratio) return undefined;
    if (rule.count !== undefined) {
      rule.count -= 1;
      if (rule.count <= 0) this.rules.splice(index, 1);
    }
    return rule;
  }
}
