import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { showTree } from "../../../../hierarchy/index.js";
import type { DesiredEntity, Hierarchy } from "../../../../hierarchy/model.js";

const place = { locale: "en_US", timezone: "UTC" };

describe("showTree", () => {
  it("draws parents above their children, siblings in file order, then the connections", () => {
    const entities: DesiredEntity[] = [
      { name: "Acme", parent: undefined, displayName: "Acme Corp", ...place, provisioned: undefined },
      { name: "EU", parent: "Acme", displayName: "EU", ...place, provisioned: true },
      { name: "DE", parent: "EU", displayName: "DE", ...place, provisioned: false },
      { name: "US", parent: "Acme", displayName: "US", ...place, provisioned: false },
    ];
    const hierarchy: Hierarchy = { version: 1, entities, connections: [{ from: "EU", to: "US", status: "Pending" }] };
    expect(showTree(hierarchy)).toEqual([
      'Acme "Acme Corp" (Provisioned, en_US, UTC)',
      "├─ EU (Provisioned, en_US, UTC)",
      "│  └─ DE (Unprovisioned, en_US, UTC)",
      "└─ US (Unprovisioned, en_US, UTC)",
      "",
      "connections:",
      "  EU -> US  Pending",
    ]);
  });

  it("draws a chain deeper than the call stack would allow a recursive walk (a small stack stands in for a deep file)", async () => {
    const module = new URL("../../../../hierarchy/cli/views/showHierarchy.ts", import.meta.url).href;
    const code = `
      const { parentPort, workerData } = require("node:worker_threads");
      import("tsx/esm/api")
        .then((tsx) => { tsx.register(); return import(workerData.module); })
        .then(({ showTree }) => {
          const place = { locale: "en_US", timezone: "UTC" };
          const entities = [{ name: "G", displayName: "G", ...place }];
          for (let i = 0; i < workerData.depth; i++) {
            entities.push({ name: "E" + i, parent: i === 0 ? "G" : "E" + (i - 1), displayName: "E" + i, ...place });
          }
          try {
            parentPort.postMessage(showTree({ version: 1, entities, connections: [] }).length);
          } catch (error) {
            parentPort.postMessage(String(error));
          }
        });`;
    const worker = new Worker(code, {
      eval: true,
      workerData: { module, depth: 3000 },
      resourceLimits: { stackSizeMb: 0.5 },
    });
    try {
      const lines = await new Promise((resolve, reject) => {
        worker.once("message", resolve);
        worker.once("error", reject);
      });
      expect(lines).toBe(3001);
    } finally {
      await worker.terminate();
    }
  });
});
