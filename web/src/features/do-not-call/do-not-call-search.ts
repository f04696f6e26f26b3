/** The search the box asks for: the first digits of numbers, + optional, spaces and dashes dropped; or why there is none. */
export function searchOf(input: string): { search: string; error?: never } | { search?: never; error: string } {
  const search = input.replace(/[\s().-]/g, '');
  return /^\+?\d{0,15}$/.test(search) ? { search } : { error: 'Type the first digits of a number, + optional.' };
}
