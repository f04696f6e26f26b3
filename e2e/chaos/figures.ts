/** `12.3 s`: how the chaos suite writes times and durations of seconds. */
export function seconds(valueMs: number): string {
  return `${(valueMs / 1000).toFixed(1)} s`;
}

/** `850 ms`: how it writes latenesses. */
export function ms(value: number): string {
  return `${Math.round(value)} ms`;
}
