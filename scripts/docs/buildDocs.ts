import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { readGuides, withGuideLinks } from "./guides.js";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Where `npm run docs` writes the rendered reference (git-ignored: it is built, not written). */
export const DOCS_OUTPUT = "docs/reference/index.html";

/** The page's title, as browsers show it in the tab. */
export const DOCS_TITLE = "Zuora Multi-entity API: the zuora-multi-entity contract";

/** Where `npm run docs` writes the control API's reference, beside the contract's. */
export const CONTROL_DOCS_OUTPUT = "docs/reference/stand-in-control.html";

/** The control API page's title. */
export const CONTROL_DOCS_TITLE = "zuora-stand-in control API";

/**
 * Renders openapi/multi-entity.yaml into one static HTML file with Redocly CLI's `build-docs`. `--inlineBundle`
 * puts Redoc's scripts into the file, so the page works offline and from `file://`, without Redocly's CDN. The
 * introduction links each page of `docs/` (see guides.ts), relative to where the file is written.
 *
 * @param output - Path of the HTML file, relative to the project root or absolute. Defaults to {@link DOCS_OUTPUT}.
 * @returns The absolute path written.
 */
export async function buildDocs(output: string = DOCS_OUTPUT): Promise<string> {
  const target = resolve(ROOT, output);
  // The spec as written, plus the guides' links: a copy for Redocly to read (the spec's $refs are all internal).
  const docsDir = resolve(ROOT, "docs");
  const spec = withGuideLinks(
    await readFile(resolve(ROOT, "openapi/multi-entity.yaml"), "utf8"),
    await readGuides(docsDir),
    docsDir,
    dirname(target),
  );
  return render(spec, DOCS_TITLE, target);
}

/**
 * Renders openapi/stand-in-control.yaml (the stand-in's own endpoints, with their curl examples) the same way.
 *
 * @param output - Path of the HTML file, relative to the project root or absolute. Defaults to
 * {@link CONTROL_DOCS_OUTPUT}.
 * @returns The absolute path written.
 */
export async function buildControlDocs(output: string = CONTROL_DOCS_OUTPUT): Promise<string> {
  const spec = await readFile(resolve(ROOT, "openapi/stand-in-control.yaml"), "utf8");
  return render(spec, CONTROL_DOCS_TITLE, resolve(ROOT, output));
}

/** Writes `spec` (YAML text) to a scratch file and has Redocly render it to `target`, with `title`. */
async function render(spec: string, title: string, target: string): Promise<string> {
  await mkdir(dirname(target), { recursive: true });
  const scratch = await mkdtemp(join(tmpdir(), "zuora-multi-entity-docs-spec-"));
  try {
    const specFile = join(scratch, "spec.yaml");
    await writeFile(specFile, spec);
    await run(
      resolve(ROOT, "node_modules/.bin/redocly"),
      ["build-docs", specFile, "--config", "redocly.yaml", "--inlineBundle", "--title", title, "--output", target],
      { cwd: ROOT },
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return target;
}
