import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliHarness } from "./harness.js";

const { standIn, cli, inProcess, dir } = cliHarness();

const PRODUCT = "8a808255575bdae4015774e9602e16fe";
const place = "locale: en_US, timezone: America/Los_Angeles";

/** EU and DE provisioned under the global entity, the user jane created in the global entity, and a product. */
function seedTenant(connection?: "Connected", sharedWithEu = false) {
  const global = standIn.globalEntityId;
  standIn.seed({
    entities: [
      { id: "eu", name: "EU", status: "Provisioned" },
      { id: "de", name: "DE", status: "Provisioned" },
    ],
    connections: connection ? [{ sourceEntityId: global, targetEntityId: "eu", status: connection }] : [],
    users: { jane: { home: global } },
    products: [{ id: PRODUCT, sharedWith: sharedWithEu ? ["eu"] : [] }],
  });
}

/** A hierarchy file of the seeded entities, with more lines after them. */
async function written(name: string, ...more: string[]): Promise<string> {
  const path = join(dir(), name);
  const lines = [
    "version: 1",
    "entities:",
    `  Global: { ${place} }`,
    `  EU: { parent: Global, ${place}, provisioned: true }`,
    `  DE: { parent: Global, ${place}, provisioned: true }`,
    ...more,
  ];
  await writeFile(path, `${lines.join("\n")}\n`);
  return path;
}

const accessOf = (username: string) => standIn.state().users.find((u) => u.username === username)?.access;

describe("users' access in the file", () => {
  it("export --user writes the user's access, says in the file what it could not read, and names its schema; it plans to nothing", async () => {
    seedTenant();
    const path = join(dir(), "tenant.yaml");
    const exported = await cli(["export", "--user", "jane", "-o", path]);
    expect(exported.code).toBe(0);
    const text = await readFile(path, "utf8");
    expect(text.split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=.*hierarchy\/hierarchy\.schema\.json$/);
    expect(text).toContain("users:\n  jane:\n    access:\n      - Global\n");
    expect(text).toMatch(/unread:\n {2}- "?shares: Zuora publishes no read of which entities a product is shared with/);
    expect(text).toContain("users' home entities: Zuora's API does not say");
    const planned = await cli(["plan", path, "--detailed-exitcode"]);
    expect(planned.stdout).toContain("No changes: the tenant matches the file.");
    expect(planned.code).toBe(0);
  });

  it("export --user of a user the tenant does not have is an error naming it", async () => {
    const { code, stderr } = await inProcess(["export", "--user", "ghost"]);
    expect(stderr).toContain("Error: no such user in the tenant: ghost");
    expect(code).toBe(1);
  });

  it("plans a request from the user's home and the entity's accept, applies them, and then has nothing to do", async () => {
    seedTenant();
    const path = await written("jane.yaml", "users:", "  jane: { home: Global, access: [EU] }");
    const planned = await cli(["plan", path, "--detailed-exitcode"]);
    expect(planned.stdout).toContain(
      "+ access.jane->EU  request-access, accept-access: requested by Global; accepted by EU (unless Zuora granted it at once)",
    );
    expect(planned.stdout).toContain("Plan: 1 access to grant.");
    expect(planned.stderr).toContain("Rehearsal passed");
    expect(planned.code).toBe(2);
    const applied = await cli(["apply", path, "--auto-approve"]);
    expect(applied.stdout).toMatch(/\[1\/2\] request-access access\.jane->EU \.\.\. done/);
    expect(applied.stdout).toMatch(/\[2\/2\] accept-access access\.jane->EU \.\.\. done \(/);
    expect(applied.code).toBe(0);
    expect(accessOf("jane")).toContain("eu");
    expect((await inProcess(["plan", path, "--detailed-exitcode"])).code).toBe(0);
  });

  it("skips the accept when Zuora granted the request at once: the sender administers the entity too", async () => {
    seedTenant();
    const global = standIn.globalEntityId;
    standIn.seed({
      users: { ops: { home: global, access: ["de"], administers: [global, "eu"] } },
      oauthClients: { "ops-client": { secret: "s3cret", user: "ops" } },
    });
    const path = await written("jane.yaml", "users:", "  jane: { home: Global, access: [EU] }");
    const applied = await cli(["apply", path, "--auto-approve"], {
      ZUORA_ACCESS_TOKEN: "",
      ZUORA_CLIENT_ID: "ops-client",
      ZUORA_CLIENT_SECRET: "s3cret",
      ZUORA_ENTITY_IDS: global,
    });
    expect(applied.stdout).toMatch(
      /\[2\/2\] accept-access access\.jane->EU \.\.\. done: granted at once \(the request's sender administers it too\)/,
    );
    expect(applied.code).toBe(0);
    expect(standIn.requests().filter((r) => r.operationId === "acceptUserAccess")).toEqual([]);
    expect(accessOf("jane")).toContain("eu");
  });

  it("refuses a user the tenant does not have, naming it: Zuora's API cannot create users", async () => {
    seedTenant();
    const path = await written("ghost.yaml", "users:", "  ghost: { home: Global, access: [EU] }");
    const { code, stdout } = await cli(["plan", path]);
    expect(stdout).toContain("✖ user.ghost");
    expect(stdout).toContain("does not exist in the tenant: Zuora's API cannot create users");
    expect(code).toBe(1);
  });

  it("denies with --prune an access the file leaves out, from that entity", async () => {
    seedTenant();
    standIn.seed({ users: { jane: { home: standIn.globalEntityId, access: ["eu"] } } });
    const path = await written("jane.yaml", "users:", "  jane: { home: Global, access: [] }");
    const kept = await inProcess(["plan", path, "--detailed-exitcode"]);
    expect(kept.stdout).toContain("! access.jane->EU  kept: jane can access EU, which the file leaves out");
    expect(kept.code).toBe(2);
    const applied = await inProcess(["apply", path, "--auto-approve", "--prune"]);
    expect(applied.stdout).toContain("deny-access access.jane->EU ... done");
    expect(accessOf("jane")).not.toContain("eu");
  });
});

describe("product shares in the file", () => {
  it("names the product shared over a connection the plan disconnects, as irreversible", async () => {
    seedTenant("Connected", true);
    const path = await written(
      "cut.yaml",
      "connections:",
      "  - { from: Global, to: EU, status: Disconnected }",
      "shares:",
      `  ${PRODUCT}: [EU]`,
    );
    const { code, stdout } = await cli(["plan", path, "--detailed-exitcode"]);
    expect(stdout).toContain(
      `- connection.Global->EU  disconnect (irreversible): the file says Disconnected: it breaks the share of ${PRODUCT} with EU, which Zuora cannot recover`,
    );
    expect(code).toBe(2);
  });

  it("shares over a new connection after it is accepted, and the product is shared", async () => {
    seedTenant();
    const path = await written(
      "share.yaml",
      "connections:",
      "  - { from: Global, to: EU, status: Connected }",
      "shares:",
      `  ${PRODUCT}: [EU]`,
    );
    const planned = await inProcess(["plan", path]);
    expect(planned.stdout).toContain(`+ share.${PRODUCT}->EU  share (irreversible): the connection Global->EU is new`);
    const applied = await inProcess(["apply", path, "--auto-approve"]);
    expect(applied.code).toBe(0);
    expect(standIn.state().products[0]?.sharedWith).toEqual(["eu"]);
  });

  it("says a share over a standing connection cannot be checked before it runs: exit 0, and apply takes Zuora's already shared as done", async () => {
    seedTenant("Connected", true);
    const path = await written(
      "standing.yaml",
      "connections:",
      "  - { from: Global, to: EU, status: Connected }",
      "shares:",
      `  ${PRODUCT}: [EU]`,
    );
    const planned = await cli(["plan", path, "--detailed-exitcode"]);
    expect(planned.stdout).toContain(
      `+ share.${PRODUCT}->EU  share (irreversible) (unchecked): cannot be checked before it runs`,
    );
    expect(planned.stdout).toContain(
      "No differences Zuora shows: 1 share cannot be checked before it runs (apply sends it).",
    );
    expect(planned.code).toBe(0);
    const applied = await cli(["apply", path, "--auto-approve"]);
    expect(applied.stdout).toMatch(/\[1\/1\] share share\.\S+->EU \.\.\. done: already shared \(Zuora says so\)/);
    expect(applied.code).toBe(0);
  });
});
