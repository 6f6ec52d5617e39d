/** `1 entity`, `2 entities`: a count and its noun, for the plan's summary and the progress lines. */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
