import { execFile } from "node:child_process";
import { existsSync, watch } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createZuoraClient } from "../../src/index.js";
import { killAll, runCommand, serve } from "./served.js";

const run = promisify(execFile);
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "zuora-stand-in-state-"));
});
afterEach(() => killAll());
afterAll(() => rm(dir, { recursive: true, force: true }));

const place = { locale: "en_GB", timezone: "Europe/London" };
const readState = async (file: string) => JSON.parse(await readFile(file, "utf8"));
const stateOf = async (url: string) => (await fetch(`${url}/__stand-in/state`)).json();

/** Resolves once `check` holds (a test's time limit catches it never holding). */
async function until(check: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe("zuora-stand-in --state FILE", () => {
  it("keeps the tenant across a SIGTERM and a restart, and goes on giving new IDs", async () => {
    const file = join(dir, "tenant.json");
    const first = await serve(["--state", file, "--log", "off"]);
    const zuora = createZuoraClient({ baseUrl: first.url, auth: "any-token" });
    const emea = await zuora.createEntity({
      name: "EMEA",
      parentId: (await zuora.listEntities()).entities[0]?.id ?? "",
      ...place,
    });
    await zuora.provisionEntity(emea.id);
    const de = await zuora.createEntity({ name: "DE", parentId: emea.id, ...place });
    await zuora.provisionEntity(de.id);
    const { id } = await zuora.initiateConnection({ targetEntityId: de.id }, { entityIds: emea.id });
    await zuora.acceptConnection(id, { entityIds: de.id });
    const before = await stateOf(first.url);
    expect(await first.stop("SIGTERM")).toBe(0);
    expect(await readState(file)).toEqual(before);

    const second = await serve(["--state", file, "--log", "off"]);
    expect(await stateOf(second.url)).toEqual(before);
    const again = createZuoraClient({ baseUrl: second.url, auth: "any-token" });
    const fr = await again.createEntity({ name: "FR", parentId: emea.id, ...place });
    expect([emea.id, de.id]).not.toContain(fr.id);
    expect(await second.stop("SIGINT")).toBe(0);
    expect(Object.keys((await readState(file)).entities)).toEqual(["Global", "EMEA", "DE", "FR"]);
  });

  it("saves after changes while serving, not only when stopped", async () => {
    const file = join(dir, "live.json");
    const served = await serve(["--state", file, "--log", "off"]);
    await fetch(`${served.url}/__stand-in/seed`, {
      method: "POST",
      body: JSON.stringify({ entities: { Live: { parent: "Global" } } }),
    });
    await until(async () => existsSync(file) && "Live" in (await readState(file)).entities);
    expect(served.child.exitCode).toBe(null);
    await served.stop();
  });

  it("leaves the previous state readable after a kill -9 in the middle of a save", async () => {
    const file = join(dir, "crash.json");
    const served = await serve(["--state", file, "--log", "off"]);
    const pid = served.child.pid as number;
    const temporary = join(dir, `.crash.json.${pid}.tmp`);
    // A tenant large enough that a save takes a while (several chunks, each written in turn).
    const entities = Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`E${i}`, { parent: "Global" }]));
    await fetch(`${served.url}/__stand-in/seed`, { method: "POST", body: JSON.stringify({ entities }) });
    await until(async () => existsSync(file) && Object.keys((await readState(file)).entities).length === 40_001);
    const previous = await readFile(file, "utf8");

    // Catch a save in the act: stop the process as soon as it writes (its temporary file appears, or the state file
    // changes), and check that it was writing while the state file still held the previous state; if the save was
    // done already, let it go on and try again with the next change.
    let caught = false;
    for (let attempt = 0; attempt < 20 && !caught; attempt++) {
      const appeared = new Promise<void>((resolve) => {
        const watcher = watch(dir, (_event, name) => {
          if (name !== "crash.json" && !existsSync(temporary)) return;
          process.kill(pid, "SIGSTOP");
          watcher.close();
          resolve();
        });
      });
      await fetch(`${served.url}/__stand-in/seed`, {
        method: "POST",
        body: JSON.stringify({ entities: { [`Late${attempt}`]: { parent: "Global" } } }),
      });
      await appeared;
      caught = existsSync(temporary) && (await readFile(file, "utf8")) === previous;
      if (!caught) {
        process.kill(pid, "SIGCONT");
        await until(async () => !existsSync(temporary));
      }
    }
    expect(caught).toBe(true);
    process.kill(pid, "SIGKILL");
    expect(await served.stop()).toBe("SIGKILL");

    expect(await readFile(file, "utf8")).toBe(previous);
    const restarted = await serve(["--state", file, "--log", "off"]);
    expect(await stateOf(restarted.url)).toEqual(JSON.parse(previous));
    expect(existsSync(temporary)).toBe(false);
    await restarted.stop();
  });

  it("refuses a file that is not a state, before serving, and leaves it as it was", async () => {
    const file = join(dir, "notes.json");
    await writeFile(file, "my notes, not a tenant\n");
    const { code, stdout, stderr } = await runCommand(["--state", file]);
    expect({ code, stdout }).toEqual({ code: 1, stdout: "" });
    expect(stderr).toMatch(/^Error: .*notes\.json: is not JSON \(.*\); move it away to start afresh\n$/);
    expect(await readFile(file, "utf8")).toBe("my notes, not a tenant\n");

    await writeFile(file, JSON.stringify({ version: 1, entities: { Global: {}, Lost: { parent: "Nowhere" } } }));
    const refused = await runCommand(["--state", file]);
    expect(refused).toMatchObject({ code: 1, stdout: "" });
    expect(refused.stderr).toContain(
      "entities.Lost.parent: its parent Nowhere is neither in the seed nor in the tenant",
    );
  });

  it("says a state file of a newer version was saved by a newer zuora-stand-in, and leaves it as it was", async () => {
    const file = join(dir, "newer.json");
    const text = JSON.stringify({ version: 99, entities: {} });
    await writeFile(file, text);
    const { code, stdout, stderr } = await runCommand(["--state", file]);
    expect({ code, stdout }).toEqual({ code: 1, stdout: "" });
    expect(stderr).toContain("newer.json: was saved by a newer zuora-stand-in (state version 99");
    expect(stderr).not.toContain("start afresh");
    expect(await readFile(file, "utf8")).toBe(text);
  });

  it("refuses a folder or a pipe as the state file, saying what it is, without waiting on the pipe", async () => {
    const folder = join(dir, "a-folder");
    await mkdir(folder);
    const pipe = join(dir, "a-pipe");
    await run("mkfifo", [pipe]);
    expect(await runCommand(["--state", folder])).toMatchObject({ code: 1, stdout: "" });
    expect((await runCommand(["--state", folder])).stderr).toContain("a-folder: is a folder, not a file");
    expect((await runCommand(["--state", pipe])).stderr).toContain("a-pipe: is not a regular file (a pipe");
  });

  it("refuses a state file another running zuora-stand-in serves, and takes it once that one is gone", async () => {
    const file = join(dir, "shared.json");
    const first = await serve(["--state", file, "--log", "off"]);
    // A second one would load the first's tenant, then each would save over the other's changes.
    const second = await serve(["--state", file, "--log", "off"]).then(
      (served) => `served at ${served.url}`,
      (error: Error) => error.message,
    );
    expect(second).toMatch(
      new RegExp(
        `exited \\(1\\) before serving:\\nError: .*shared\\.json: another zuora-stand-in \\(pid ${first.child.pid}\\) serves it`,
      ),
    );
    // One killed without a chance to let go of the file does not hold it for ever.
    expect(await first.stop("SIGKILL")).toBe("SIGKILL");
    const third = await serve(["--state", file, "--log", "off"]);
    expect(await third.stop("SIGTERM")).toBe(0);
    const fourth = await serve(["--state", file, "--log", "off"]);
    expect(await fourth.stop("SIGTERM")).toBe(0);
  });

  it("refuses a state file it could never save, before serving, rather than lose every change", async () => {
    const file = join(dir, "no-such-folder", "tenant.json");
    // serve() rejects with the command's stderr when it exits before printing a URL (and a URL fails the test).
    const refused = await serve(["--state", file]).then(
      (served) => `served at ${served.url}`,
      (error: Error) => error.message,
    );
    expect(refused).toMatch(
      /exited \(1\) before serving:\nError: .*no-such-folder.tenant\.json: cannot be saved there \(.*ENOENT.*\)\n$/,
    );
    expect(existsSync(join(dir, "no-such-folder"))).toBe(false);
  });
});
