import type { constraints } from "../../generated/constraints.js";
import { Category, type Refusal } from "../tenant/reasons.js";

/** One operation's row of the generated operation table. */
export type OperationRow = (typeof constraints.operations)[keyof typeof constraints.operations];

/** A value's rules as the operation table states them (every key optional: rows differ in which they carry). */
interface Rule {
  required?: boolean;
  type?: string;
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  items?: Rule;
}

/**
 * Checks what the client checks before sending (the spec's rules, from the generated operation table), for callers
 * that reach the stand-in without the client: a raw `fetch`, or code in another language over `listen()`. Zuora
 * answers such a request with a business failure naming the field, and so does the stand-in.
 */
export function checkRequest(
  row: OperationRow,
  pathParams: Record<string, string>,
  query: URLSearchParams,
  body: unknown,
): Refusal | undefined {
  for (const [name, rule] of Object.entries(row.pathParams as Record<string, Rule>)) {
    const problem = checkText(`path parameter ${name}`, pathParams[name] ?? "", rule);
    if (problem) return problem;
  }
  for (const [name, rule] of Object.entries(row.query as Record<string, Rule>)) {
    const value = query.get(name);
    if (value === null) continue;
    const problem = checkQuery(name, value, rule);
    if (problem) return problem;
  }
  if (!row.body) return undefined;
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return row.bodyRequired ? refuse(Category.malformed, "The request body must be a JSON object.") : undefined;
  }
  const fields = body as Record<string, unknown>;
  for (const [name, rule] of Object.entries(row.fields as Record<string, Rule>)) {
    const value = fields[name];
    if (value === undefined || value === null) {
      if (rule.required) return refuse(Category.missingField, `The field ${name} is required.`);
      continue;
    }
    if (rule.type === "array") {
      const problem = checkList(name, value, rule);
      if (problem) return problem;
      continue;
    }
    if (typeof value !== "string") return refuse(Category.invalidValue, `The field ${name} must be a string.`);
    const problem = checkText(`field ${name}`, value, rule);
    if (problem) return problem;
  }
  return undefined;
}

function refuse(category: Refusal["category"], message: string): Refusal {
  return { category, message };
}

function checkText(what: string, value: string, rule: Rule): Refusal | undefined {
  if (rule.minLength !== undefined && value.length < rule.minLength) {
    return refuse(Category.invalidValue, `The ${what} must have at least ${rule.minLength} characters.`);
  }
  if (rule.maxLength !== undefined && value.length > rule.maxLength) {
    return refuse(Category.invalidValue, `The ${what} must have at most ${rule.maxLength} characters.`);
  }
  if (rule.pattern !== undefined && !new RegExp(rule.pattern, "u").test(value)) {
    return refuse(Category.invalidValue, `The ${what} does not match ${rule.pattern}.`);
  }
  if (rule.enum !== undefined && !rule.enum.includes(value)) {
    return refuse(Category.invalidValue, `The ${what} must be one of ${rule.enum.join(", ")}.`);
  }
  return undefined;
}

/**
 * An array field: its items' count and each item. More items than `maxItems` breaks a rule of the operation (Zuora
 * shares a product with one entity at a time), so it is refused as a rule restriction; the rest are invalid values.
 */
function checkList(name: string, value: unknown, rule: Rule): Refusal | undefined {
  if (!Array.isArray(value)) return refuse(Category.invalidValue, `The field ${name} must be an array.`);
  if (rule.minItems !== undefined && value.length < rule.minItems) {
    return refuse(Category.invalidValue, `The field ${name} must have at least ${rule.minItems} item(s).`);
  }
  if (rule.maxItems !== undefined && value.length > rule.maxItems) {
    return refuse(Category.rule, `The field ${name} takes at most ${rule.maxItems} item(s) at a time.`);
  }
  for (const [index, item] of value.entries()) {
    if (typeof item !== "string")
      return refuse(Category.invalidValue, `Item ${index + 1} of ${name} must be a string.`);
    const problem = checkText(`item ${index + 1} of field ${name}`, item, rule.items ?? {});
    if (problem) return problem;
  }
  return undefined;
}

function checkQuery(name: string, value: string, rule: Rule): Refusal | undefined {
  const what = `query parameter ${name}`;
  if (rule.type === "boolean" && value !== "true" && value !== "false") {
    return refuse(Category.invalidValue, `The ${what} must be true or false.`);
  }
  if (rule.type === "integer") {
    if (!/^-?\d+$/.test(value)) return refuse(Category.invalidValue, `The ${what} must be an integer.`);
    const n = Number(value);
    if (rule.minimum !== undefined && n < rule.minimum) {
      return refuse(Category.invalidValue, `The ${what} must be at least ${rule.minimum}.`);
    }
    if (rule.maximum !== undefined && n > rule.maximum) {
      return refuse(Category.invalidValue, `The ${what} must be at most ${rule.maximum}.`);
    }
    return undefined;
  }
  return checkText(what, value, rule);
}
