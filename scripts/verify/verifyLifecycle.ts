import { createZuoraClient, reasonCategory, type ZuoraAuth } from "../../src/index.js";
import { prismViolations } from "./verdicts.js";
import type { CheckResult } from "./verifyContract.js";

/** Where to run the lifecycle: a Prism proxy (`--errors`) in front of the stand-in, or of a tenant. */
export interface LifecycleTarget {
  baseUrl: string;
  auth: ZuoraAuth;
}

const OPERATION = "lifecycle";
const place = { locale: "en_US", timezone: "America/Los_Angeles" };

/**
 * Runs the workflow users run, through the public client, and reports each step: create a child and a grandchild,
 * list them as unprovisioned, provision in order (the grandchild first is refused), a new locale once provisioned
 * and the deletion of a provisioned entity are refused, then a connection goes Pending → Connected → Disconnected,
 * as both sides list it. The steps build on each other: after a failed step the rest fail as not reached.
 *
 * It provisions two entities (which cannot be undone) and connects them: run it on the stand-in, or on a sandbox
 * tenant only when asked to (`npm start -- --lifecycle`).
 */
export async function verifyLifecycle(target: LifecycleTarget): Promise<CheckResult[]> {
  const violations = new Set<string>();
  const zuora = createZuoraClient({
    baseUrl: target.baseUrl,
    auth: target.auth,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const body = await response.clone().text();
      // Prism is the judge here: it sits in front of the stand-in (or the tenant) and refuses an off-spec answer.
      const where = `${init.method ?? "GET"} ${new URL(input).pathname}`;
      for (const v of prismViolations(response.headers, body)) {
        violations.add(`${where}: ${v.location.join(".")}: ${v.message}`);
      }
      return response;
    },
  });

  /** What an answer says: `success`, or `refused <category>`. */
  const outcome = (data: unknown) => {
    const body = data as { success?: boolean; reasons?: { code: number | string }[] } | undefined;
    if (body?.success === true) return "success";
    return `refused ${reasonCategory(body?.reasons?.[0]?.code ?? "") ?? JSON.stringify(data)}`;
  };
  const expectThat = (what: string, actual: unknown, expected: unknown) => {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    }
  };
  const provision = async (id: string) =>
    outcome((await zuora.PUT("/v1/entities/{id}/provision", { params: { path: { id } } })).data);
  const statuses = async (as: string, type: "inbound" | "outbound", id: string) => {
    const { data } = await zuora.GET("/v1/entity-connections", {
      params: { query: { type }, header: { "Zuora-Entity-Ids": as } },
    });
    const list = data && "entityConnections" in data ? data.entityConnections : [];
    return list.filter((c) => c.id === id).map((c) => c.status);
  };
  /** The connection's statuses as its target lists it (inbound), then as its source does (outbound). */
  const bothSides = async (id: string) => [
    await statuses(ids.grandchild, "inbound", id),
    await statuses(ids.child, "outbound", id),
  ];
  const connectionAct = async (verb: "accept" | "disconnect", id: string, as: string) =>
    outcome(
      (
        await zuora.PUT(`/v1/entity-connections/{connection-id}/${verb}`, {
          params: { path: { "connection-id": id }, header: { "Zuora-Entity-Ids": as } },
        })
      ).data,
    );

  const name = `Lifecycle-${Date.now().toString(36)}`;
  const ids = { child: "", grandchild: "", connection: "" };
  const steps: [string, () => Promise<void>][] = [
    [
      "creates a child and a grandchild, Unprovisioned",
      async () => {
        const { data } = await zuora.GET("/v1/entities", { params: { query: { provisioned: true } } });
        const global = data && "entities" in data ? data.entities.find((e) => e.parentId === null) : undefined;
        if (!global) throw new Error(`no global entity listed: ${JSON.stringify(data)}`);
        const child = await zuora.createEntity({ name: `${name}-child`, parentId: global.id, ...place });
        const grandchild = await zuora.createEntity({ name: `${name}-grandchild`, parentId: child.id, ...place });
        Object.assign(ids, { child: child.id, grandchild: grandchild.id });
        expectThat("statuses", [child.status, grandchild.status], ["Unprovisioned", "Unprovisioned"]);
      },
    ],
    [
      "lists both as unprovisioned",
      async () => {
        const { data } = await zuora.GET("/v1/entities", { params: { query: { provisioned: false } } });
        const listed = data && "entities" in data ? data.entities.map((e) => e.id) : [];
        expectThat(
          "listed",
          [ids.child, ids.grandchild].map((id) => listed.includes(id)),
          [true, true],
        );
      },
    ],
    [
      "refuses to provision the grandchild before its parent (rule, 30)",
      async () => expectThat("grandchild", await provision(ids.grandchild), "refused 30"),
    ],
    [
      "provisions the child, then the grandchild",
      async () =>
        expectThat(
          "child, grandchild",
          [await provision(ids.child), await provision(ids.grandchild)],
          ["success", "success"],
        ),
    ],
    [
      "refuses a new locale once provisioned, and deleting a provisioned entity (30)",
      async () => {
        const path = { params: { path: { id: ids.grandchild } } };
        const locale = outcome((await zuora.PUT("/v1/entities/{id}", { ...path, body: { locale: "fr_FR" } })).data);
        const removed = outcome((await zuora.DELETE("/v1/entities/{id}", path)).data);
        expectThat("locale, delete", [locale, removed], ["refused 30", "refused 30"]);
      },
    ],
    [
      "initiates a connection: Pending, inbound for the target and outbound for the source",
      async () => {
        const { id } = await zuora.initiateConnection({ targetEntityId: ids.grandchild }, { entityIds: ids.child });
        ids.connection = id;
        expectThat("target, source", await bothSides(id), [["Pending"], ["Pending"]]);
      },
    ],
    [
      "the target accepts: Connected on both sides",
      async () => {
        expectThat("accept", await connectionAct("accept", ids.connection, ids.grandchild), "success");
        expectThat("target, source", await bothSides(ids.connection), [["Connected"], ["Connected"]]);
      },
    ],
    [
      "the source disconnects: Disconnected on both sides",
      async () => {
        expectThat("disconnect", await connectionAct("disconnect", ids.connection, ids.child), "success");
        expectThat("target, source", await bothSides(ids.connection), [["Disconnected"], ["Disconnected"]]);
      },
    ],
  ];

  const results: CheckResult[] = [];
  let failedAt: string | undefined;
  for (const [check, step] of steps) {
    if (failedAt !== undefined) {
      results.push({ operation: OPERATION, check, pass: false, detail: `not reached: "${failedAt}" failed` });
      continue;
    }
    try {
      await step();
      results.push({ operation: OPERATION, check, pass: true, detail: "" });
    } catch (error) {
      failedAt = check;
      results.push({
        operation: OPERATION,
        check,
        pass: false,
        detail: error instanceof Error ? error.message : String(error),
      });
    }
  }
  results.push({
    operation: OPERATION,
    check: "every answer follows the spec, as prism proxy --errors judged it",
    pass: violations.size === 0,
    detail: [...violations].join("; "),
  });
  return results;
}
