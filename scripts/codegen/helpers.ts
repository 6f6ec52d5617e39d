import { BANNER } from "./banner.js";
import type { ConstraintTable } from "./constraints.js";
import { HELPERS_INTERFACE, type HelperDoc, helperDocs } from "./helperDocs.js";
import type { JsonObject } from "./spec.js";

/** The name the generated interface gives the pagers. */
const PAGERS_INTERFACE = "PagerHelpers";

/**
 * Renders the helpers' declared type: one documented method per operation (and per pager), with named arguments.
 * The file holds names and words only: every type comes from `T`, the parts the client derives from the schema, so
 * it emits no JavaScript and the client's bundle does not grow.
 */
export function renderHelpers(spec: JsonObject, table: ConstraintTable): string {
  const docs = helperDocs(spec, table);
  const paged = Object.values(table.operations).filter((row) => row.pagination);
  const helpers = docs.filter((doc) => table.operations[doc.name] !== undefined);
  const pagers = docs.filter((doc) => table.operations[doc.name] === undefined);
  return [
    BANNER,
    'import type { operations } from "./schema.js";',
    "",
    "/** What one helper is made of, as the client derives it from the schema's types for each operation. */",
    "export interface HelperParts {",
    "  /** The path parameters' values, by their names in the path. */",
    "  path: Record<string, unknown>;",
    "  /** The request body. */",
    "  body: unknown;",
    "  /** The query values. */",
    "  query: unknown;",
    "  /** The per-call options. */",
    "  options: unknown;",
    "  /** What the helper returns. */",
    "  result: unknown;",
    "}",
    "",
    "/** What one pager is made of: the list operation's query values less the page number, options and result. */",
    "export interface PagerParts {",
    "  /** The query values. */",
    "  query: unknown;",
    "  /** The per-call options. */",
    "  options: unknown;",
    "  /** What the pager returns. */",
    "  result: unknown;",
    "}",
    "",
    "/**",
    " * One helper per operation of the spec, named by its operationId, documented from the spec: call it on the client",
    " * (`zuora.getEntity(entityId)`). Path parameters come first, in the order of the path, then the body, then query",
    " * values, then per-call options.",
    " */",
    `export interface ${HELPERS_INTERFACE}<T extends { [K in keyof operations]: HelperParts }> {`,
    ...helpers.flatMap((doc) => member(doc)),
    "}",
    "",
    "/** One iterator per paginated operation (its `x-pagination` helper), over every item of every page. */",
    `export interface ${PAGERS_INTERFACE}<T extends { ${paged.map((row) => `${row.operationId}: PagerParts`).join("; ")} }> {`,
    ...pagers.flatMap((doc) => member(doc)),
    "}",
    "",
  ].join("\n");
}

/** A documented method of the interface. */
function member(doc: HelperDoc): string[] {
  const parts = `T[${JSON.stringify(doc.operationId)}]`;
  const args = doc.arguments.map(
    (arg) => `${arg.name}${arg.optional ? "?" : ""}: ${parts}${arg.part.map((p) => `[${JSON.stringify(p)}]`).join("")}`,
  );
  const lines = [
    doc.summary,
    "",
    ...doc.description.split("\n"),
    "",
    ...doc.arguments.map((arg) => `@param ${arg.name} - ${arg.doc}`),
    `@returns ${doc.returns}`,
    ...doc.throws.map(([error, when]) => `@throws ${error} ${when}`),
    `@see {@link ${doc.see.url} | ${doc.see.text}}`,
    "@example",
    "```ts",
    doc.example,
    "```",
  ];
  return [
    "  /**",
    ...lines.map((line) => (line === "" ? "   *" : `   * ${line}`)),
    "   */",
    `  ${doc.name}(${args.join(", ")}): ${parts}["result"];`,
  ];
}
