/** `1 entity`, `1,521 entities`: a count (grouped by thousands) and its noun, for summaries and progress lines. */
export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}
