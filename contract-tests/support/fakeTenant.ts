import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { constraints } from "../../generated/constraints.js";
import { readSpec } from "../../scripts/codegen/spec.js";
import { responseExample } from "../../scripts/verify/samples.js";

const spec = readSpec();
const routes = Object.values(constraints.operations).map((row) => ({
  row,
  regex: new RegExp(`^${row.path.replace(/\{[^}]+\}/g, "[^/]+")}$`),
}));
/** The operation of the table that `METHOD path` calls, if any. */
const operationAt = (method: string, path: string) =>
  routes.find((route) => route.row.method === method && route.regex.test(path))?.row;

/** How the stand-in tenant answers. */
export type TenantBehaviour = "per-spec" | "entity-without-id" | "connection-id-as-number";

/** A running stand-in tenant. */
export interface FakeTenant {
  url: string;
  /** Requests that reached it, as `METHOD /path`, since it started or was last told how to behave. */
  received: string[];
  /** Changes how it answers from the next request on, and forgets what it received. */
  behave(behaviour: TenantBehaviour): void;
  close(): Promise<void>;
}

/**
 * A stand-in for a Zuora tenant on loopback, for testing the real-tenant mode of `npm start` (no tenant is
 * reachable here). One tenant plays every behaviour in turn (`behave`), so a suite boots one Prism proxy in front
 * of it rather than one per behaviour. `per-spec` answers with the spec's own examples and Zuora's headers; the other
 * behaviours break the contract in one way each, as a drifting API would.
 */
export async function startFakeTenant(initial: TenantBehaviour = "per-spec"): Promise<FakeTenant> {
  const received: string[] = [];
  let behaviour = initial;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const path = (req.url ?? "").split("?")[0] ?? "";
      received.push(`${req.method} ${path}`);
      const headers: Record<string, string> = {
        "content-type": "application/json",
        "zuora-request-id": crypto.randomUUID(),
        "ratelimit-remaining": "399",
      };
      const trackId = req.headers["zuora-track-id"];
      if (typeof trackId === "string") headers["zuora-track-id"] = trackId;
      let status = 200;
      let body: unknown;
      if (path === "/oauth/token") {
        body = responseExample(spec, "/oauth/token", "200", "token");
      } else if (!/^Bearer \S+/.test(req.headers.authorization ?? "")) {
        status = 401;
        headers["www-authenticate"] = "Bearer realm=Zuora API";
        body = { message: "Authentication error" };
      } else if (req.method === "POST" && path === "/v1/entities") {
        const entity = responseExample(spec, "/v1/entities", "200", "created") as Record<string, unknown>;
        const { id: _, ...withoutId } = entity;
        body = behaviour === "entity-without-id" ? withoutId : entity;
      } else if (req.method === "POST" && path === "/v1/entity-connections") {
        body =
          behaviour === "connection-id-as-number"
            ? { id: 8080825557, success: true }
            : responseExample(spec, "/v1/entity-connections", "200", "initiated");
      } else if (operationAt(req.method ?? "GET", path)) {
        // Every other operation answers with its spec's first 200 example (the reading ones are what reach a tenant).
        const row = operationAt(req.method ?? "GET", path) as { path: string };
        body = responseExample(spec, row.path, "200", undefined, req.method);
      } else {
        status = 404;
        body = { success: false, reasons: [{ code: 50000040, message: "Not found" }] };
      }
      res.writeHead(status, headers).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    behave(next) {
      behaviour = next;
      received.length = 0;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
