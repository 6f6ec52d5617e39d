import { reasonCategory, ZuoraBusinessError } from "../../src/index.js";

/**
 * How a helper call ended: `success`, or the refusal's reason category and message (and whether it may have acted),
 * so that a test reads the rule a refusal names. Anything but a business failure is thrown again.
 */
export async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "success";
  } catch (error) {
    if (!(error instanceof ZuoraBusinessError)) throw error;
    const reason = error.reasons[0];
    const acted = error.mayHaveActed ? " (may have acted)" : "";
    return `refused ${reasonCategory(reason?.code ?? "")}: ${reason?.message}${acted}`;
  }
}
