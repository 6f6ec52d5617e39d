import { type FrontLayer, startFrontLayer } from "../mock-server/frontLayer.js";
import type { ListeningStandIn } from "../stand-in/listen.js";
import { createStandIn, listen, type StandIn, type StandInOptions } from "../stand-in/node.js";
import { type RunningPrism, startPrism } from "./prism.js";

/** The stand-in behind `prism proxy --errors`, behind the front layer, all on loopback. */
export interface CheckedStandIn {
  /** The stand-in itself (its state, seeding, the requests it answered). */
  standIn: StandIn;
  /** Where a client goes: the front layer (gzip, track id echo, faults) in front of Prism. */
  url: string;
  /** The stand-in served directly, for its own endpoints (`/__stand-in/...`), which the spec does not describe. */
  standInUrl: string;
  /** Stops the three, in order from the front. */
  close(): Promise<void>;
}

/**
 * Starts the stand-in on a free port, `prism proxy --errors` in front of it and the front layer in front of Prism.
 * Every request the stand-in receives and every answer it gives are validated by Prism against the spec on the way
 * through: an answer that drifts from the contract reaches the client as Prism's violation report instead.
 */
export async function startCheckedStandIn(options: StandInOptions = {}): Promise<CheckedStandIn> {
  const standIn = createStandIn(options);
  const server: ListeningStandIn = await listen(standIn);
  let prism: RunningPrism | undefined;
  let front: FrontLayer | undefined;
  try {
    prism = await startPrism({ mode: "proxy", upstream: server.url, errors: true });
    // The stand-in replays by Idempotency-Key itself: one replay store on the way.
    front = await startFrontLayer(prism.url, { replay: false });
  } catch (error) {
    await prism?.stop();
    await server.close();
    throw error;
  }
  const [started, proxy] = [front, prism];
  return {
    standIn,
    url: started.url,
    standInUrl: server.url,
    async close() {
      await started.close();
      await proxy.stop();
      await server.close();
    },
  };
}
