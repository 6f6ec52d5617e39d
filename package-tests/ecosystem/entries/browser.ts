/** A page's script that runs the acceptance script and publishes the result as `window.acceptance`. */
import { acceptHere } from "./portable.js";

(globalThis as { acceptance?: Promise<Record<string, unknown>> }).acceptance = acceptHere();
