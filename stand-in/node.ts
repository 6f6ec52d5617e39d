/**
 * zuora-multi-entity/testing/node: everything `zuora-multi-entity/testing` has, plus {@link listen}, which serves a
 * stand-in over HTTP with `node:http` (Node, Bun and Deno have it; browsers and workers do not, which is why it
 * lives in an entry of its own).
 *
 * ```ts
 * import { createStandIn, listen } from "zuora-multi-entity/testing/node";
 * const server = await listen(createStandIn());
 * // server.url: http://127.0.0.1:<free port>; await server.close() when done
 * ```
 */
import { type StandIn, type StandInOptions, standInServedBy } from "./createStandIn.js";
import { type ListeningStandIn, type ListenOptions, listen as serveOverHttp } from "./listen.js";

export * from "./index.js";

/**
 * Serves a stand-in's tenant over HTTP on loopback (`127.0.0.1` and a free port unless told), for code that is not
 * JavaScript or runs in another process. The stand-in stays usable in-process: both doors reach the same tenant.
 *
 * @param standIn - The stand-in to serve (what `createStandIn()` returns; only its `fetch` is used).
 * @param options - `host` (defaults to `127.0.0.1`, loopback only) and `port` (defaults to 0: a free port the
 * operating system picks).
 * @returns Once listening: `url` (give it to the client as `baseUrl`) and `close()`, which resolves when the port is
 * free again.
 * @throws Rejects with the server's error (e.g. `EADDRINUSE`) when it cannot listen on that host and port.
 * @see `createStandIn` for the tenant's options.
 * @example
 * ```ts
 * const server = await listen(createStandIn());
 * ```
 */
export function listen(standIn: Pick<StandIn, "fetch">, options?: ListenOptions): Promise<ListeningStandIn> {
  return serveOverHttp((request) => standIn.fetch(request), options);
}

/**
 * Creates a stand-in for a Zuora Multi-entity tenant, in memory: the same as `createStandIn` from
 * `zuora-multi-entity/testing`, except that the deprecated `standIn.listen()` serves over HTTP as it did before
 * `listen` had an entry of its own. `zuora-multi-entity/testing` resolves to this file where the `node` condition
 * applies (Node, Bun, Deno), so code written for 0.2 keeps working there.
 *
 * @param options - How the tenant starts (`tenantId`, `global`, `users`) and how it answers (`auth`, `limits`,
 * `latencyMs` in ms, `maxBodyBytes` in bytes); every one has a default, so `createStandIn()` is a working tenant.
 * @returns The stand-in: give `standIn.fetch` to the client as its `fetch`, or serve it with {@link listen}.
 * @throws An error naming the option when an option cannot work (a negative `latencyMs`, a `maxBodyBytes` below 1),
 * before anything is created.
 * @see {@link listen}, to serve the tenant over HTTP.
 * @example
 * ```ts
 * const zuora = createZuoraClient({ baseUrl: "https://rest.test.zuora.com", auth: "any-token", fetch: createStandIn().fetch });
 * ```
 */
export function createStandIn(options?: StandInOptions): StandIn {
  return standInServedBy(serveOverHttp, options);
}
