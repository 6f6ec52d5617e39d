/**
 * Where a header value breaks HTTP's field-value rule (RFC 9110 §5.5: tab, space, visible ASCII, obs-text), or -1.
 * `fetch` would refuse such a value, or a proxy would split the header on it, so the client refuses it first.
 */
export function invalidHeaderCharAt(value: string): number {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x09 || (c >= 0x20 && c !== 0x7f && c <= 0xff)) continue;
    return i;
  }
  return -1;
}
