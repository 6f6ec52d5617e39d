import type { Context } from "../context.js";
import { type Diagnostic, diagnosticLine, emitDiagnostic } from "./diagnostics.js";

/**
 * An error of the run, for a person on stderr (`Error: ...`, then its details, indented), or with `--json` as a
 * `diagnostic` line on stdout, so that a script reading the JSON lines learns why the command failed.
 */
export function showError(context: Context, summary: string, details: readonly string[] = []): void {
  if (context.json) {
    emitDiagnostic(context.json, { summary: details.length > 0 ? `${summary}: ${details.join("; ")}` : summary });
    return;
  }
  context.progress.say(`Error: ${summary}${details.length > 0 ? ":" : ""}`);
  for (const line of details) context.progress.say(`  ${line}`);
}

/** Problems of a file or a plan, every one: for a person on stderr, one line each; as `diagnostic` lines in JSON. */
export function showDiagnostics(context: Context, diagnostics: readonly Diagnostic[]): void {
  const { json } = context;
  for (const d of diagnostics) {
    if (json) emitDiagnostic(json, d);
    else context.progress.say(`Error: ${diagnosticLine(d)}`);
  }
}
