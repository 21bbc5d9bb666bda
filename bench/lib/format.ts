/** Numbers as the table shows them. */
export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

export function ms(value: number): string {
  return Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a';
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

/** `a` as a multiple of `b`: "0.31×". */
export function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}
