import type { FileProblem } from "../../file/readHierarchy.js";
import type { Location, Refusal } from "../../model.js";
import type { JsonStream } from "./jsonStream.js";

/** A problem as the command reports it: a file's, a plan's refusal, or an error, with where it is when known. */
export interface Diagnostic {
  /** What is wrong, and the rule broken. */
  summary: string;
  /** The plan's address it concerns (`entity.EU`), if any. */
  address?: string | undefined;
  /** The file it is in. */
  source?: string | undefined;
  /** Where in the file (1-based). */
  at?: Location | undefined;
  /** Zuora's reason code, when Zuora (or the rehearsal) gave one. */
  code?: string | undefined;
}

/** A file's problem as a diagnostic. */
export function fromFileProblem(problem: FileProblem, source: string): Diagnostic {
  return { summary: problem.problem, source, at: problem.at };
}

/** A refusal of a plan (or of `validate`) as a diagnostic. */
export function fromRefusal(refusal: Refusal, source: string | undefined): Diagnostic {
  return { summary: refusal.reason, address: refusal.address, source, at: refusal.at, code: refusal.code };
}

/** `file:line:column: address: summary [code]`, as a compiler prints it. */
export function diagnosticLine(d: Diagnostic): string {
  const place = d.source === undefined ? "" : `${d.source}${d.at ? `:${d.at.line}:${d.at.column}` : ""}: `;
  const code = d.code && !d.summary.includes(d.code) ? ` [${d.code}]` : "";
  return `${place}${d.address ? `${d.address}: ` : ""}${d.summary}${code}`;
}

/** Diagnostics in the order of their file, as an editor lists them (those without a place first). */
export function inFileOrder(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.column ?? 0) - (b.at?.column ?? 0),
  );
}

/** Writes a diagnostic as a `diagnostic` line of the JSON stream (Terraform's shape: severity, summary, range). */
export function emitDiagnostic(stream: JsonStream, d: Diagnostic): void {
  stream.emit(
    "diagnostic",
    diagnosticLine(d),
    {
      diagnostic: {
        severity: "error",
        summary: d.summary,
        ...(d.address === undefined ? {} : { address: d.address }),
        ...(d.code === undefined ? {} : { code: d.code }),
        ...(d.source === undefined
          ? {}
          : { range: { filename: d.source, ...(d.at ? { start: { line: d.at.line, column: d.at.column } } : {}) } }),
      },
    },
    "error",
  );
}
