/** A form's number field read as a whole number within bounds, or the problem in words. */
export function checkWholeNumber(value: string, { min, max }: { min: number; max: number }): { value: number } | { error: string } {
  const number = Number(value);
  if (value.trim() === '' || !Number.isInteger(number) || number < min || number > max) {
    return { error: `Enter a whole number from ${min} to ${max}.` };
  }
  return { value: number };
}
