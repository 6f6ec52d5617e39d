import { inspect } from "node:util";

/** Everything a caller could print or log of an error: text, message, stack, JSON, inspect (cause chain), the cause. */
export function errorTexts(error: unknown): string[] {
  const e = error as { message?: string; stack?: string; cause?: unknown };
  return [
    String(error),
    e.message ?? "",
    e.stack ?? "",
    JSON.stringify(error) ?? "",
    inspect(error, { depth: 8 }),
    inspect(e.cause),
  ];
}
