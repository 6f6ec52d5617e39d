import { type ChildProcess, spawn } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { descendants, running } from "./support/processTree.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SECOND = 1000;

/** A copy of the spec the playground serves, so a test can edit it. */
let dir: string;
let spec: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "zuora-multi-entity-playground-"));
  spec = join(dir, "multi-entity.yaml");
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Playground {
  npm: ChildProcess;
  /** npm and every process below it once it listened, recorded then: an orphan is no longer found below npm. */
  tree: number[];
  url: string;
  output: () => string;
}
const started: Playground[] = [];
afterEach(async () => {
  // A failed test must not leave a playground behind: end each process of the tree this test started, by its id.
  for (const playground of started.splice(0)) {
    for (const pid of running(playground.tree)) process.kill(pid, "SIGKILL");
  }
});

/**
 * Starts `npm run mock -- --port 0 --spec <copy>` as a user would, and waits for the URL it prints. Ended after the
 * test that started it, unless `outlivesTest` (its owner ends it).
 */
async function startPlayground(outlivesTest = false): Promise<Playground> {
  await copyFile(join(ROOT, "openapi/multi-entity.yaml"), spec);
  const npm = spawn("npm", ["run", "mock", "--", "--port", "0", "--spec", spec], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  npm.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  npm.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  const playground: Playground = { npm, tree: [], url: "", output: () => output };
  if (!outlivesTest) started.push(playground);
  playground.url = await new Promise<string>((resolve, reject) => {
    const look = () => {
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve(url);
    };
    npm.stdout?.on("data", look);
    npm.once("exit", (code) => reject(new Error(`npm run mock exited (${code}) before listening:\n${output}`)));
  });
  playground.tree = [npm.pid as number, ...descendants(npm.pid as number)];
  return playground;
}

/** Sends createEntity's or initiateConnection's sample to the playground. */
function post(url: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(new URL(path, url), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer playground", ...headers },
    body: JSON.stringify(body),
  });
}

const entity = {
  name: "Acme-Asia",
  locale: "zh_CN",
  parentId: "8a808255557baba1015580e12fa5083a",
  timezone: "Asia/Harbin",
};

describe("npm run mock, the playground", () => {
  // The two tests below share one playground (each boot is npm, tsx and Prism: seconds of CPU on a 2-core machine);
  // the second edits the spec, so it runs last.
  let shared: Playground | undefined;
  const sharedPlayground = async () => {
    shared ??= await startPlayground(true);
    return shared;
  };
  afterAll(() => {
    for (const pid of running(shared?.tree ?? [])) process.kill(pid, "SIGKILL");
  });

  it("answers through the front layer: echoes the track id and replays a repeated idempotency key", async () => {
    const { url } = await sharedPlayground();
    const headers = { "Zuora-Track-Id": "playground-echo", "Idempotency-Key": "playground-key-1" };
    const first = await post(url, "/v1/entities", entity, headers);
    expect(first.status).toBe(200);
    expect(first.headers.get("zuora-track-id")).toBe("playground-echo");
    const again = await post(url, "/v1/entities", entity, headers);
    expect(await again.json()).toEqual(await first.json());
    const log = (await (await fetch(new URL("/__front/log?trackId=playground-echo", url))).json()) as {
      idempotency?: string;
    }[];
    expect(log.map((record) => record.idempotency)).toEqual([undefined, "replayed"]);
  });

  it(
    "keeps its URL valid when the spec changes: the same URL answers by the edited spec",
    async () => {
      const { url } = await sharedPlayground();
      const longId = { targetEntityId: "a".repeat(35) };
      expect((await post(url, "/v1/entity-connections", longId)).status).toBe(422);
      const original = await readFile(spec, "utf8");
      // Every 32-character limit (targetEntityId's among them) becomes 40.
      const loosened = original.replace(/maxLength: 32$/gm, "maxLength: 40");
      expect(loosened).not.toBe(original);
      await writeFile(spec, loosened);
      // Prism reloads on a new port; the front layer follows. Asked until it answers by the new spec (the test's
      // time limit only catches a playground that never does).
      let status = 0;
      while (status !== 200) {
        status = await post(url, "/v1/entity-connections", longId)
          .then((response) => response.status)
          .catch(() => 0);
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(status).toBe(200);
    },
    180 * SECOND,
  );

  it.each(["SIGINT", "SIGTERM", "SIGHUP"] as const)(
    "leaves no process behind when npm is sent %s",
    async (signal) => {
      const { npm, tree } = await startPlayground();
      const pid = npm.pid as number;
      // npm, node running the script (npm's shell `exec`s it), Prism, and whatever helpers they started.
      expect(tree.length).toBeGreaterThanOrEqual(3);
      const exited = new Promise((resolve) => npm.once("exit", resolve));
      process.kill(pid, signal);
      await exited;
      // Each process ends once it notices (the parent watch looks twice a second); a minute is far beyond that
      // and only bounds the wait, so that a leftover is reported by its pid rather than as a hang.
      const deadline = Date.now() + 60 * SECOND;
      while (running(tree).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(running(tree)).toEqual([]);
    },
    180 * SECOND,
  );
});
