/**
 * One of the processes that share a tenant in bench/limits.ts: a client of its own (the shipped build, default
 * options), `calls` listEntities calls against the stand-in at `url`, all started at once when the parent says `go`.
 * With `baseline <workers>`, the limiter is off and `workers` loops call one after another instead: the best this
 * machine allows over HTTP. Reports `{ succeeded, failed, ms }` to the parent over IPC, then exits.
 *
 * node --import tsx bench/tenantWorker.ts <url> <calls> [baseline <workers>]
 */
import { createZuoraClient } from "./shippedClient.js";

const [url, calls] = [process.argv[2] ?? "", Number(process.argv[3] ?? 0)];
const baselineWorkers = process.argv[4] === "baseline" ? Number(process.argv[5]) : 0;
const zuora = createZuoraClient({
  baseUrl: url,
  auth: "bench-token",
  ...(baselineWorkers > 0 ? { maxConcurrency: Number.POSITIVE_INFINITY } : {}),
});
// One call before the start, outside the time: the connection pool and the JIT warm up as in a long-lived worker.
await zuora.listEntities();

process.on("message", async (message) => {
  if (message !== "go") return;
  const start = performance.now();
  let outcomes: PromiseSettledResult<unknown>[];
  if (baselineWorkers > 0) {
    outcomes = [];
    let next = 0;
    const worker = async () => {
      while (next++ < calls) outcomes.push(...(await Promise.allSettled([zuora.listEntities()])));
    };
    await Promise.all(Array.from({ length: baselineWorkers }, worker));
  } else {
    outcomes = await Promise.allSettled(Array.from({ length: calls }, () => zuora.listEntities()));
  }
  const failed = outcomes.filter((o) => o.status === "rejected");
  process.send?.({
    succeeded: calls - failed.length,
    failed: failed.length,
    firstFailure: failed[0] ? String((failed[0] as PromiseRejectedResult).reason) : undefined,
    ms: performance.now() - start,
  });
  process.disconnect?.();
});
process.send?.("ready");
