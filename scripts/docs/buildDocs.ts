import { execFile } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

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
 * puts Redoc's scripts into the file, so the page works offline and from `file://`, without Redocly's CDN.
 *
 * @param output - Path of the HTML file, relative to the project root or absolute. Defaults to {@link DOCS_OUTPUT}.
 * @returns The absolute path written.
 */
export function buildDocs(output: string = DOCS_OUTPUT): Promise<string> {
  return render("openapi/multi-entity.yaml", DOCS_TITLE, output);
}

/**
 * Renders openapi/stand-in-control.yaml (the stand-in's own endpoints, with their curl examples) the same way.
 *
 * @param output - Path of the HTML file, relative to the project root or absolute. Defaults to
 * {@link CONTROL_DOCS_OUTPUT}.
 * @returns The absolute path written.
 */
export function buildControlDocs(output: string = CONTROL_DOCS_OUTPUT): Promise<string> {
  return render("openapi/stand-in-control.yaml", CONTROL_DOCS_TITLE, output);
}

async function render(spec: string, title: string, output: string): Promise<string> {
  const target = resolve(ROOT, output);
  await mkdir(dirname(target), { recursive: true });
  await run(
    resolve(ROOT, "node_modules/.bin/redocly"),
    ["build-docs", spec, "--config", "redocly.yaml", "--inlineBundle", "--title", title, "--output", target],
    { cwd: ROOT },
  );
  return target;
}
