/** The one table every section adds rows to, printed and written to BENCHMARKS.md as Markdown. */
export interface Row {
  section: string;
  figure: string;
  value: string;
  /** The baseline measured in the same run, or the bound the protocol sets, and how the value compares. */
  against: string;
  method: string;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function markdownTable(rows: readonly Row[]): string {
  const header = ['Section', 'Figure', 'Value', 'Against', 'How measured'];
  const lines = [
    header,
    header.map(() => '---'),
    ...rows.map((r) => [r.section, r.figure, r.value, r.against, r.method]),
  ];
  return lines.map((cells) => `| ${cells.map(escapeCell).join(' | ')} |`).join('\n');
}
