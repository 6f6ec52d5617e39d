import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { constraints } from "../../generated/constraints.js";
import { isObject, type JsonObject, readSpec } from "../../scripts/codegen/spec.js";
import { type Editor, type Hover, openEditor } from "../support/editor.js";

// What a user sees in the editor, asked of TypeScript's language service as an editor asks it: the hover on a
// helper and the signature help while its arguments are typed. The file lives in memory, in this project, and
// imports the package by name (the project's tsconfig maps the name to the sources).
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FILE = "test/editor/userCode.ts";
const EXAMPLES = "test/editor/examples.ts";

const spec = readSpec();
const rows = Object.values(constraints.operations);
const pagers = rows.flatMap((row) => ("pagination" in row ? [{ row, helper: row.pagination.helper }] : []));

function operationOf(row: (typeof rows)[number]): JsonObject {
  const item = (spec.paths as JsonObject)[row.path];
  const operation = isObject(item) ? item[row.method.toLowerCase()] : undefined;
  if (!isObject(operation)) throw new Error(`${row.operationId} is not in the spec`);
  return operation;
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();
const tag = (hover: Hover, name: string) => hover.tags.filter((t) => t.name === name).map((t) => t.text);
/** The code of an `@example` tag, without its fence. */
const exampleCode = (hover: Hover) => tag(hover, "example").map((text) => text.replace(/^```\w*\n|\n?```$/g, ""));

const userCode = [
  'import { createZuoraClient } from "zuora-multi-entity";',
  'import { createStandIn } from "zuora-multi-entity/testing";',
  'import { listen } from "zuora-multi-entity/testing/node";',
  'const zuora = createZuoraClient({ baseUrl: "https://rest.test.zuora.com", auth: "any-token" });',
  ...rows.map((row) => `zuora.${row.operationId}();`),
  ...pagers.map(({ helper }) => `zuora.${helper}();`),
  'zuora.GET("/v1/entities", { timeoutMs: 5_000 });',
  "createStandIn();",
  "listen();",
  "",
].join("\n");

let editor: Editor;
beforeAll(() => {
  editor = openEditor(ROOT, { [FILE]: userCode });
});

describe("hovering a helper in the editor", () => {
  it("shows zuora.getEntity's path parameter by its name, entityId", () => {
    const hover = editor.hover(FILE, "zuora.|getEntity(");
    expect(hover?.display).toContain("getEntity(entityId: string, options?:");
    expect(tag(hover as Hover, "param")[0]).toMatch(/^entityId - The ID of the entity/);
  });

  it.each(rows.map((row) => [row.operationId, row] as const))(
    "shows %s's summary, description, named parameters, errors, Zuora's page and an example",
    (operationId, row) => {
      const operation = operationOf(row);
      const hover = editor.hover(FILE, `zuora.|${operationId}(`);
      if (!hover) throw new Error(`no hover on zuora.${operationId}`);
      expect(hover.documentation.startsWith(String(operation.summary))).toBe(true);
      // Every paragraph of the spec's description, bar those linking to another operation (they become links).
      for (const paragraph of String(operation.description).split(/\n\s*\n/)) {
        if (!paragraph.includes("](#")) expect(oneLine(hover.documentation)).toContain(oneLine(paragraph));
      }
      expect(hover.display).not.toMatch(/\bargs_\d/);
      const pathNames = Object.keys(row.pathParams);
      const params = tag(hover, "param");
      // One @param per argument; each path parameter's names the parameter of the path it fills.
      expect(params).toHaveLength(pathNames.length + (row.body ? 1 : 0) + (Object.keys(row.query).length ? 1 : 0) + 1);
      pathNames.forEach((name, i) => {
        expect(params[i]).toContain(`\`{${name}}\``);
      });
      expect(tag(hover, "returns")).toHaveLength(1);
      const throws = tag(hover, "throws").map((text) => text.split(" ")[0]);
      expect(throws).toEqual(expect.arrayContaining(["ZuoraValidationError", "ZuoraApiError"]));
      expect(tag(hover, "see").join(" ")).toContain((operation.externalDocs as JsonObject).url);
      expect(exampleCode(hover)).toEqual([expect.stringContaining(`zuora.${operationId}(`)]);
    },
  );

  it.each(rows.map((row) => [row.operationId, row] as const))(
    "names each argument of %s in the signature help, with its words",
    (operationId, row) => {
      const help = editor.signatureHelp(FILE, `zuora.${operationId}(|`);
      const names = help?.parameters.map((p) => p.name) ?? [];
      const pathNames = Object.keys(row.pathParams);
      expect(names.slice(pathNames.length)).toEqual([
        ...(row.body ? ["body"] : []),
        ...(Object.keys(row.query).length ? ["query"] : []),
        "options",
      ]);
      pathNames.forEach((name, i) => {
        expect(names[i]).toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(names[i]).not.toMatch(/^args_\d/);
        expect(help?.parameters[i]?.documentation).toContain(`\`{${name}}\``);
      });
      for (const parameter of help?.parameters ?? []) expect(parameter.documentation.length).toBeGreaterThan(20);
    },
  );

  it.each(pagers.map(({ row, helper }) => [helper, row] as const))(
    "shows the pager %s with its list operation's summary, named arguments and Zuora's page",
    (helper, row) => {
      const operation = operationOf(row);
      const hover = editor.hover(FILE, `zuora.|${helper}(`);
      if (!hover) throw new Error(`no hover on zuora.${helper}`);
      expect(hover.documentation).toContain(String(operation.summary));
      expect(tag(hover, "param").map((text) => text.split(" ")[0])).toEqual(["query", "options"]);
      expect(tag(hover, "see").join(" ")).toContain((operation.externalDocs as JsonObject).url);
      expect(exampleCode(hover)).toEqual([expect.stringContaining(`zuora.${helper}(`)]);
      const help = editor.signatureHelp(FILE, `zuora.${helper}(|`);
      expect(help?.parameters.map((p) => p.name)).toEqual(["query", "options"]);
    },
  );

  it("shows the per-call options in zuora.GET's init with their words", () => {
    const hover = editor.hover(FILE, "{ |timeoutMs: 5_000 }");
    expect(hover?.display).toBe("(property) timeoutMs?: number | undefined");
    expect(hover?.documentation).toMatch(/in ms/);
  });
});

describe("hovering the stand-in's entry points", () => {
  it.each([
    ["createStandIn", ["options"]],
    ["listen", ["standIn", "options"]],
  ])("shows %s with its words, named arguments, a reference and an example", (name, parameters) => {
    const hover = editor.hover(FILE, `\n|${name}(`);
    if (!hover) throw new Error(`no hover on ${name}`);
    expect(hover.documentation).toMatch(/^(Creates|Serves) a stand-in/);
    expect(tag(hover, "param").map((text) => text.split(" ")[0])).toEqual(parameters);
    expect(tag(hover, "returns")).toHaveLength(1);
    expect(tag(hover, "see")).toHaveLength(1);
    expect(exampleCode(hover)).toHaveLength(1);
    const help = editor.signatureHelp(FILE, `\n${name}(|`);
    expect(help?.parameters.map((p) => p.name)).toEqual(parameters);
  });
});

describe("the examples on hover", () => {
  it("compile, every one of them, against the package's types", () => {
    const hovers = [
      ...rows.map((row) => editor.hover(FILE, `zuora.|${row.operationId}(`)),
      ...pagers.map(({ helper }) => editor.hover(FILE, `zuora.|${helper}(`)),
      editor.hover(FILE, "\n|createStandIn("),
      editor.hover(FILE, "\n|listen("),
    ];
    const examples = hovers.flatMap((hover) => (hover ? exampleCode(hover) : []));
    expect(examples).toHaveLength(rows.length + pagers.length + 2);
    editor.write(
      EXAMPLES,
      [
        'import { createZuoraClient } from "zuora-multi-entity";',
        'import { createStandIn, listen } from "zuora-multi-entity/testing/node";',
        "declare const zuora: ReturnType<typeof createZuoraClient>;",
        "export async function examples() {",
        ...examples.map((code) => `  {\n    ${code}\n  }`),
        "}",
        "",
      ].join("\n"),
    );
    expect(editor.errors(EXAMPLES)).toEqual([]);
  });
});
