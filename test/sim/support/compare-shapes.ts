import type { ShapeDigest } from 'ov-sim/shape';

export type DifferenceKind = 'missing' | 'extra' | 'type' | 'order' | 'status';

/** One way the simulator's digest differs from Okta's; `path` is a digest path (or `remediation`, `status`). */
export interface Difference {
  kind: DifferenceKind;
  path: string;
  detail: string;
}

/** A difference the simulator keeps on purpose, for the listed fixtures (ids like "20"). */
export interface AllowedDifference {
  fixtures: string[];
  kind: DifferenceKind;
  /** Digest paths; `*` matches anything. */
  paths: string[];
  reason: string;
}

/** `a.b[c].d` → `a.b[c]` → `a.b`; bracketed keys may hold dots (i18n keys), never brackets. */
export function parentPath(path: string): string {
  if (path.endsWith(']')) return path.slice(0, path.lastIndexOf('['));
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf(']') ? path.slice(0, dot) : '';
}

/** Paths of `from` that `to` lacks, only the outermost of each missing subtree. */
function absent(from: Record<string, string>, to: Record<string, string>): string[] {
  return Object.keys(from).filter((path) => !(path in to) && (parentPath(path) === '' || parentPath(path) in to));
}

export function compareShapes(okta: ShapeDigest, sim: ShapeDigest): Difference[] {
  const differences: Difference[] = [
    ...absent(okta.shape, sim.shape).map((path): Difference => ({
      kind: 'missing',
      path,
      detail: `Okta has it (${okta.shape[path]}), the simulator not`,
    })),
    ...absent(sim.shape, okta.shape).map((path): Difference => ({
      kind: 'extra',
      path,
      detail: `only the simulator has it (${sim.shape[path]})`,
    })),
  ];
  for (const [path, type] of Object.entries(okta.shape)) {
    if (path in sim.shape && sim.shape[path] !== type)
      differences.push({ kind: 'type', path, detail: `Okta ${type}, simulator ${sim.shape[path]}` });
  }
  const inBoth = (name: string) =>
    `remediation.value[${name}]` in okta.shape && `remediation.value[${name}]` in sim.shape;
  const oktaOrder = (okta.remediations ?? []).filter(inBoth).join(', ');
  const simOrder = (sim.remediations ?? []).filter(inBoth).join(', ');
  if (oktaOrder !== simOrder)
    differences.push({ kind: 'order', path: 'remediation', detail: `Okta [${oktaOrder}], simulator [${simOrder}]` });
  if (okta.status !== undefined && okta.status !== sim.status) {
    differences.push({ kind: 'status', path: 'status', detail: `Okta ${okta.status}, simulator ${sim.status}` });
  }
  return differences;
}

function globMatches(glob: string, path: string): boolean {
  const pattern = glob
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(path);
}

/**
 * The differences no entry allows, plus every entry for this fixture that allowed nothing (so the
 * list shrinks when the simulator catches up, instead of hiding later regressions).
 */
export function unexplained(fixture: string, differences: Difference[], allowList: AllowedDifference[]): string[] {
  const entries = allowList.filter((entry) => entry.fixtures.includes(fixture));
  const used = new Set<AllowedDifference>();
  const failures: string[] = [];
  for (const difference of differences) {
    const matching = entries.filter(
      (e) => e.kind === difference.kind && e.paths.some((glob) => globMatches(glob, difference.path)),
    );
    matching.forEach((entry) => used.add(entry));
    if (matching.length === 0) failures.push(`${difference.kind} ${difference.path}: ${difference.detail}`);
  }
  for (const entry of entries) {
    if (!used.has(entry))
      failures.push(`allow-list entry matched nothing (${entry.kind} ${entry.paths.join(', ')}): "${entry.reason}"`);
  }
  return failures;
}
