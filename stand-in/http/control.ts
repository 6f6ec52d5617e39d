import type { TenantSeed } from "../tenant/tenant.js";
import type { FaultPlan } from "./faults.js";
import { parseJson, readBody } from "./requestBody.js";

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
 * A seed the tenant refuses (an unknown parent, a taken name), a plan that cannot be met, or a body that is not JSON
 * is a 400 with the reason; a body over `maxBytes` (decoded) a 413.
 */
export async function control(
  standIn: Controllable,
  request: Request,
  path: string,
  maxBytes: number,
): Promise<Response> {
  const json = (status: number, body: unknown) =>
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json" },
    });
  const body = async (): Promise<unknown> => {
    const read = await readBody(request, maxBytes);
    if ("status" in read) throw Object.assign(new Error(read.message), { status: read.status });
    const parsed = parseJson(read.text);
    if ("malformed" in parsed) throw new Error("The request body is not valid JSON.");
    return parsed.value;
  };
  try {
    const route = `${request.method} ${path.slice(CONTROL_PREFIX.length)}`;
    if (route === "POST reset") {
      standIn.reset();
      return json(204, undefined);
    }
    if (route === "POST seed") return json(200, standIn.seed((await body()) as TenantSeed));
    if (route === "GET state") return json(200, standIn.state());
    if (route === "POST faults") {
      standIn.failNext((await body()) as FaultPlan);
      return json(204, undefined);
    }
    if (route === "GET requests") return json(200, standIn.requests());
    return json(404, { message: `No stand-in endpoint ${route}.` });
  } catch (error) {
    const status = (error as { status?: unknown }).status === 413 ? 413 : 400;
    return json(status, { message: error instanceof Error ? error.message : String(error) });
  }
}
