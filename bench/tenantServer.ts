/**
 * The stand-in the processes of bench/limits.ts share: `concurrency` requests at once, `latencyMs` each, served by
 * `listen()` in a process of its own (unpinned, as a tenant is no client's). Prints `listening <url>`; answers the
 * IPC message `count` with the 429s it has answered since the last `count`.
 *
 * node --import tsx bench/tenantServer.ts <concurrency> <latencyMs>
 */
import { createStandIn, listen } from "./shippedClient.js";

const [concurrency, latencyMs] = [Number(process.argv[2]), Number(process.argv[3])];
const standIn = createStandIn({ limits: { concurrency }, latencyMs });
const server = await listen(standIn);
let counted = 0;
process.on("message", (message) => {
  if (message !== "count") return;
  const handled = standIn.requests();
  const refusals = handled.slice(counted).filter((r) => r.status === 429).length;
  counted = handled.length;
  process.send?.({ refusals });
});
process.on("disconnect", () => void server.close().then(() => process.exit(0)));
console.log(`listening ${server.url}`);
