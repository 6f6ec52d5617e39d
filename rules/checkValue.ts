import { codePointLength, describeChar } from "./characters.js";

/**
 * A value's rules as the spec states them: the JSON Schema keywords the client and the stand-in enforce, as
 * `npm run generate` writes them into generated/constraints.ts (each key present only when the spec gives it).
 */
export interface ValueRule {
  type?: string;
  enum?: readonly unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** The pattern's rule in words (the spec's `x-pattern-description`), completing "must be …". */
  patternDescription?: string;
  minimum?: number;
  maximum?: number;
  /** For an array: the fewest items. */
  minItems?: number;
  /** For an array: the most items. */
  maxItems?: number;
  /** For an array: the rule every item meets (a scalar's keywords only). */
  items?: ValueRule;
}

/** A body field's or a path or query parameter's rules: its value's, and whether it must be given. */
export interface FieldRule extends ValueRule {
  required: boolean;
  /** From `format: password`: the value is a credential, hidden in the call's errors and log lines. */
  secret?: boolean;
}

/** The rule a value broke, named after the spec keyword (or the HTTP rule) it comes from. */
export type ValidationRule =
  | "required"
  | "type"
  | "maxLength"
  | "minLength"
  | "pattern"
  | "enum"
  | "const"
  | "minimum"
  | "maximum"
  | "minItems"
  | "maxItems"
  | "headerValue"
  | "method";

/** A broken rule: which one and what is wrong, in words that do not repeat the value. */
export interface Violation {
  rule: ValidationRule;
  problem: string;
  /** For an array, the item (counted from 1) that broke its item rule. */
  item?: number;
}

/** Checks one value; returns the first violation or null. Built once per field, never per call. */
export type Check = (value: unknown) => Violation | null;

/**
 * Compiles a field's keywords into one check. Patterns are compiled here, once, with the `u` flag that JSON Schema
 * validators (Ajv, and so Prism) use, so the client and the mock read a pattern the same way.
 */
export function compileCheck(keywords: ValueRule): Check {
  const checks: Check[] = [];
  const { type } = keywords;
  if (type === "string") {
    checks.push((v) => (typeof v === "string" ? null : { rule: "type", problem: `must be a string, got ${kind(v)}` }));
  } else if (type === "integer") {
    // A safe integer only: beyond 2^53 a number is no longer exact, and in a URL it travels as `1e+21`.
    checks.push((v) =>
      typeof v === "number" && Number.isSafeInteger(v)
        ? null
        : {
            rule: "type",
            problem:
              typeof v !== "number"
                ? `must be a whole number, got ${kind(v)}`
                : Number.isInteger(v)
                  ? `must be a whole number from ${keywords.minimum ?? -Number.MAX_SAFE_INTEGER} to ${keywords.maximum ?? Number.MAX_SAFE_INTEGER}, beyond which a number is not exact`
                  : "must be a whole number, got a fraction",
          },
    );
  } else if (type === "number") {
    checks.push((v) =>
      typeof v === "number" && Number.isFinite(v)
        ? null
        : { rule: "type", problem: `must be a number, got ${kind(v)}` },
    );
  } else if (type === "boolean") {
    checks.push((v) =>
      typeof v === "boolean" ? null : { rule: "type", problem: `must be a boolean, got ${kind(v)}` },
    );
  }
  if (type === "array") checks.push(arrayCheck(keywords));
  const { maxLength, minLength, pattern } = keywords;
  if (maxLength !== undefined) {
    checks.push((v) => {
      // Fast path: UTF-16 length is never below the code-point length.
      if (typeof v !== "string" || v.length <= maxLength) return null;
      const length = codePointLength(v);
      return length <= maxLength
        ? null
        : { rule: "maxLength", problem: `must be at most ${maxLength} characters, got ${length}` };
    });
  }
  if (minLength !== undefined) {
    checks.push((v) =>
      typeof v !== "string" || codePointLength(v) >= minLength
        ? null
        : {
            rule: "minLength",
            problem: minLength === 1 ? "must not be empty or blank" : `must be at least ${minLength} characters`,
          },
    );
  }
  if (pattern !== undefined) {
    const regex = new RegExp(pattern, "u");
    // The generator refuses a pattern without words; the raw pattern is only a fallback for a hand-built table.
    const words = keywords.patternDescription ?? `a match of ${pattern}`;
    // Naming the first bad character only means something for a pattern of one character class (`^[A-Z .-]+$`); a
    // lookahead such as "not . or .." has no bad character, only a bad whole.
    const perCharacter = /^\^\[[^\]]+\][+*]\$$/.test(pattern);
    checks.push((v) => {
      if (typeof v !== "string" || regex.test(v)) return null;
      return { rule: "pattern", problem: `must be ${words}${perCharacter ? firstOffender(regex, v) : ""}` };
    });
  }
  if (keywords.enum !== undefined) {
    const allowed = keywords.enum;
    checks.push((v) =>
      allowed.includes(v)
        ? null
        : { rule: "enum", problem: `must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}` },
    );
  }
  if ("const" in keywords && keywords.const !== undefined) {
    const expected = keywords.const;
    checks.push((v) => (v === expected ? null : { rule: "const", problem: `must be ${JSON.stringify(expected)}` }));
  }
  const { minimum, maximum } = keywords;
  if (minimum !== undefined) {
    checks.push((v) =>
      typeof v !== "number" || v >= minimum ? null : { rule: "minimum", problem: `must be ≥ ${minimum}` },
    );
  }
  if (maximum !== undefined) {
    checks.push((v) =>
      typeof v !== "number" || v <= maximum ? null : { rule: "maximum", problem: `must be ≤ ${maximum}` },
    );
  }
  return (value) => {
    for (const check of checks) {
      const violation = check(value);
      if (violation) return violation;
    }
    return null;
  };
}

/** An array's type, item count and items (the first item that breaks the item rule, counted from 1). */
function arrayCheck({ minItems, maxItems, items }: ValueRule): Check {
  const item = items ? compileCheck(items) : () => null;
  return (v) => {
    if (!Array.isArray(v)) return { rule: "type", problem: `must be an array, got ${kind(v)}` };
    if (minItems !== undefined && v.length < minItems) {
      return { rule: "minItems", problem: `must have at least ${minItems} item(s), got ${v.length}` };
    }
    if (maxItems !== undefined && v.length > maxItems) {
      return { rule: "maxItems", problem: `must have at most ${maxItems} item(s), got ${v.length}` };
    }
    for (const [index, value] of v.entries()) {
      const violation = item(value);
      if (violation)
        return { rule: violation.rule, problem: `item ${index + 1} ${violation.problem}`, item: index + 1 };
    }
    return null;
  };
}

/**
 * For a character-class pattern, names the first character that fails it: `: "_" at position 5 is not allowed`
 * (positions count characters from 1), or says that the value is empty.
 */
function firstOffender(regex: RegExp, value: string): string {
  const chars = Array.from(value);
  if (chars.length === 0) return ": the value is empty";
  const index = chars.findIndex((c) => !regex.test(c));
  if (index === -1) return "";
  return `: ${describeChar(chars[index] ?? "", 0)} at position ${index + 1} is not allowed`;
}

function kind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}
