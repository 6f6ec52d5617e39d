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
 */
export function listen(standIn: Pick<StandIn, "fetch">, options?: ListenOptions): Promise<ListeningStandIn> {
  return serveOverHttp((request) => standIn.fetch(request), options);
}

/**
 * The same as `createStandIn` from `zuora-multi-entity/testing`, except that the deprecated `standIn.listen()`
 * serves over HTTP as it did before `listen` had an entry of its own. `zuora-multi-entity/testing` resolves to this
 * file where the `node` condition applies (Node, Bun, Deno), so code written for 0.2 keeps working there.
 */
export function createStandIn(options?: StandInOptions): StandIn {
  return standInServedBy(serveOverHttp, options);
}
