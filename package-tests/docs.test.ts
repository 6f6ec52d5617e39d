import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { constraints } from "../generated/constraints.js";
import { launchChromium } from "../scripts/browser/chromium.js";
import { type JsonObject, readSpec } from "../scripts/codegen/spec.js";
import { buildControlDocs, buildDocs } from "../scripts/docs/buildDocs.js";
import { openOperation, requestItemId } from "../scripts/docs/referencePage.js";
import { requestSample, responseExample } from "../scripts/verify/samples.js";

/** The two operations reviewers read; the expectations come from the spec and its generated constraints. */
const OPERATIONS = ["createEntity", "initiateConnection"] as const;
const TAG = "Multi-entity";
const spec = readSpec();
const ROOT = fileURLToPath(new URL("..", import.meta.url));

let outDir: string;
let html: string;
let browser: Browser;
const pages = new Map<string, Page>();
const pageProblems: string[] = [];

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), "zuora-multi-entity-docs-"));
  html = await buildDocs(join(outDir, "index.html"));
  browser = await launchChromium(inject("chromiumPath"));
  for (const operationId of OPERATIONS) {
    const page = await openOperation(browser, html, TAG, operationId, pageProblems);
    pages.set(operationId, page);
  }
});

afterAll(async () => {
  await browser?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** The text of the element with this id in an operation's page, or null when Redoc rendered no such element. */
function textOf(operationId: string, id: string): Promise<string | null> {
  const page = pages.get(operationId);
  if (!page) throw new Error(`no page for ${operationId}`);
  return page.evaluate((elementId) => document.getElementById(elementId)?.innerText ?? null, id);
}

/** The lines a field's or header's constraints should show as in Redoc's rendering. */
function expectedConstraintText(rule: {
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly required?: boolean;
}): string[] {
  const lines: string[] = [];
  // Redoc writes both bounds as a range, one bound alone as a comparison.
  const { minLength: min, maxLength: max } = rule;
  if (min !== undefined && max !== undefined) lines.push(`[ ${min} .. ${max} ] characters`);
  else if (max !== undefined) lines.push(`<= ${max} characters`);
  else if (min !== undefined) lines.push(`>= ${min} characters`);
  if (rule.pattern !== undefined) lines.push(rule.pattern);
  return lines;
}

describe.each(OPERATIONS)("the rendered reference of %s (npm run docs)", (operationId) => {
  const operation = constraints.operations[operationId];
  const operationSpec = (spec.paths as JsonObject)[operation.path] as JsonObject;
  const post = operationSpec.post as JsonObject;

  it("shows the operation with its method, path and summary", async () => {
    const section = await textOf(operationId, `${TAG}/${operationId}`.toLowerCase());
    expect(section).toContain(String(post.summary));
    expect(section).toContain(operation.path);
    expect(pageProblems).toEqual([]);
  });

  it.each(Object.entries(operation.fields))("shows body field %s with its constraints", async (field, rule) => {
    const text = await textOf(operationId, requestItemId(TAG, operationId, field, "body"));
    expect(text?.split("\n")[0]).toBe(field);
    for (const line of expectedConstraintText(rule)) expect(text).toContain(line);
    if (rule.required) expect(text).toMatch(/\brequired\b/);
    else expect(text).not.toMatch(/\brequired\b/);
  });

  it.each(operation.headers)("shows header %s with its constraints", async (header) => {
    const text = await textOf(operationId, requestItemId(TAG, operationId, header, "header"));
    expect(text?.split("\n")[0]).toBe(header);
    for (const line of expectedConstraintText(constraints.headers[header])) expect(text).toContain(line);
  });

  it("shows the request sample and the success response sample", async () => {
    const section = await textOf(operationId, `${TAG}/${operationId}`.toLowerCase());
    // The first example of each: the one the page shows until a reader picks another.
    const request = requestSample(spec, operationId).body as JsonObject;
    const response = responseExample(spec, operation.path, "200") as JsonObject;
    for (const [name, value] of [...Object.entries(request), ...Object.entries(response)]) {
      if (typeof value === "string") expect(section).toContain(`"${name}": ${JSON.stringify(value)}`);
    }
  });
});

// Every other operation of the generated table: its section shows the operation and each path and query parameter
// with its constraints. Redoc renders one page for the whole reference, so the page already open is routed to each.
const OTHERS = Object.values(constraints.operations)
  .filter((row) => row.auth && !(OPERATIONS as readonly string[]).includes(row.operationId))
  .map((row) => row.operationId);

describe("the rendered reference of the other operations (npm run docs)", () => {
  it.each(OTHERS)("shows %s with its method, path, summary and parameters' constraints", async (operationId) => {
    const row = constraints.operations[operationId];
    const operationSpec = ((spec.paths as JsonObject)[row.path] as JsonObject)[row.method.toLowerCase()] as JsonObject;
    const page = pages.get(OPERATIONS[0]) as Page;
    const route = `${TAG}/${operationId}`.toLowerCase();
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/${route}`);
    await page.waitForSelector(`[id="${route}"]`, { state: "attached", timeout: 120_000 });
    const section = await textOf(OPERATIONS[0], route);
    expect(section).toContain(String(operationSpec.summary));
    expect(section).toContain(row.path);
    for (const [name, rule] of [...Object.entries(row.pathParams), ...Object.entries(row.query)] as [
      string,
      { minLength?: number; maxLength?: number; pattern?: string },
    ][]) {
      expect(section).toContain(name);
      // Redoc writes a lone minLength of 1 as "non-empty".
      const lone = rule.minLength === 1 && rule.maxLength === undefined;
      const { minLength: _, ...withoutMin } = rule;
      for (const line of expectedConstraintText(lone ? withoutMin : rule)) {
        expect(section).toContain(line);
      }
      if (lone) expect(section).toMatch(/non-empty|>= 1 characters/);
    }
    expect(pageProblems).toEqual([]);
  });
});

describe("the rendered reference's introduction (npm run docs)", () => {
  it("links every page of docs/, each link leading to the page from where the HTML is written", async () => {
    // The introduction, as the page opens with no operation routed.
    const page = await browser.newPage();
    await page.goto(pathToFileURL(html).href);
    await page.waitForSelector('a[href$=".md"]', { state: "attached", timeout: 120_000 });
    const hrefs = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('a[href$=".md"]')].map((a) => a.getAttribute("href") ?? ""),
    );
    await page.close();
    const reached = [...new Set(hrefs)].map((href) => resolve(dirname(html), decodeURI(href)));
    expect(reached.filter((file) => !existsSync(file))).toEqual([]);
    const written = (await readdir(join(ROOT, "docs"))).filter((name) => name.endsWith(".md"));
    expect(reached.sort()).toEqual(written.map((name) => join(ROOT, "docs", name)).sort());
  });
});

describe("the rendered reference of the control API (npm run docs)", () => {
  it("shows each endpoint with its curl example", async () => {
    const control = await buildControlDocs(join(outDir, "stand-in-control.html"));
    const problems: string[] = [];
    const page = await openOperation(browser, control, "Stand-in", "seed", problems);
    try {
      const text = await page.evaluate(() => document.getElementById("stand-in/seed")?.innerText ?? "");
      expect(text).toContain("Add entities, connections, users and products by name");
      expect(text).toContain("/__stand-in/seed");
      expect(text).toContain("curl -fsS http://127.0.0.1:4010/__stand-in/seed");
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
