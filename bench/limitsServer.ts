/**
 * The stand-in for bench/limits.ts, in its own process so that the tenant's work does not share the clients' event
 * loop (as Zuora's does not): `limits.concurrency` and `latencyMs` from argv, served with `listen()`. It records when
 * each request it served (not refused) began and ended: `GET /__peak` answers the most it served at once and the
 * 429s it refused, and `POST /__reset` starts a fresh tenant. Prints `listening <url>` once ready.
 */
import { createStandIn } from "../stand-in/index.js";
import { listen } from "../stand-in/listen.js";

const [concurrency, latencyMs] = process.argv.slice(2).map(Number);
let standIn = createStandIn({ limits: { concurrency }, latencyMs });
let spans: [number, number][] = [];

/** The most spans that overlap at one moment. */
function peak(): number {
  const events = spans.flatMap(([a, b]) => [
    [a, 1],
    [b, -1],
  ]) as [number, number][];
  events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let now = 0;
  let most = 0;
  for (const [, step] of events) {
    now += step;
    most = Math.max(most, now);
  }
  return most;
}

const server = await listen(async (request) => {
  const { pathname } = new URL(request.url);
  if (pathname === "/__peak") {
    const refused = standIn.requests().filter((r) => r.status === 429).length;
    return Response.json({ peak: peak(), refused, globalEntityId: standIn.globalEntityId });
  }
  if (pathname === "/__reset") {
    standIn = createStandIn({ limits: { concurrency }, latencyMs });
    spans = [];
    return Response.json({ globalEntityId: standIn.globalEntityId });
  }
  const began = performance.now();
  const response = await standIn.fetch(request);
  if (response.status !== 429) spans.push([began, performance.now()]);
  return response;
});
console.log(`listening ${server.url}`);
