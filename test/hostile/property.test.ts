import fc from "fast-check";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { createZuoraClient, type ZuoraAuth, ZuoraError } from "../../src/index.js";
import { entityBody } from "../support/fixtures.js";
import {
  type Answer,
  type LoopbackServer,
  type ReceivedRequest,
  startLoopbackServer,
} from "../support/loopbackServer.js";
import { errorTexts, pause } from "./support.js";

// Random statuses × content types × bodies × faults × abort times, thrown at the client over a real loopback server.
// Every call settles (a generous hang catcher, not a speed check), with a ZuoraError or the caller's own abort
// reason, leaves no unhandled rejection, no timer and no socket behind, and no secret in any shape in what a caller
// could log of the error.

const NUM_RUNS = 300;
const TIMEOUT_MS = 80;
/** How long a call or a clean-up may take before it counts as hung (far above the ≈ 1 s worst case). */
const HANG_MS = 60_000;

// Secrets with characters whose URL-encoded, form-encoded and JSON-escaped shapes all differ from the literal.
const clientSecret = 'cl!ent/Secret+Key="q"=';
const token = 'tok/en+Value="x"=';
const shapesOf = (secret: string) => [
  secret,
  encodeURIComponent(secret),
  new URLSearchParams({ s: secret }).toString().slice(2),
  JSON.stringify(secret).slice(1, -1),
];
const secretShapes = [...shapesOf(clientSecret), ...shapesOf(token)];

// One body serves both paths: a success for the operations, a token reply for /oauth/token.
const success = { id: "e1", success: true, access_token: token, token_type: "bearer", expires_in: 3599 };
// A hostile server echoes what it was sent: {{sent}} is the request's bearer token (JSON-escaped where the body is
// JSON), {{form}} its body. Echoes only: the client cannot hide a secret it was never given.
const body = fc.oneof(
  { weight: 4, arbitrary: fc.constant(JSON.stringify(success)) },
  fc.constantFrom(
    '{"success":false,"reasons":[{"code":53100020,"message":"refused {{sentJson}}"}]}',
    "{}",
    "[]",
    "null",
    "",
    '"ok"',
    '{"success":"false"}',
    "<html><body>Sign in again, {{sent}}</body></html>",
    "{{form}}",
    '{"message":"bad token {{sentJson}} for {{formJson}}"}',
    '{"message":"cut off',
  ),
  fc.string({ maxLength: 40 }),
);

/** The body template with what the request carried filled in. */
function echo(template: string, request: ReceivedRequest): string {
  const sent = String(request.headers.authorization ?? "").replace(/^Bearer /, "");
  const json = (text: string) => JSON.stringify(text).slice(1, -1);
  return template
    .replaceAll("{{sentJson}}", json(sent))
    .replaceAll("{{formJson}}", json(request.text))
    .replaceAll("{{sent}}", sent)
    .replaceAll("{{form}}", request.text);
}
const status = fc.oneof(
  fc.constantFrom(200, 201, 204, 301, 302, 303, 307, 400, 401, 403, 404, 409, 429, 500, 502, 503, 599, 600, 999),
  fc.integer({ min: 200, max: 599 }),
);
const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "application/problem+json",
  "text/html",
  "text/plain",
  "application/x-www-form-urlencoded",
  "",
);
const retryAfter = fc.constantFrom(undefined, "0", "1", "May 5", "Sun, 22 Nov 2026 12:00:00 GMT", "-3");
const fault = fc.oneof(
  { weight: 6, arbitrary: fc.constant("none" as const) },
  fc.constantFrom("reset" as const, "hang" as const, "truncated" as const, "stalled" as const),
);

const answer: fc.Arbitrary<Answer> = fc
  .record({ status, contentType, body, retryAfter, fault })
  .map(({ status, contentType, body, retryAfter, fault }) => {
    if (fault === "reset" || fault === "hang") return fault;
    const headers: Record<string, string> = { "content-type": contentType };
    if (retryAfter !== undefined) headers["retry-after"] = retryAfter;
    return { status, headers, text: body, truncated: fault === "truncated", stalled: fault === "stalled" };
  });

const scenario = fc.record({
  // The server's answers in order; once they run out, every request gets a success.
  answers: fc.array(answer, { minLength: 1, maxLength: 6 }),
  auth: fc.constantFrom("static", "function", "oauth"),
  // createEntity by helper and by client.POST, and the later operations: a POST with a list body and a bodiless PUT.
  call: fc.constantFrom("helper", "POST", "shareProduct", "acceptUserAccess"),
  maxRetries: fc.integer({ min: 0, max: 2 }),
  abortAt: fc.oneof(
    fc.constant("never" as const),
    fc.constant("before" as const),
    fc.integer({ min: 0, max: 4 * TIMEOUT_MS }),
  ),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** How many of one kind of handle (`Timeout`, `TCPSocketWrap`, ...) are alive now: Node's own count, nothing patched. */
function live(kind: string): number {
  return process.getActiveResourcesInfo().filter((k) => k === kind).length;
}

/** Waits until `done()` holds, giving up after `limitMs` (a hang catcher: the callers assert on `done()` after). */
async function eventually(done: () => boolean, limitMs = HANG_MS): Promise<void> {
  for (let waited = 0; waited < limitMs && !done(); waited += 10) await pause(10);
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const tally = { runs: 0, resolved: 0, zuoraErrors: 0, aborted: 0, calls: new Set<string>() };
beforeEach(() => {
  process.on("unhandledRejection", onUnhandled);
});
afterEach(() => {
  process.off("unhandledRejection", onUnhandled);
});
afterAll(() => {
  console.log(
    `hostile property test: ${tally.runs} runs (${tally.resolved} resolved, ${tally.zuoraErrors} ZuoraError, ` +
      `${tally.aborted} the abort reason) over ${[...tally.calls].join(", ")}`,
  );
});

async function play(s: Scenario, server: LoopbackServer): Promise<void> {
  let next = 0;
  server.handler = (request) => {
    const planned = s.answers[next++] ?? { text: JSON.stringify(success) };
    return typeof planned === "string" ? planned : { ...planned, text: echo(planned.text ?? "", request) };
  };
  const auth: ZuoraAuth =
    s.auth === "static" ? token : s.auth === "function" ? async () => token : { clientId: "client-id", clientSecret };
  const zuora = createZuoraClient({
    baseUrl: server.url,
    auth,
    maxRetries: s.maxRetries,
    timeoutMs: TIMEOUT_MS,
    retry: { baseDelayMs: 1, maxDelayMs: 4, maxRetryAfterMs: 4 },
  });

  const timersBefore = live("Timeout");
  const controller = new AbortController();
  const reason = new Error("the caller gave up");
  if (s.abortAt === "before") controller.abort(reason);
  const abortTimer = typeof s.abortAt === "number" ? setTimeout(() => controller.abort(reason), s.abortAt) : undefined;
  const { signal } = controller;
  const calls = {
    helper: () => zuora.createEntity(entityBody, { signal }),
    POST: () => zuora.POST("/v1/entities", { body: entityBody, signal }),
    shareProduct: () => zuora.shareProduct("p-1", { toEntityIds: ["e1"] }, { signal }),
    acceptUserAccess: () => zuora.acceptUserAccess("jane.doe@example.com", { signal }),
  };
  const call: Promise<unknown> = calls[s.call]();

  // Worst case: token request, the call, a refresh and the resend, each with every attempt timing out: about 1 s
  // on an idle machine. The catcher waits a minute: a machine starved by other work can stretch 1 s many times over,
  // and the catcher is there for a call that never settles, not for a slow one.
  let catcher: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<"hung">((resolve) => {
    catcher = setTimeout(() => resolve("hung"), HANG_MS);
  });
  const outcome = await Promise.race([
    call.then(
      (value) => ({ settled: "resolved" as const, value }),
      (error: unknown) => ({ settled: "rejected" as const, error }),
    ),
    hung,
  ]);
  clearTimeout(catcher);
  clearTimeout(abortTimer);
  // The client's own timers (attempt limits, backoff waits) are cleared once the call has settled. Work the call
  // shared and left (a token request nobody waits for any more) is aborted with it and winds down within a few turns
  // of the event loop: turns, not time, so a timer that merely runs out later still counts as left.
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
  expect(live("Timeout"), "no timer left").toBeLessThanOrEqual(timersBefore);
  // An answer the server never finished is the client's to drop: it closes the connection, the server does not.
  await eventually(() => server.unfinished() === 0);
  expect(server.unfinished(), "no connection left waiting on an unfinished answer").toBe(0);

  expect(outcome, "the call settles").not.toBe("hung");
  if (outcome === "hung") return;
  tally.runs++;
  tally.calls.add(s.call);
  if (outcome.settled === "resolved") {
    tally.resolved++;
    return;
  }
  const { error } = outcome;
  if (error === reason) {
    tally.aborted++;
    expect(controller.signal.aborted).toBe(true);
    return;
  }
  tally.zuoraErrors++;
  expect(error, String(error)).toBeInstanceOf(ZuoraError);
  for (const text of errorTexts(error)) {
    for (const shape of secretShapes) expect(text, "no secret in what a caller logs").not.toContain(shape);
  }
}

describe("the client under random hostile answers", () => {
  it(`settles every call with a ZuoraError or the abort reason, leaking nothing (${NUM_RUNS} runs)`, async () => {
    const socketsBefore = live("TCPSocketWrap") + live("TCPServerWrap");
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const server = await startLoopbackServer();
        try {
          await play(s, server);
        } finally {
          await server.close();
        }
        // Idle keep-alive connections close when the server does, a turn or two of the event loop later.
        const sockets = () => live("TCPSocketWrap") + live("TCPServerWrap");
        await eventually(() => sockets() <= socketsBefore);
        expect(sockets(), "no socket left").toBeLessThanOrEqual(socketsBefore);
        expect(unhandled, "no unhandled rejection").toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
    expect([...tally.calls].sort()).toEqual(["POST", "acceptUserAccess", "helper", "shareProduct"]);
  }, 600_000);
});
