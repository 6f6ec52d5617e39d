import type { Browser } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { BROWSER_WAIT_MS, launchChromium } from "../../scripts/browser/chromium.js";
import { type StaticServer, startStaticServer } from "../support/staticServer.js";
import { portableRuntimeSuite } from "./support/acceptanceSuite.js";
import { type FreshProject, freshProject } from "./support/freshProject.js";

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>acceptance</title><script type="module" src="/acceptance.js"></script></head>
<body></body></html>`;

let project: FreshProject | undefined;
let server: StaticServer | undefined;
let browser: Browser | undefined;
let result: Record<string, unknown>;

beforeAll(async () => {
  project = await freshProject(inject("tarball"));
  // Bundled for the browser platform, as an app's bundler would: a bundle that reached node:http fails here.
  const bundle = await project.bundle("browser", "browser");
  server = await startStaticServer({
    "/": { text: PAGE, type: "text/html; charset=utf-8" },
    "/acceptance.js": { file: bundle, type: "text/javascript" },
  });
  browser = await launchChromium(inject("chromiumPath"));
  const page = await browser.newPage();
  page.setDefaultTimeout(BROWSER_WAIT_MS);
  // On localhost, a secure context as browsers define it: CompressionStream and crypto.randomUUID are there.
  await page.goto(`${server.origin}/`);
  await page.waitForFunction(() => "acceptance" in globalThis);
  result = await page.evaluate(
    () => (globalThis as unknown as { acceptance: Promise<Record<string, unknown>> }).acceptance,
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await project?.remove();
});

portableRuntimeSuite("the acceptance script in Chromium, bundled by esbuild from the packed tarball", () => result);
