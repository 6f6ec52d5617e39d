import type { TenantSeed } from "../tenant/tenant.js";
import type { FaultPlan } from "./faults.js";

/** The prefix of the stand-in's own endpoints, which no Zuora path starts with. */
export const CONTROL_PREFIX = "/__stand-in/";

/** What the control endpoints act on (a stand-in's own methods). */
export interface Controllable {
  reset(): void;
  seed(seed: TenantSeed): unknown;
  state(): unknown;
  failNext(plan: FaultPlan): void;
  requests(): unknown;
}

/**
 * The stand-in's own endpoints, for code that reaches it over HTTP (`listen()`) from another process or language:
 * - `POST /__stand-in/reset`: starts over (one provisioned global entity, nothing else);
 * - `POST /__stand-in/seed` with a {@link TenantSeed}: adds entities, connections, users, products; answers what
 *   was added;
 * - `GET /__stand-in/state`: every entity, connection, user and product;
 * - `POST /__stand-in/faults` with a {@link FaultPlan}: arms a failure for the next request that fits;
 * - `GET /__stand-in/requests`: the requests handled so far.
 * A seed the tenant refuses (an unknown parent, a taken name) is a 400 with the reason.
 */
export async function control(standIn: Controllable, request: Request, path: string): Promise<Response> {
  const json = (status: number, body: unknown) =>
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json" },
    });
  try {
    const route = `${request.method} ${path.slice(CONTROL_PREFIX.length)}`;
    if (route === "POST reset") {
      standIn.reset();
      return json(204, undefined);
    }
    if (route === "POST seed") return json(200, standIn.seed((await request.json()) as TenantSeed));
    if (route === "GET state") return json(200, standIn.state());
    if (route === "POST faults") {
      standIn.failNext((await request.json()) as FaultPlan);
      return json(204, undefined);
    }
    if (route === "GET requests") return json(200, standIn.requests());
    return json(404, { message: `No stand-in endpoint ${route}.` });
  } catch (error) {
    return json(400, { message: error instanceof Error ? error.message : String(error) });
  }
}
