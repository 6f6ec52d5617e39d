import { readHierarchyText } from "../../file/readHierarchy.js";
import { validateHierarchy } from "../../plan/validateHierarchy.js";
import { plural } from "../../plural.js";
import { JSON_LINES, onePositional } from "../arguments/common.js";
import { flag } from "../arguments/parseOptions.js";
import { readNamedFile } from "../files.js";
import { diagnosticLine, emitDiagnostic, fromFileProblem, fromRefusal, inFileOrder } from "../views/diagnostics.js";
import type { Command } from "./command.js";

/** `zuora-entities validate`'s arguments. */
export interface ValidateArguments {
  file: string;
  json: boolean;
}

/** `zuora-entities validate FILE`: every problem of the file at once, with its line; no tenant needed. */
export const validateCommand: Command<ValidateArguments> = {
  name: "validate",
  synopsis: "validate FILE [--json]",
  summary: "every problem of FILE at once, with its line; no tenant needed",
  description: `Checks FILE without a tenant: its keys and values, and what it means (one root, every parent in the file, no
cycle, connections between entities of the file). Prints every problem at once, each with the file's line and
column. Sends nothing.`,
  options: [JSON_LINES],
  tenant: false,
  parse: (parsed) => ({ file: onePositional(parsed, "validate", "FILE"), json: flag(parsed, "json") }),
  async run(args, context) {
    const { io, json } = context;
    const { hierarchy, problems } = readHierarchyText(await readNamedFile(args.file, "FILE"), args.file);
    const found = problems.map((p) => fromFileProblem(p, args.file));
    if (hierarchy) found.push(...validateHierarchy(hierarchy).map((r) => fromRefusal(r, args.file)));
    const diagnostics = inFileOrder(found);
    const said =
      diagnostics.length === 0
        ? `${args.file}: valid.`
        : `${args.file}: ${plural(diagnostics.length, "problem", "problems")}.`;
    if (json) {
      for (const d of diagnostics) emitDiagnostic(json, d);
      json.emit("validate_summary", said, { valid: diagnostics.length === 0, error_count: diagnostics.length });
    } else {
      for (const d of diagnostics) io.out(diagnosticLine(d));
      io.out(said);
    }
    return diagnostics.length === 0 ? 0 : 1;
  },
};
