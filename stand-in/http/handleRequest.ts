import { resolveCaller } from "../tenant/callers.js";
import { Category, type Refusal, reasonCode } from "../tenant/reasons.js";
import type { Tenant } from "../tenant/tenant.js";
import { type Answer, answer, businessFailure, failure, toResponse } from "./answers.js";
import type { Authenticator, TokenIdentity, TokenTenant } from "./auth.js";
import { unauthorized } from "./auth.js";
import { type Faults, faultAnswer } from "./faults.js";
import { handlers } from "./handlers.js";
import { type IdempotencyStore, replayKey } from "./idempotency.js";
import { discardBody, type IncomingRequest } from "./incoming.js";
import { holdFor } from "./latency.js";
import type { TenantLimits } from "./limits.js";
import { type Matched, matchOperation, type OperationId } from "./match.js";
import { permissionRefusal } from "./permissions.js";
import { mediaType, parseJson, type ReadBody, readBody } from "./requestBody.js";
import { resourceCode } from "./resourceCodes.js";
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
  /** The size a request body may reach, decoded, in bytes. */
  maxBodyBytes: number;
}

/** How many of the latest requests `requests()` keeps (the oldest go first past twice as many). */
export const MAX_LOGGED_REQUESTS = 100_000;

/**
 * Answers one request as a Zuora tenant would: the tenant's limits first (when enforced), then an injected fault,
 * then the token endpoint, the bearer check (and who the token acts as), idempotent replay, the body (its media type,
 * size, gzip and JSON), the entity the call runs in, the spec's request rules, the operation's permission, and the
 * operation itself. A dropped connection (an injected reset) is a rejected promise, as
 * `fetch` gives it; anything else is an answer (an unexpected error a 500), never a rejection.
 *
 * It runs for every request a test sends, so it reads each header once and awaits only what is asynchronous (the
 * latency, the body): the cost per request is measured by `npm run bench` against a bare `fetch`.
 */
export async function handleRequest(parts: StandInParts, request: IncomingRequest): Promise<Response> {
  const { method, headers, url } = request;
  const trackId = headers.get("zuora-track-id");
  const matched = matchOperation(method, url.pathname);
  const record: HandledRequest = {
    method,
    path: url.pathname,
    trackId: trackId ?? undefined,
    operationId: matched?.operationId,
    status: undefined,
    reasonCode: undefined,
  };
  parts.log.push(record);
  // Trimmed in batches, so that a long-lived stand-in's log stays bounded at an amortized constant cost per request.
  if (parts.log.length > 2 * MAX_LOGGED_REQUESTS) parts.log.splice(0, parts.log.length - MAX_LOGGED_REQUESTS);
  // Zuora limits the token request apart (and the client never queues it): it is neither counted nor refused here.
  const admitted = parts.limits.admit(matched?.operationId !== "createToken");
  if ("refusal" in admitted) {
    record.status = admitted.refusal.status;
    return toResponse(admitted.refusal, trackId);
  }
  try {
    if (parts.latencyMs > 0) await holdFor(parts.latencyMs, request.signal);
    const fault = parts.faults.pending === 0 ? undefined : parts.faults.take(matched?.operationId, record.trackId);
    if (fault === "reset-before") throw connectionReset();
    let result: Answer;
    if (typeof fault === "object") result = faultAnswer(fault);
    else {
      try {
        result = await respond(parts, request, matched);
      } catch {
        result = answer(500, { success: false, reasons: [{ code: "SystemError", message: "The stand-in failed." }] });
      }
    }
    if (fault === "reset-after") throw connectionReset();
    record.status = result.status;
    const reasons = (result.body as { success?: boolean; reasons?: { code?: unknown }[] } | undefined)?.reasons;
    if (result.status === 200 && typeof reasons?.[0]?.code === "number") record.reasonCode = reasons[0].code;
    return toResponse(result, trackId, admitted.headers);
  } finally {
    admitted.release();
  }
}

async function respond(parts: StandInParts, request: IncomingRequest, matched: Matched | undefined): Promise<Answer> {
  const { url } = request;
  if (!matched) {
    return answer(404, {
      success: false,
      reasons: [{ code: reasonCode(Category.notFound), message: `No operation ${request.method} ${url.pathname}.` }],
    });
  }
  const tenant = parts.tenant();
  if (matched.operationId === "createToken") {
    const read = await readBody(request, parts.maxBodyBytes);
    if ("status" in read) return transportFailure(read.status, read.message);
    return parts.auth.issue(new URLSearchParams(read.text), tokenTenant(tenant));
  }
  const identity = parts.auth.identify(request.headers.get("authorization"));
  // A token of a user the tenant no longer has (a reset, a deleted entity) is as good as no token.
  if (identity === undefined || (identity.username !== undefined && !tenant.users.rights(identity.username))) {
    return unauthorized();
  }

  const key = replayKey(request.method, request.headers.get("idempotency-key"));
  if (key === undefined) return run(parts, request, matched, identity);
  const replay = parts.idempotency.begin(key, request.method, url.pathname);
  if (replay) return replay;
  let result: Answer | undefined;
  try {
    result = await run(parts, request, matched, identity);
    return result;
  } finally {
    parts.idempotency.save(key, result);
  }
}

/**
 * Runs an operation: reads the body, then finds the caller and the entity the call runs in, checks the request by
 * the spec's rules, the caller by the operation's permission, and acts on the tenant by its rules. A refusal's reason
 * code names the resource Zuora would: the body's object or field, or `500000` for a request without a payload.
 */
async function run(
  parts: StandInParts,
  request: IncomingRequest,
  matched: Matched,
  identity: TokenIdentity,
): Promise<Answer> {
  const { operationId } = matched;
  const { url } = request;
  if (operationId === "createToken") throw new Error("unreachable: the token endpoint is answered above");
  // An operation that takes no body ignores one, and is answered without waiting for it.
  const read = "contentType" in matched.row ? await bodyOf(parts, request, matched.row.contentType) : NO_BODY;
  if ("status" in read) return transportFailure(read.status, read.message);
  const parsed = parseJson(read.text);
  if ("malformed" in parsed) return transportFailure(400, "The request body is not valid JSON.");
  const hasPayload = matched.row.body && parsed.value !== undefined;
  const refused = (refusal: Refusal) => businessFailure(refusal, resourceCode(operationId, hasPayload, refusal.field));
  const tenant = parts.tenant();
  const caller = resolveCaller(tenant, identity.username, request.headers.get("zuora-entity-ids"));
  if (!caller.ok) return refused(caller.refusal);
  const invalid = checkRequest(matched.row, matched.pathParams, url, parsed.value);
  if (invalid) return refused(invalid);
  const forbidden = permissionRefusal(operationId, caller.value, tenant, parsed.value);
  if (forbidden) return refused(forbidden);
  const result = handlers[operationId]({
    tenant,
    pathParams: matched.pathParams,
    url,
    body: matched.row.body ? parsed.value : undefined,
    caller: caller.value,
  });
  if ("refusal" in result) return refused(result.refusal);
  result.body.success = true;
  return answer(200, result.body);
}

const NO_BODY: ReadBody = { text: "" };

/** The tenant as the token endpoint sees it: its OAuth clients, and the entities each token is valid for. */
function tokenTenant(tenant: Tenant): TokenTenant {
  return {
    client: (clientId) => tenant.oauthClient(clientId),
    scope: (username) => {
      const access = username === undefined ? "all" : (tenant.users.rights(username)?.accessible() ?? []);
      const ids = access === "all" ? tenant.entities.list().map((e) => e.id) : access;
      return ids.map((id) => `entity.${id}`).join(" ");
    },
  };
}

/**
 * The body of an operation that takes one, in the media type the spec gives it (415 for another; a body without a
 * `Content-Type` is read as that type), within the size limit.
 */
async function bodyOf(
  parts: StandInParts,
  request: IncomingRequest,
  expected: string,
): Promise<ReadBody | { status: 415; message: string }> {
  const given = mediaType(request.headers.get("content-type"));
  if (request.body !== null && given !== undefined && given !== expected) {
    await discardBody(request);
    return { status: 415, message: `The request body must be ${expected}, not ${given.slice(0, 80)}.` };
  }
  return readBody(request, parts.maxBodyBytes);
}

/** A request refused before any rule (a body too large, not gzip or JSON, of another media type). */
function transportFailure(status: 400 | 413 | 415, message: string): Answer {
  const category = status === 413 ? Category.limit : status === 415 ? Category.unsupported : Category.malformed;
  return failure(status, { category, message });
}

function connectionReset(): TypeError {
  return new TypeError("fetch failed", { cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }) });
}
