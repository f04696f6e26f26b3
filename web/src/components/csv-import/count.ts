/** What a row makes, in the singular and the plural: ['call', 'calls']. */
export type Noun = readonly [one: string, many: string];

/** "1 row", "1,500 rows". */
export function countOf(count: number, [one, many]: Noun): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}
