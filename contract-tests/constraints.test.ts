import { describe, expect, it } from "vitest";
import { constraints } from "../generated/constraints.js";
import { readSpec } from "../scripts/codegen/spec.js";
import { requestSamples } from "../scripts/verify/samples.js";
import { agree, type Candidate, clientVerdict, prismVerdict } from "./support/verdicts.js";

// Every case below is derived from the constraints table the spec generates, so a constraint added to (or removed
// from) the spec adds (or removes) its cases here: nothing is listed by hand.
interface Case {
  name: string;
  candidate: Candidate;
  valid: boolean;
}

const samples = requestSamples(readSpec());
// Printable US-ASCII, plus one Latin-1 letter that a header can still carry.
const PROBE_CHARS = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i)), "é"];

function cases(): Case[] {
  const out: Case[] = [];
  for (const operation of Object.values(constraints.operations)) {
    if (operation.path !== "/v1/entities" && operation.path !== "/v1/entity-connections") continue;
    const path = operation.path;
    const sample = samples.find((s) => s.operationId === operation.operationId)?.body as Record<string, string>;
    const withField = (field: string, value: unknown): Candidate => ({
      path,
      body: { ...sample, [field]: value },
      headers: {},
    });

    for (const [field, rule] of Object.entries(operation.fields) as [string, Record<string, unknown>][]) {
      if (rule.required) {
        const { [field]: _, ...rest } = sample;
        out.push({
          name: `${operation.operationId}: body.${field} missing`,
          candidate: { path, body: rest, headers: {} },
          valid: false,
        });
      }
      if (typeof rule.maxLength === "number") {
        out.push({
          name: `${operation.operationId}: body.${field} at ${rule.maxLength}`,
          candidate: withField(field, "a".repeat(rule.maxLength)),
          valid: true,
        });
        out.push({
          name: `${operation.operationId}: body.${field} at ${rule.maxLength + 1}`,
          candidate: withField(field, "a".repeat(rule.maxLength + 1)),
          valid: false,
        });
      }
      if (typeof rule.pattern === "string") {
        const regex = new RegExp(rule.pattern, "u");
        for (const char of PROBE_CHARS) {
          const value = `A${char}B`;
          if (!regex.test(value)) {
            out.push({
              name: `${operation.operationId}: body.${field} with ${JSON.stringify(char)}`,
              candidate: withField(field, value),
              valid: false,
            });
          }
        }
      }
    }

    for (const name of operation.headers) {
      const rule = constraints.headers[name as keyof typeof constraints.headers] as Record<string, unknown>;
      const withHeader = (value: string): Candidate => ({ path, body: sample, headers: { [name]: value } });
      if (typeof rule.maxLength === "number") {
        out.push({
          name: `${operation.operationId}: ${name} at ${rule.maxLength}`,
          candidate: withHeader("h".repeat(rule.maxLength)),
          valid: true,
        });
        out.push({
          name: `${operation.operationId}: ${name} at ${rule.maxLength + 1}`,
          candidate: withHeader("h".repeat(rule.maxLength + 1)),
          valid: false,
        });
      }
      if (typeof rule.pattern === "string") {
        const regex = new RegExp(rule.pattern, "u");
        for (const char of PROBE_CHARS) {
          const value = `x${char}y`;
          if (!regex.test(value)) {
            out.push({
              name: `${operation.operationId}: ${name} with ${JSON.stringify(char)}`,
              candidate: withHeader(value),
              valid: false,
            });
          }
        }
      }
    }
  }
  return out;
}

const all = cases();

describe("each documented constraint: Prism's verdict on the raw request equals the client's", () => {
  it("derives a case for every constraint of both operations", () => {
    // 4 + 1 required fields, 3 body and 2 header length limits (at and past each), and every forbidden probe char.
    expect(all.filter((c) => c.name.includes("missing"))).toHaveLength(5);
    expect(all.filter((c) => c.valid)).toHaveLength(7);
    expect(all.length).toBeGreaterThan(40);
  });

  it.each(all.map((c) => [c.name, c] as const))("%s", async (_, testCase) => {
    const [prism, client] = await Promise.all([prismVerdict(testCase.candidate), clientVerdict(testCase.candidate)]);
    expect(prism.valid, "Prism's verdict").toBe(testCase.valid);
    expect(client.valid, "the client's verdict").toBe(testCase.valid);
    expect(agree(client, prism), `client ${JSON.stringify(client)} vs Prism ${JSON.stringify(prism)}`).toBe(true);
  });
});
