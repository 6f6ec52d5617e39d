/**
 * Runs the Prism mock of the spec until Ctrl-C, for trying the client by hand:
 *
 *   npm run mock
 */
import { prismVersion, startPrism } from "./prism.js";

const prism = await startPrism();
console.log(`Prism ${prismVersion} mock of openapi/multi-entity.yaml listening on ${prism.url} (Ctrl-C stops it)`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    prism.stop().then(() => process.exit(0));
  });
}
