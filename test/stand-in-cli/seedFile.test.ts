import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseHierarchy } from "../../hierarchy/index.js";
import { killAll, runEntities, serve } from "./served.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "zuora-stand-in-seed-"));
});
afterEach(() => killAll());
afterAll(() => rm(dir, { recursive: true, force: true }));

const PRODUCT = "8a808255575bdae4015774e9602e16fe";

/**
 * The whole tenant an admin manages: a Connected, a Disconnected and a Pending connection; a user with its home, one
 * without (its home assumed: the first entity it may access), one that may access the global entity; a product
 * shared over the Connected connection and once over the Disconnected one (that share ended with it).
 */
const FILE = `version: 1
entities:
  Global:
    locale: en_US
    timezone: America/Los_Angeles
  EMEA:
    parent: Global
    locale: en_GB
    timezone: Europe/London
    provisioned: true
  APAC:
    parent: Global
    locale: en_AU
    timezone: Australia/Sydney
    provisioned: true
  DE:
    parent: EMEA
    locale: de_DE
    timezone: Europe/Berlin
connections:
  - { from: Global, to: EMEA, status: Connected }
  - { from: Global, to: APAC, status: Disconnected }
  - { from: EMEA, to: APAC, status: Pending }
users:
  jane@acme.com: { home: EMEA, access: [APAC] }
  ops: { access: [APAC, EMEA] }
  auditor: { access: [APAC, Global] }
shares:
  "${PRODUCT}": [EMEA, APAC]
`;

/** What a file says of each user: the entities it may access, its home among them. */
function accessByUser(text: string, source: string): Record<string, string[]> {
  const file = parseHierarchy(text, source);
  const access = (file.users ?? []).map((u) => [u.username, [...new Set([u.home ?? [], u.access].flat())].sort()]);
  return Object.fromEntries(access);
}

describe("zuora-stand-in --seed with users and shares", () => {
  it("seeds the whole file: the state reads it back, export writes it, and plan of the file finds no difference", async () => {
    const path = join(dir, "hierarchy.yaml");
    await writeFile(path, FILE);
    const served = await serve(["--seed", path, "--log", "off"]);

    const state = await (await fetch(`${served.url}/__stand-in/state`)).json();
    expect(state.users).toMatchObject({
      "jane@acme.com": { home: "EMEA", access: ["EMEA", "APAC"], administers: [], pending: [] },
      ops: { home: "APAC", access: ["APAC", "EMEA"], administers: [], pending: [] },
      auditor: { home: "Global", access: ["Global", "APAC"], administers: [], pending: [] },
    });
    expect(state.products).toEqual([{ id: PRODUCT, name: PRODUCT, owner: "Global", sharedWith: ["EMEA"] }]);

    const exported = join(dir, "exported.yaml");
    const users = ["jane@acme.com", "ops", "auditor"].flatMap((u) => ["--user", u]);
    expect(await runEntities(["export", ...users, "-o", exported], served.url)).toMatchObject({ code: 0 });
    const original = parseHierarchy(FILE, "original");
    const written = await readFile(exported, "utf8");
    const back = parseHierarchy(written, "exported");
    const strip = <T extends { at?: unknown }>({ at: _, ...rest }: T) => rest;
    expect(back.entities.map(strip)).toEqual(original.entities.map(strip));
    expect(back.connections.map(strip)).toEqual(original.connections.map(strip));
    expect(accessByUser(written, "exported")).toEqual(accessByUser(FILE, "original"));

    const plan = await runEntities(["plan", path, "--detailed-exitcode"], served.url);
    expect(plan.stdout).toContain("No differences Zuora shows: 1 share cannot be checked before it runs");
    expect(plan.code).toBe(0);
    expect(await runEntities(["plan", exported, "--detailed-exitcode"], served.url)).toMatchObject({ code: 0 });
    expect(await served.stop()).toBe(0);
  });

  it("seeds a user named __proto__ as any other user of the file", async () => {
    const path = join(dir, "proto.yaml");
    await writeFile(path, `${FILE.split("users:")[0]}users:\n  "__proto__": { home: EMEA, access: [APAC] }\n`);
    const served = await serve(["--seed", path, "--log", "off"]);
    const state = await (await fetch(`${served.url}/__stand-in/state`)).json();
    expect(Object.keys(state.users)).toContain("__proto__");
    expect(new Map(Object.entries(state.users)).get("__proto__")).toMatchObject({
      home: "EMEA",
      access: ["EMEA", "APAC"],
    });
    expect(await served.stop()).toBe(0);
  });
});
