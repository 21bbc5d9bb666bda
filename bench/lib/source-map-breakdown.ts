/**
 * Which modules the bytes of a built file come from, read from its source map: each generated
 * segment is attributed to the source it maps to (unmapped bytes to "(unmapped)"), then grouped by
 * package or by our own top-level folder. Gzip shares are each group's own bytes gzipped apart,
 * scaled so they add up to the file's real gzip size (compression across groups is shared).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export interface ModuleShare {
  group: string;
  minified: number;
  gzip: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** One line of a source map's `mappings`: [generated column, source index | undefined] per segment. */
function decodeLine(line: string, state: { source: number }): Array<[number, number | undefined]> {
  const segments: Array<[number, number | undefined]> = [];
  let column = 0;
  for (const segment of line.split(',')) {
    if (!segment) continue;
    const fields: number[] = [];
    let value = 0;
    let shift = 0;
    for (const char of segment) {
      const digit = DIGIT.get(char) ?? 0;
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    column += fields[0] ?? 0;
    if (fields.length >= 4) state.source += fields[1] ?? 0;
    segments.push([column, fields.length >= 4 ? state.source : undefined]);
  }
  return segments;
}

/** "lit-html", "@okta/okta-auth-js", "src/components", "src/i18n/locales"… */
export function groupOf(source: string): string {
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (inModules?.[1]) return inModules[1];
  const ours = /(?:^|\/)(src|sim)\/(.*)$/.exec(source);
  if (!ours) return source;
  const parts = (ours[2] ?? '').split('/');
  if (parts[0] === 'i18n' && parts[1] === 'locales') return 'src/i18n/locales';
  return `${ours[1]}/${parts[0]}`;
}

export function breakdown(file: string, group: (source: string) => string = groupOf): ModuleShare[] {
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string };
  const pieces = new Map<string, string[]>();
  const add = (name: string, text: string) => {
    if (!text) return;
    const list = pieces.get(name) ?? [];
    list.push(text);
    pieces.set(name, list);
  };
  const lines = code.split('\n');
  const mappingLines = map.mappings.split(';');
  const state = { source: 0 };
  lines.forEach((line, i) => {
    const segments = decodeLine(mappingLines[i] ?? '', state);
    let covered = 0;
    let owner = '(unmapped)';
    for (const [column, source] of segments) {
      add(owner, line.slice(covered, column));
      covered = column;
      owner = source === undefined ? '(unmapped)' : group(map.sources[source] ?? '?');
    }
    add(owner, line.slice(covered) + '\n');
  });
  const total = gzipSync(code, { level: 9 }).length;
  const shares = [...pieces].map(([name, texts]) => {
    const text = texts.join('');
    return { group: name, minified: Buffer.byteLength(text), apart: gzipSync(text, { level: 9 }).length };
  });
  const apartSum = shares.reduce((sum, s) => sum + s.apart, 0);
  return shares
    .map((s) => ({ group: s.group, minified: s.minified, gzip: (s.apart / apartSum) * total }))
    .sort((a, b) => b.gzip - a.gzip);
}
