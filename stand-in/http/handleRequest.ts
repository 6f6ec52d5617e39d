import { constraints } from "../../generated/constraints.js";
import { Category, reasonCode } from "../tenant/reasons.js";
import type { Tenant } from "../tenant/tenant.js";
import { type Answer, answer, businessFailure, toResponse } from "./answers.js";
import type { Authenticator } from "./auth.js";
import { unauthorized } from "./auth.js";
import type { Fault, Faults } from "./faults.js";
import { handlers } from "./handlers.js";
import type { IdempotencyStore } from "./idempotency.js";
import type { TenantLimits } from "./limits.js";
import { type Matched, matchOperation, type OperationId } from "./match.js";
import { parseJson, requestText } from "./requestBody.js";
import { checkRequest } from "./validate.js";

/** One request as the stand-in handled it. */
export interface HandledRequest {
  method: string;
  /** The path, without the query. */
  path: string;
  /** Its `Zuora-Track-Id`, if any (to find a test's own requests in a shared stand-in). */
  trackId: string | undefined;
  /** The operation it addressed, or undefined for a path the spec does not describe. */
  operationId: OperationId | undefined;
  /** The status answered, or undefined when an injected fault dropped the connection. */
  status: number | undefined;
  /** The reason code of a business failure (HTTP 200, `success: false`). */
  reasonCode: number | undefined;
}

/** What the stand-in's request handling works with. */
export interface StandInParts {
  tenant: () => Tenant;
  auth: Authenticator;
  idempotency: IdempotencyStore;
  faults: Faults;
  log: HandledRequest[];
  limits: TenantLimits;
  /** How long each admitted request is held before it is answered, in ms. */
  latencyMs: number;
}

const IDEMPOTENT_BY_KEY: readonly string[] = constraints.headers["Idempotency-Key"].methods;

/**
 * Answers one request as a Zuora tenant would: the tenant's limits first (when enforced), then an injected fault, then the token endpoint, the bearer check,
 * idempotent replay, the spec's request rules, and the operation itself. A dropped connection (an injected reset) is
 * a rejected promise, as `fetch` gives it.
 */
export async function handleRequest(parts: StandInParts, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const matched = matchOperation(request.method, url.pathname);
  const record: HandledRequest = {
    method: request.method,
    path: url.pathname,
    trackId: request.headers.get("zuora-track-id") ?? undefined,
    operationId: matched?.operationId,
    status: undefined,
    reasonCode: undefined,
  };
  parts.log.push(record);
  // Zuora limits the token request apart (and the client never queues it): it is neither counted nor refused here.
  const admitted = parts.limits.admit(matched?.operationId !== "createToken");
  if ("refusal" in admitted) {
    record.status = admitted.refusal.status;
    return toResponse(admitted.refusal, request.headers.get("zuora-track-id"));
  }
  try {
    if (parts.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, parts.latencyMs));
    const fault = parts.faults.take(matched?.operationId);
    if (fault === "reset-before") throw connectionReset();
    const result = typeof fault === "object" ? faultAnswer(fault) : await respond(parts, request, url, matched);
    if (fault === "reset-after") throw connectionReset();
    record.status = result.status;
    const reasons = (result.body as { success?: boolean; reasons?: { code?: unknown }[] } | undefined)?.reasons;
    if (result.status === 200 && typeof reasons?.[0]?.code === "number") record.reasonCode = reasons[0].code;
    const counted = { ...result, headers: { ...admitted.headers, ...result.headers } };
    return toResponse(counted, request.headers.get("zuora-track-id"));
  } finally {
    admitted.release();
  }
}

async function respond(parts: StandInParts, request: Request, url: URL, matched: Matched | undefined): Promise<Answer> {
  if (!matched) {
    return answer(404, {
      success: false,
      reasons: [{ code: reasonCode(Category.notFound), message: `No operation ${request.method} ${url.pathname}.` }],
    });
  }
  const tenant = parts.tenant();
  if (matched.operationId === "createToken") {
    const scope = tenant.entities.list().map((e) => `entity.${e.id}`);
    return parts.auth.issue(new URLSearchParams((await requestText(request)) ?? ""), scope.join(" "));
  }
  if (matched.row.auth && !parts.auth.accepts(request.headers.get("authorization"))) return unauthorized();

  const key = IDEMPOTENT_BY_KEY.includes(request.method) ? request.headers.get("idempotency-key") : null;
  if (key === null) return run(tenant, request, url, matched);
  const replay = parts.idempotency.begin(key, request.method, url.pathname);
  if (replay) return replay;
  let result: Answer | undefined;
  try {
    result = await run(tenant, request, url, matched);
    return result;
  } finally {
    parts.idempotency.save(key, result);
  }
}

async function run(tenant: Tenant, request: Request, url: URL, matched: Matched): Promise<Answer> {
  const text = await requestText(request);
  if (text === undefined) {
    return businessFailure({
      category: Category.malformed,
      message: "The body says Content-Encoding: gzip but is not gzip.",
    });
  }
  const parsed = parseJson(text);
  if ("malformed" in parsed) return businessFailure({ category: Category.malformed, message: "The body is not JSON." });
  const refusal = checkRequest(matched.row, matched.pathParams, url.searchParams, parsed.value);
  if (refusal) return businessFailure(refusal);
  if (matched.operationId === "createToken") throw new Error("unreachable: the token endpoint is answered above");
  const result = handlers[matched.operationId]({
    tenant,
    pathParams: matched.pathParams,
    url,
    body: parsed.value,
    entityIds: request.headers.get("zuora-entity-ids"),
  });
  return "refusal" in result ? businessFailure(result.refusal) : answer(200, { ...result.body, success: true });
}

/** An injected failure, in the spec's shape for its status. */
function faultAnswer(fault: Extract<Fault, { status: number }>): Answer {
  const retryAfter =
    fault.status === 429 || fault.status === 503 ? { "retry-after": String(fault.retryAfterSeconds ?? 1) } : {};
  if (fault.status === 429) return answer(429, { message: "Too many requests" }, retryAfter);
  return answer(
    fault.status,
    { success: false, reasons: [{ code: "SystemError", message: `injected ${fault.status}` }] },
    retryAfter,
  );
}

function connectionReset(): TypeError {
  return new TypeError("fetch failed", { cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }) });
}
