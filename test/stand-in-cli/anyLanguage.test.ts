import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { killAll, ROOT, type Served, serve } from "./served.js";

const run = promisify(execFile);

/**
 * Runs a program no one here wrote; a missing one fails the test (CI machines have curl and python3), so a machine
 * without it never reports the proof as passed.
 */
async function program(name: string, args: string[]): Promise<string> {
  try {
    return (await run(name, args, { cwd: ROOT })).stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new Error(`${name} is not installed: install it`);
    throw error;
  }
}

let served: Served;
beforeAll(async () => {
  served = await serve(["--log", "off"]);
});
afterAll(async () => {
  await served.stop();
  killAll();
});

/** One request with curl, as a child process: its status, headers and JSON body. */
async function curl(method: string, path: string, options: { body?: unknown; entity?: string } = {}) {
  const args = ["-sS", "-X", method, `${served.url}${path}`, "-H", "Authorization: Bearer any-token", "-D", "-"];
  if (options.entity) args.push("-H", `Zuora-Entity-Ids: ${options.entity}`);
  if (options.body !== undefined) {
    args.push("-H", "Content-Type: application/json", "--data-binary", JSON.stringify(options.body));
  }
  const output = await program("curl", args);
  const [head = "", ...rest] = output.split("\r\n\r\n");
  const [statusLine = "", ...headerLines] = head.split("\r\n");
  const headers = new Map(
    headerLines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 2)]),
  );
  const text = rest.join("\r\n\r\n");
  return { status: Number(statusLine.split(" ")[1]), headers, body: text ? JSON.parse(text) : undefined };
}

describe("the served stand-in, driven by clients no one here wrote", () => {
  it("curl: creates, provisions, connects, meets a fault, reads the tenant by names and starts over", async () => {
    await curl("POST", "/__stand-in/reset");
    const seeded = await curl("POST", "/__stand-in/seed", {
      body: { entities: { EMEA: { parent: "Global", locale: "en_GB", timezone: "Europe/London", provisioned: true } } },
    });
    expect(seeded.status).toBe(200);
    const emea = seeded.body.entities.EMEA.id;
    const created = await curl("POST", "/v1/entities", {
      body: { name: "DE", parentId: emea, locale: "de_DE", timezone: "Europe/Berlin" },
    });
    expect(created).toMatchObject({ status: 200, body: { success: true, status: "Unprovisioned", parentId: emea } });
    expect(created.headers.get("zuora-request-id")).toMatch(/\S/);
    const de = created.body.id;
    expect((await curl("PUT", `/v1/entities/${de}/provision`)).body).toMatchObject({ success: true });
    const asked = await curl("POST", "/v1/entity-connections", { body: { targetEntityId: de }, entity: emea });
    expect(asked.body).toMatchObject({ success: true });
    const accepted = await curl("PUT", `/v1/entity-connections/${asked.body.id}/accept`, { entity: de });
    expect(accepted.body).toMatchObject({ success: true });

    const fault = { fault: { status: 503, retryAfterSeconds: 2 }, operationId: "listEntities" };
    expect((await curl("POST", "/__stand-in/faults", { body: fault })).status).toBe(204);
    const failed = await curl("GET", "/v1/entities");
    expect(failed.status).toBe(503);
    expect(failed.headers.get("retry-after")).toBe("2");
    expect((await curl("GET", "/v1/entities")).status).toBe(200);

    const state = (await curl("GET", "/__stand-in/state")).body;
    expect(state.entities.DE).toMatchObject({ id: de, parent: "EMEA", provisioned: true });
    expect(state.connections).toEqual([{ id: asked.body.id, from: "EMEA", to: "DE", status: "Connected" }]);

    expect((await curl("POST", "/__stand-in/reset")).status).toBe(204);
    expect(Object.keys((await curl("GET", "/__stand-in/state")).body.entities)).toEqual(["Global"]);
  });

  it("Python's standard library (examples/any-language/lifecycle.py): the same lifecycle, the same answers", async () => {
    await curl("POST", "/__stand-in/reset");
    const output = await program("python3", [join(ROOT, "examples/any-language/lifecycle.py"), served.url]);
    expect(JSON.parse(output)).toEqual({
      health: "ok",
      created: [true, "Unprovisioned"],
      provisioned: true,
      accepted: true,
      refused: [200, false, 30],
      fault: [503, "2"],
      state: { DE: ["EMEA", true], connections: ["EMEA->DE Connected"] },
      reset: 204,
      afterReset: ["Global"],
    });
  });

  it("lifecycle.py takes ZUORA_BASE_URL, as the CI jobs set it, and says why the stand-in refused its seed", async () => {
    await curl("POST", "/__stand-in/reset");
    const env = { ...process.env, ZUORA_BASE_URL: served.url };
    const script = join(ROOT, "examples/any-language/lifecycle.py");
    expect(JSON.parse((await run("python3", [script], { cwd: ROOT, env })).stdout)).toMatchObject({ reset: 204 });
    const emea = { parent: "Global", locale: "en_GB", timezone: "Europe/London", provisioned: true };
    expect((await curl("POST", "/__stand-in/seed", { body: { entities: { EMEA: emea } } })).status).toBe(200);
    const refused = await run("python3", [script], { cwd: ROOT, env }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toBe(
      "the stand-in refused the seed (HTTP 400): seed: entities.EMEA: an entity named EMEA already exists\n",
    );
  });
});
