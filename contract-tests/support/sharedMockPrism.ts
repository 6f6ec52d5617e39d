import { type RunningPrism, startPrism } from "../../scripts/prism.js";

interface Shared {
  prism: Promise<RunningPrism>;
  users: number;
}
// On globalThis, not in a module variable: vitest loads each project's global setup as a module of its own, so only
// the process is common to them.
const KEY = Symbol.for("zuora-multi-entity.sharedMockPrism");
const slot = globalThis as { [KEY]?: Shared | undefined };

/**
 * One Prism mock for every vitest project that needs one (their global setups run in the same process): booting
 * Prism is the most expensive thing a setup does, and a mock keeps no state worth isolating. Each caller gets a
 * `release`; the last release stops the process.
 */
export async function acquireMockPrism(): Promise<{ prism: RunningPrism; release: () => Promise<void> }> {
  slot[KEY] ??= { prism: startPrism(), users: 0 };
  const entry = slot[KEY];
  entry.users += 1;
  let prism: RunningPrism;
  try {
    prism = await entry.prism;
  } catch (error) {
    if (slot[KEY] === entry) slot[KEY] = undefined;
    throw error;
  }
  let released = false;
  return {
    prism,
    async release() {
      if (released) return;
      released = true;
      entry.users -= 1;
      if (entry.users > 0) return;
      if (slot[KEY] === entry) slot[KEY] = undefined;
      await prism.stop();
    },
  };
}
