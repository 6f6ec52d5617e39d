// One rule for what a command of this package writes on a terminal, shared by `zuora-entities` and
// `zuora-stand-in`: text that comes from data (a file, a tenant, a server) cannot drive the terminal.

// A C0 control other than a tab or a line break, DEL, or a C1 control.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// A colour code (kept), or a control character as above (escaped).
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for.
const CONTROL_BUT_COLOUR = /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

const escaped = (found: string) => `\\u${found.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * `text` with each control character but a line break and a tab written as its escape (`\u001b`), colour codes
 * included: what a file or a tenant holds (a display name is any text up to 255 characters) or a server says must not
 * move the cursor, clear the screen, retitle the window, colour or hide what follows, or rewrite a line on the
 * terminal of the person reading it.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, escaped);
}

/**
 * A line a view has coloured, made printable: its colour codes (`ESC[1;31m`) kept, every other control character
 * escaped as {@link printable} does. The view must have made its data {@link printable} before colouring it.
 */
export function printableColoured(line: string): string {
  return line.replace(CONTROL_BUT_COLOUR, (found) => (found.length > 1 ? found : escaped(found)));
}

/** `value` with every string in it {@link printable}, at any depth (objects and arrays are copied). */
export function printableData<T>(value: T): T {
  if (typeof value === "string") return printable(value) as T;
  if (Array.isArray(value)) return value.map(printableData) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = printableData(item);
    return out as T;
  }
  return value;
}
