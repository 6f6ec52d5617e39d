/**
 * The acceptance script where there is no HTTP server to start (a worker, a page): in-process only. The deprecated
 * `standIn.listen()` must refuse there, which shows that the bundle took `./testing`'s portable build.
 */
import { createStandIn } from "zuora-multi-entity/testing";
import { accept } from "../acceptance.js";

/** What the worker answers and the page publishes. */
export async function acceptHere(): Promise<Record<string, unknown>> {
  const inProcess = await accept();
  const deprecatedListen = await createStandIn()
    .listen()
    .then(
      () => "served",
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
  return { runtime: navigator.userAgent, inProcess, deprecatedListen };
}
