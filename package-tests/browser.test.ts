import { readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { BROWSER_WAIT_MS, launchChromium } from "../scripts/browser/chromium.js";
import { type StaticEntry, type StaticServer, startStaticServer } from "./support/staticServer.js";

const require = createRequire(import.meta.url);
const openapiFetchDir = dirname(require.resolve("openapi-fetch/package.json"));
const openapiFetchEntry = (require("openapi-fetch/package.json") as { exports: { ".": { import: string } } }).exports[
  "."
].import;

/** Every file under `dir`, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/**
 * The page loads the shipped ESM files as they are, unbundled: the import map points the bare names at the
 * unpacked tarball's dist/ and at openapi-fetch's ESM build, as a browser-native app (or a CDN) would.
 */
const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>zuora-multi-entity in a browser</title>
<script type="importmap">
{ "imports": { "zuora-multi-entity": "/package/dist/src/index.js", "openapi-fetch": "/vendor/openapi-fetch.js" } }
</script>
<script type="module">
  import * as zuora from "zuora-multi-entity";
  window.zuora = zuora;
  document.title = "ready";
</script>
</head><body></body></html>`;

/** What the page reports back from one run of both operations. */
interface BrowserRun {
  entity: { id: string; status: string };
  connection: { id: string; success: boolean };
  echoedTrackId: string | null;
  headerNamesHandedToFetch: string[][];
  idempotencyKeys: string[];
}

let server: StaticServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  const packageDir = join(inject("packDir"), "package");
  const routes: Record<string, StaticEntry> = {
    "/": { text: PAGE, type: "text/html; charset=utf-8" },
    "/vendor/openapi-fetch.js": { file: join(openapiFetchDir, openapiFetchEntry), type: "text/javascript" },
  };
  for (const file of await filesUnder(join(packageDir, "dist"))) {
    if (file.endsWith(".js"))
      routes[`/package/dist/${file}`] = { file: join(packageDir, "dist", file), type: "text/javascript" };
  }
  server = await startStaticServer(routes);
  browser = await launchChromium(inject("chromiumPath"));
  page = await browser.newPage();
  page.setDefaultTimeout(BROWSER_WAIT_MS);
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${server.origin}/`);
  await page.waitForFunction(() => document.title === "ready");
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs both operations in the page against the Prism mock, through a recording `fetch` that delegates to the browser's. */
function runBothOperations(prismUrl: string): Promise<BrowserRun> {
  return page.evaluate(async (baseUrl) => {
    const { createZuoraClient } = (window as unknown as { zuora: typeof import("../src/index.js") }).zuora;
    const headerNamesHandedToFetch: string[][] = [];
    const idempotencyKeys: string[] = [];
    const client = createZuoraClient({
      baseUrl,
      auth: "browser-token",
      trackId: "browser-run-1",
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        headerNamesHandedToFetch.push([...headers.keys()].sort());
        idempotencyKeys.push(headers.get("idempotency-key") ?? "");
        return fetch(input, init);
      },
    });
    const entity = await client.createEntity({
      name: "Acme-Asia",
      locale: "zh_CN",
      parentId: "8a808255557baba1015580e12fa5083a",
      timezone: "Asia/Harbin",
    });
    const connection = await client.initiateConnection({ targetEntityId: "8a80825556ff28a4015708ba29312ecc" });
    const { response } = await client.POST("/v1/entity-connections", {
      body: { targetEntityId: "8a80825556ff28a4015708ba29312ecc" },
    });
    return {
      entity: { id: entity.id, status: entity.status },
      connection: { id: connection.id, success: connection.success },
      echoedTrackId: response.headers.get("zuora-track-id"),
      headerNamesHandedToFetch,
      idempotencyKeys,
    };
  }, prismUrl);
}

describe("the built client in headless Chromium, from a page on localhost, against the Prism mock (CORS)", () => {
  let result: BrowserRun;
  beforeAll(async () => {
    result = await runBothOperations(inject("prismUrl"));
  });

  it("loads the shipped dist/ files without a bundler", () => {
    expect(pageErrors).toEqual([]);
    expect(server.requested).toContain("/package/dist/src/index.js");
    expect(server.requested).toContain("/vendor/openapi-fetch.js");
  });

  it("creates an entity and initiates a connection", () => {
    expect(result.entity).toEqual({ id: "8a80825556ff28a4015709096c5d6f5d", status: "Unprovisioned" });
    expect(result.connection).toEqual({ id: "8a808255575bdae401576a914a140420", success: true });
  });

  it("reads a response header that the server exposes to scripts", () => {
    // Prism's example echo; readable only because Prism answers with Access-Control-Expose-Headers.
    expect(result.echoedTrackId).toMatch(/\S/);
  });

  it("hands fetch no Accept-Encoding, which the browser forbids scripts to set, and its own headers", async () => {
    // The browser's side: a Request drops the header a script gives it (Node keeps it: test/client/compression.test.ts).
    const kept = await page.evaluate(() =>
      new Request("/", { headers: { "accept-encoding": "gzip" } }).headers.has("accept-encoding"),
    );
    expect(kept).toBe(false);
    expect(result.headerNamesHandedToFetch).toHaveLength(3);
    for (const names of result.headerNamesHandedToFetch) {
      expect(names).not.toContain("accept-encoding");
      expect(names).toEqual(
        expect.arrayContaining(["authorization", "content-type", "idempotency-key", "zuora-track-id"]),
      );
    }
  });

  it("makes each call's idempotency key with the browser's crypto.randomUUID", () => {
    expect(new Set(result.idempotencyKeys).size).toBe(3);
    for (const key of result.idempotencyKeys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
  });

  it("gets an OAuth token with client credentials and uses it, from the browser", async () => {
    const seen = await page.evaluate(async (baseUrl) => {
      const { createZuoraClient } = (window as unknown as { zuora: typeof import("../src/index.js") }).zuora;
      const calls: { path: string; authorization: string | null }[] = [];
      const client = createZuoraClient({
        baseUrl,
        auth: { clientId: "browser-id", clientSecret: "browser-secret" },
        fetch: (input, init) => {
          calls.push({ path: new URL(input).pathname, authorization: new Headers(init?.headers).get("authorization") });
          return fetch(input, init);
        },
      });
      const connection = await client.initiateConnection({ targetEntityId: "8a80825556ff28a4015708ba29312ecc" });
      return { calls, connectionId: connection.id };
    }, inject("prismUrl"));
    expect(seen.connectionId).toBe("8a808255575bdae401576a914a140420");
    expect(seen.calls.map((call) => call.path)).toEqual(["/oauth/token", "/v1/entity-connections"]);
    expect(seen.calls[1]?.authorization).toMatch(/^Bearer \S+$/);
  });
});
