import fc from "fast-check";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { createZuoraClient, type ZuoraAuth, ZuoraError } from "../../src/index.js";
import { errorTexts } from "../support/errorTexts.js";
import { entityBody } from "../support/fixtures.js";
import {
  type Answer,
  type LoopbackServer,
  type ReceivedRequest,
  startLoopbackServer,
} from "../support/loopbackServer.js";
import { pause } from "../support/settle.js";

// Random statuses × content types × bodies × faults × abort times, thrown at the client over a real loopback server.
// Every call settles with a ZuoraError or the caller's own abort reason, closes every connection left on an answer
// the server never finished, leaves no unhandled rejection and no timer behind, and no secret in any shape in what a
// caller could log of the error.
//
// A run that does not finish is reported at once, with its scenario and the step that hung, rather than shrunk: each
// shrink of a hung run would wait out the deadline again (ten minutes of them once stopped a busy CI run).

const NUM_RUNS = 300;
const TIMEOUT_MS = 80;
/**
 * How long one run (the call, then its clean-up) may take before it counts as hung: a hang catcher, not a speed
 * check, far above the ≈ 1 s worst case on an idle machine, so a starved machine stretches a run without failing it.
 */
const RUN_DEADLINE_MS = 30_000;
/** The whole property's time; past it, fast-check stops and the test fails, saying how many runs it made. */
const PROPERTY_BUDGET_MS = 420_000;

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

/** Statuses whose answer has no body on the wire, whatever its headers announce: there is nothing to stall. */
const BODILESS = new Set([204, 205, 304]);

const answer: fc.Arbitrary<Answer> = fc
  .record({ status, contentType, body, retryAfter, fault })
  .map(({ status, contentType, body, retryAfter, fault }) => {
    if (fault === "reset" || fault === "hang") return fault;
    const headers: Record<string, string> = { "content-type": contentType };
    if (retryAfter !== undefined) headers["retry-after"] = retryAfter;
    // A stall is half a body and then nothing. An empty body (or none) is a complete answer on the wire, which the
    // server would merely never end: the client rightly keeps that connection for its next request, and the run
    // waited for the connection pool to let it go.
    const stalled = fault === "stalled" && body !== "" && !BODILESS.has(status);
    return { status, headers, text: body, truncated: fault === "truncated", stalled };
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

/** A run's deadline: what is still waited for when it passes names the step that hung. */
class Deadline {
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #passed: Promise<never>;
  #reject: (error: Error) => void = () => {};
  #step = "starting";

  constructor(
    readonly scenario: unknown,
    ms: number,
  ) {
    this.#passed = new Promise<never>((_, reject) => {
      this.#reject = reject;
    });
    this.#passed.catch(() => {});
    // Unreferenced: it keeps no process alive, and is no timer of the client's (see live()).
    this.#timer = setTimeout(
      () => this.#reject(new RunHung(`${this.#step} did not finish within ${ms} ms`, this.scenario)),
      ms,
    );
    this.#timer.unref();
  }

  /** `work`, or a RunHung naming `step` once the deadline passes. */
  step<T>(step: string, work: Promise<T>): Promise<T> {
    this.#step = step;
    return Promise.race([work, this.#passed]);
  }

  /** Waits until `done()` holds, or fails naming `step` once the deadline passes. */
  async until(step: string, done: () => boolean): Promise<void> {
    this.#step = step;
    while (!done()) await Promise.race([pause(10), this.#passed]);
  }

  clear(): void {
    clearTimeout(this.#timer);
  }
}

/** A run that did not finish: reported with its scenario, never shrunk. */
class RunHung extends Error {
  override name = "RunHung";
  constructor(
    what: string,
    readonly scenario: unknown,
  ) {
    super(`${what}; scenario: ${JSON.stringify(scenario)}`);
  }
}

/**
 * fc.assert of `run` over `arbitrary`, each run with a {@link Deadline} of `deadlineMs`. A run past it fails with a
 * RunHung (the step, the scenario), which fast-check reports with its seed; the shrinks that would follow pass at
 * once, so a hang is reported after one deadline rather than one per shrink.
 */
async function assertWithin<T>(
  arbitrary: fc.Arbitrary<T>,
  deadlineMs: number,
  run: (value: T, deadline: Deadline) => Promise<void>,
  parameters: fc.Parameters<[T]>,
): Promise<void> {
  let hung = false;
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      if (hung) return;
      const deadline = new Deadline(value, deadlineMs);
      try {
        await run(value, deadline);
      } catch (error) {
        if (error instanceof RunHung) hung = true;
        throw error;
      } finally {
        deadline.clear();
      }
    }),
    parameters,
  );
}

let unhandled: unknown[] = [];
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

async function play(s: Scenario, server: LoopbackServer, deadline: Deadline): Promise<void> {
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
  // on an idle machine.
  const outcome = await deadline
    .step(
      "the call",
      call.then(
        (value) => ({ settled: "resolved" as const, value }),
        (error: unknown) => ({ settled: "rejected" as const, error }),
      ),
    )
    .finally(() => clearTimeout(abortTimer));
  // The client's own timers (attempt limits, backoff waits) are cleared once the call has settled. Work the call
  // shared and left (a token request nobody waits for any more) is aborted with it and winds down within a few turns
  // of the event loop: turns, not time, so a timer that merely runs out later still counts as left.
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
  expect(live("Timeout"), "no timer left").toBeLessThanOrEqual(timersBefore);
  // An answer the server never finished (a hang, a stalled body) is the client's to drop: it closes the connection
  // when it gives up on the attempt; the server does not.
  await deadline.until("closing the connections left on unfinished answers", () => server.unfinished() === 0);
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
    await assertWithin(
      scenario,
      RUN_DEADLINE_MS,
      async (s, deadline) => {
        const server = await deadline.step("starting the loopback server", startLoopbackServer());
        try {
          await play(s, server, deadline);
        } finally {
          // Every connection the server still has is destroyed: close() settles once they are gone.
          await deadline.step("closing the loopback server", server.close());
        }
        // Counted per run, so that one run's rejection is not blamed on every run after it.
        const seen = unhandled;
        unhandled = [];
        expect(seen, "no unhandled rejection").toEqual([]);
      },
      { numRuns: NUM_RUNS, interruptAfterTimeLimit: PROPERTY_BUDGET_MS, markInterruptAsFailure: true },
    );
    expect([...tally.calls].sort()).toEqual(["POST", "acceptUserAccess", "helper", "shareProduct"]);
  }, 600_000);

  it("reports a run that never finishes at its deadline, naming the step and the scenario, without shrinking it", async () => {
    let runs = 0;
    const failure = await assertWithin(
      fc.integer({ min: 1000, max: 9999 }),
      200,
      async (_, deadline) => {
        runs++;
        await deadline.step("the call", new Promise<never>(() => {}));
      },
      { numRuns: 20 },
    ).catch((error: unknown) => error);
    // fast-check names the counterexample and its seed, its cause the step that hung.
    expect(String(failure)).toMatch(/Counterexample: \[\d{4}\]\nShrunk 0 time/);
    expect(String((failure as Error).cause)).toMatch(
      /^RunHung: the call did not finish within 200 ms; scenario: \d{4}$/,
    );
    expect(runs).toBe(1);
  });
});
