import { constraints } from "../../generated/constraints.js";
import { readSpec } from "../codegen/spec.js";
import { requestSample } from "./samples.js";
import type { Candidate } from "./verdicts.js";

/** One request built to probe one constraint, and whether the spec allows it. */
export interface ConstraintCase {
  operationId: string;
  name: string;
  candidate: Candidate;
  valid: boolean;
}

// Printable US-ASCII, plus one Latin-1 letter that a header can still carry.
const PROBE_CHARS = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i)), "é"];

/**
 * Derives probe requests from the generated constraints table, starting from each operation's reference sample:
 * each required field left out, each length limit at and one past its boundary, and each probe character a pattern
 * forbids. Nothing is listed by hand, so a constraint added to or removed from the spec adds or removes its cases.
 */
export function constraintCases(): ConstraintCase[] {
  const spec = readSpec();
  const out: ConstraintCase[] = [];
  for (const operation of Object.values(constraints.operations)) {
    // The two write operations whose probes the verification knows (their paths now also carry the list calls).
    if (
      operation.method !== "POST" ||
      (operation.path !== "/v1/entities" && operation.path !== "/v1/entity-connections")
    ) {
      continue;
    }
    const { path, operationId } = operation;
    const sample = requestSample(spec, operationId).body as Record<string, unknown>;
    const add = (name: string, candidate: Candidate, valid: boolean) =>
      out.push({ operationId, name, candidate, valid });
    const withField = (field: string, value: unknown): Candidate => ({
      path,
      body: { ...sample, [field]: value },
      headers: {},
    });
    const withHeader = (name: string, value: string): Candidate => ({ path, body: sample, headers: { [name]: value } });

    for (const [field, rule] of Object.entries(operation.fields) as [string, Record<string, unknown>][]) {
      if (rule.required) {
        const { [field]: _, ...rest } = sample;
        add(`body.${field} missing`, { path, body: rest, headers: {} }, false);
      }
      if (typeof rule.maxLength === "number") {
        add(`body.${field} at ${rule.maxLength}`, withField(field, "a".repeat(rule.maxLength)), true);
        add(`body.${field} at ${rule.maxLength + 1}`, withField(field, "a".repeat(rule.maxLength + 1)), false);
      }
      if (typeof rule.pattern === "string") {
        for (const char of forbidden(rule.pattern, "A", "B")) {
          add(`body.${field} with ${JSON.stringify(char)}`, withField(field, `A${char}B`), false);
        }
      }
    }
    for (const name of operation.headers) {
      const rule = constraints.headers[name as keyof typeof constraints.headers] as Record<string, unknown>;
      if (typeof rule.maxLength === "number") {
        add(`${name} at ${rule.maxLength}`, withHeader(name, "h".repeat(rule.maxLength)), true);
        add(`${name} at ${rule.maxLength + 1}`, withHeader(name, "h".repeat(rule.maxLength + 1)), false);
      }
      if (typeof rule.pattern === "string") {
        for (const char of forbidden(rule.pattern, "x", "y")) {
          add(`${name} with ${JSON.stringify(char)}`, withHeader(name, `x${char}y`), false);
        }
      }
    }
  }
  return out;
}

function forbidden(pattern: string, before: string, after: string): string[] {
  const regex = new RegExp(pattern, "u");
  return PROBE_CHARS.filter((char) => !regex.test(`${before}${char}${after}`));
}
