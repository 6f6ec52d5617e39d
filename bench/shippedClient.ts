import type * as Package from "../src/index.js";
import type * as Testing from "../stand-in/index.js";
import type * as TestingNode from "../stand-in/node.js";

/**
 * The client as users run it: the build in `dist/` (tsc's output, what the package ships), not `src/` through tsx.
 * tsx compiles with esbuild's `keepNames`, which wraps every function made per call (the policies' closures, the
 * validation's callbacks) in a naming helper that defines its `name` at run time: work no user's build does, charged
 * to the wrapper in a ratio against openapi-fetch, which runs from its own build. `npm run bench` builds first.
 */
export const { createZuoraClient } = (await import(new URL("../dist/src/index.js", import.meta.url).href).catch(
  (error: unknown) => {
    throw new Error("bench: dist/ is missing; npm run bench builds it (npm run build)", { cause: error });
  },
)) as typeof Package;

/** The stand-in as users run it (`zuora-multi-entity/testing`), from the same build, for the limiter's scenarios. */
export const { createStandIn } = (await import(
  new URL("../dist/stand-in/index.js", import.meta.url).href
)) as typeof Testing;

/** `listen` from `zuora-multi-entity/testing/node`, from the same build: the stand-in served over HTTP. */
export const { listen } = (await import(
  new URL("../dist/stand-in/node.js", import.meta.url).href
)) as typeof TestingNode;
