import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { createStandIn } from "../../stand-in/index.js";
import { createStandIn as createStandInOnNode, listen } from "../../stand-in/node.js";

const entry = (name: string) => fileURLToPath(new URL(`../../stand-in/${name}`, import.meta.url));

/** Bundles one entry of the stand-in as a browser or worker build would; resolves to the bundle's text. */
async function bundleFor(platform: "browser" | "neutral", file: string): Promise<string> {
  const result = await build({
    entryPoints: [entry(file)],
    bundle: true,
    write: false,
    format: "esm",
    platform,
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

describe("zuora-multi-entity/testing without Node", () => {
  it.each(["browser", "neutral"] as const)("bundles for the %s platform, with no node: import", async (platform) => {
    const bundle = await bundleFor(platform, "index.ts");
    expect(bundle).toContain("createStandIn");
    expect(bundle).not.toMatch(/["']node:/);
  });

  it("the Node entry does not bundle for a browser: it needs node:http", async () => {
    await expect(bundleFor("browser", "node.ts")).rejects.toThrow(/node:http/);
  });

  it("refuses the deprecated standIn.listen() with what to import instead", async () => {
    await expect(createStandIn().listen()).rejects.toThrow(
      /listen\(standIn\) from "zuora-multi-entity\/testing\/node"/,
    );
  });
});

describe("zuora-multi-entity/testing/node", () => {
  it("serves a stand-in made by the portable entry, and both doors reach one tenant", async () => {
    const standIn = createStandIn();
    const server = await listen(standIn);
    try {
      standIn.seed({ entities: [{ id: "seeded-in-process", name: "Seeded" }] });
      const response = await fetch(`${server.url}/v1/entities/seeded-in-process`, {
        headers: { authorization: "Bearer t" },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ id: "seeded-in-process", name: "Seeded" });
      expect(standIn.requests().map((r) => r.operationId)).toEqual(["getEntity"]);
    } finally {
      await server.close();
    }
  });

  it("keeps the deprecated standIn.listen() serving, for code written for 0.2", async () => {
    const standIn = createStandInOnNode();
    const server = await standIn.listen();
    try {
      const response = await fetch(`${server.url}/v1/entities/${standIn.globalEntityId}`, {
        headers: { authorization: "Bearer t" },
      });
      expect(response.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
