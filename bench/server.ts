/**
 * The benchmark's server, run in its own process so it never shares the client's event loop: Node's http with
 * keep-alive, answering the two POSTs and any GET (as getEntity) with the reference responses and the token operation with a token. It
 * counts what it receives; `GET /__stats` reads the counts and `POST /__reset` clears them.
 *
 * Prints `listening <url>` once ready.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { readSpec } from "../scripts/codegen/spec.js";
import { responseExample } from "../scripts/verify/samples.js";

// The spec's documented answers, serialized once at start-up (outside anything measured).
const spec = readSpec();
const ENTITY = JSON.stringify(responseExample(spec, "/v1/entities", "200", "created"));
const CONNECTION = JSON.stringify(responseExample(spec, "/v1/entity-connections", "200", "initiated"));
const TOKEN = JSON.stringify(responseExample(spec, "/oauth/token", "200", "token"));
const ENTITY_READ = JSON.stringify(responseExample(spec, "/v1/entities/{id}", "200", undefined, "GET"));

let stats = { requests: 0, tokenRequests: 0, bodyBytes: 0, gzippedBodies: 0 };

const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  let bytes = 0;
  req.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
  });
  req.on("end", () => {
    const path = (req.url ?? "").split("?")[0];
    if (path === "/__stats") return reply(res, 200, JSON.stringify(stats));
    if (path === "/__reset") {
      stats = { requests: 0, tokenRequests: 0, bodyBytes: 0, gzippedBodies: 0 };
      return reply(res, 204, "");
    }
    stats.requests++;
    stats.bodyBytes += bytes;
    if (req.headers["content-encoding"] === "gzip") stats.gzippedBodies++;
    if (path === "/oauth/token") {
      stats.tokenRequests++;
      // A token endpoint is slower than a cached token: let the 200 callers pile up behind one request.
      return setTimeout(() => reply(res, 200, TOKEN), 20);
    }
    if (req.method === "GET") return reply(res, 200, ENTITY_READ);
    reply(res, 200, path === "/v1/entity-connections" ? CONNECTION : ENTITY);
  });
});
server.keepAliveTimeout = 60_000;

function reply(res: import("node:http").ServerResponse, status: number, body: string) {
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "zuora-request-id": "6f4b1c2e-8d3a-4e5f-9a7b-0c1d2e3f4a5b",
  });
  res.end(body);
}

server.listen(0, "127.0.0.1", () => {
  console.log(`listening http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
process.on("disconnect", () => process.exit(0));
