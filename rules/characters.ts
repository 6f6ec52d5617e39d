/** Names a character for a message without quoting whole values: `":"`, `U+00E9`, `U+000A`. */
export function describeChar(value: string, index: number): string {
  const code = value.codePointAt(index) ?? 0;
  const printable = code >= 0x21 && code <= 0x7e;
  return printable ? `"${String.fromCodePoint(code)}"` : `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Length in Unicode code points, as JSON Schema's `maxLength` counts it (an emoji is one character, not two). */
export function codePointLength(value: string): number {
  let length = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    length++;
  }
  return length;
}
