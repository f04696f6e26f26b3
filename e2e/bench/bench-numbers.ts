const PER_EXCHANGE = 10_000;
/** Exchanges 555 to 594: valid numbers in every area code the bench uses, and enough for 400,000 calls of one area code. */
const FIRST_EXCHANGE = 555;
const EXCHANGES = 40;

/**
 * Numbers of the bench's own, one per call, so that what the provider received can be told apart by
 * number: each measurement dials numbers of an area code of its own, and none twice.
 */
export function benchNumbers(areaCode: string, count: number, from = 0): string[] {
  if (!/^[2-9]\d\d$/.test(areaCode)) throw new Error(`${areaCode} is not a North American area code`);
  if (from + count > PER_EXCHANGE * EXCHANGES) throw new Error(`at most ${PER_EXCHANGE * EXCHANGES} numbers per area code`);
  return Array.from({ length: count }, (_, i) => {
    const index = from + i;
    const exchange = FIRST_EXCHANGE + Math.floor(index / PER_EXCHANGE);
    return `+1${areaCode}${exchange}${String(index % PER_EXCHANGE).padStart(4, '0')}`;
  });
}

/** Takes numbers of an area code in turn, so that no measurement of the run dials one a second time. */
export function freshNumbers(areaCode: string): (count: number) => string[] {
  let next = 0;
  return (count) => {
    const numbers = benchNumbers(areaCode, count, next);
    next += count;
    return numbers;
  };
}
