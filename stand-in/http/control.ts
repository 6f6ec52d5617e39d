import { isSeedById } from "../tenant/byName/seedForms.js";
import type { TenantByName } from "../tenant/byName/types.js";
import { SeedError } from "../tenant/seedError.js";
import type { TenantSeed } from "../tenant/tenant.js";
import type { FaultPlan } from "./faults.js";
import { discardBody, type IncomingRequest } from "./incoming.js";
import { parseJson, readBody } from "./requestBody.js";

/** The prefix of the stand-in's own endpoints, which no Zuora path starts with. */
export const CONTROL_PREFIX = "/__stand-in/";

/** What the control endpoints act on (a stand-in's own methods). */
export interface Controllable {
  reset(): void;
  seed(seed: TenantSeed): unknown;
  seedByName(seed: TenantByName): unknown;
  stateByName(): unknown;
  restore(state: TenantByName): unknown;
  failNext(plan: FaultPlan): void;
  requests(): unknown;
}

/** An endpoint's answer, before it is a Response. */
type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

/** Each endpoint, by its name after the prefix, and what each of its methods does. */
const ENDPOINTS: Record<
  string,
  Record<string, (standIn: Controllable, body: () => Promise<unknown>) => Promise<Reply>>
> = {
  health: { GET: async () => ({ status: 200, body: { status: "ok" } }) },
  reset: {
    POST: async (standIn) => {
      standIn.reset();
      return { status: 204 };
    },
  },
  seed: {
    POST: async (standIn, body) => {
      const seed = await body();
      // The form `seed()` takes (IDs) answers what it added, as before; a seed by names answers the whole tenant.
      if (isSeedById(seed)) return { status: 200, body: standIn.seed(seed as TenantSeed) };
      return { status: 200, body: standIn.seedByName(seed as TenantByName) };
    },
  },
  state: {
    GET: async (standIn) => ({ status: 200, body: standIn.stateByName() }),
    PUT: async (standIn, body) => ({ status: 200, body: standIn.restore((await body()) as TenantByName) }),
  },
  faults: {
    POST: async (standIn, body) => {
      standIn.failNext((await body()) as FaultPlan);
      return { status: 204 };
    },
  },
  requests: { GET: async (standIn) => ({ status: 200, body: standIn.requests() }) },
};

/**
 * The stand-in's own endpoints, for code that reaches it over HTTP (`listen()`, the `zuora-stand-in` command) from
 * another process or language; `openapi/stand-in-control.yaml` describes each:
 * - `GET /__stand-in/health`: `{ "status": "ok" }` once it answers (what a CI job waits on);
 * - `POST /__stand-in/reset`: starts over (from the options' seed, if any);
 * - `POST /__stand-in/seed`: adds a seed by names (answers the whole tenant by names), or one by IDs as `seed()`
 *   takes it (answers what was added);
 * - `GET /__stand-in/state`: the whole tenant by names, in the hierarchy file's shape; `PUT` replaces the tenant
 *   with such a state;
 * - `POST /__stand-in/faults` with a {@link FaultPlan}: arms a failure for the next request that fits;
 * - `GET /__stand-in/requests`: the requests handled so far.
 * A seed or state the tenant refuses is a 400 listing its problems (`problems: [{ path, message }]`); a plan that
 * cannot be met, or a body that is not JSON, a 400 with the reason; a body over `maxBytes` (decoded) a 413; another
 * method on an endpoint a 405, and another endpoint a 404.
 */
export async function control(standIn: Controllable, request: IncomingRequest, maxBytes: number): Promise<Response> {
  const path = request.url.pathname;
  const name = path.slice(CONTROL_PREFIX.length);
  const endpoint = Object.hasOwn(ENDPOINTS, name) ? ENDPOINTS[name] : undefined;
  let reply: Reply;
  if (endpoint === undefined) {
    reply = { status: 404, body: { message: `No stand-in endpoint ${request.method} ${path}.` } };
  } else {
    const act = Object.hasOwn(endpoint, request.method) ? endpoint[request.method] : undefined;
    const allowed = Object.keys(endpoint).join(", ");
    reply = act
      ? await act(standIn, () => bodyOf(request, maxBytes)).catch(refusal)
      : {
          status: 405,
          body: { message: `${path} takes ${allowed}, not ${request.method}.` },
          headers: { allow: allowed },
        };
  }
  await discardBody(request);
  return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
    status: reply.status,
    headers: { ...(reply.body === undefined ? {} : { "content-type": "application/json" }), ...reply.headers },
  });
}

/** The JSON body of a control request, or a thrown error with the status to answer. */
async function bodyOf(request: IncomingRequest, maxBytes: number): Promise<unknown> {
  const read = await readBody(request, maxBytes);
  if ("status" in read) throw Object.assign(new Error(read.message), { status: read.status });
  const parsed = parseJson(read.text);
  if ("malformed" in parsed) throw new Error("The request body is not valid JSON.");
  return parsed.value;
}

/** What a refused control request answers: 413 for a body too large, 400 for the rest (a seed's every problem). */
function refusal(error: unknown): Reply {
  const message = error instanceof Error ? error.message : String(error);
  if ((error as { status?: unknown }).status === 413) return { status: 413, body: { message } };
  if (error instanceof SeedError) return { status: 400, body: { message, problems: error.problems } };
  return { status: 400, body: { message } };
}
