/**
 * The acceptance script where the runtime serves HTTP (Node, Bun, Deno): in-process, then over `listen()`, then the
 * deprecated `standIn.listen()` (which serves only where `./testing` resolves by the `node` condition). Prints one
 * JSON line.
 */
import { createStandIn } from "zuora-multi-entity/testing";
import { listen } from "zuora-multi-entity/testing/node";
import { accept } from "../acceptance.js";

const host = globalThis as {
  Bun?: { version: string };
  Deno?: { version: { deno: string } };
  process?: { versions: { node?: string } };
};
const runtime = host.Bun
  ? `bun ${host.Bun.version}`
  : host.Deno
    ? `deno ${host.Deno.version.deno}`
    : `node ${host.process?.versions.node}`;

const inProcess = await accept();
const overHttp = await accept({ serve: listen });

const legacy = createStandIn();
const server = await legacy.listen();
const answer = await fetch(`${server.url}/v1/entities/${legacy.globalEntityId}`, {
  headers: { authorization: "Bearer any-token" },
});
await answer.body?.cancel();
await server.close();

console.log(JSON.stringify({ runtime, inProcess, overHttp, deprecatedListen: answer.status }));
