/** What a call ended with, so a test can inspect a rejection without try/catch. */
// biome-ignore lint/suspicious/noExplicitAny: a test reads whichever fields the error it expects has
export type Settled<T> = { ok: true; value: T } | { ok: false; error: any };

/** Waits for `promise` and reports how it settled. */
export function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true, value }),
    (error) => ({ ok: false, error }),
  );
}

/** Rejection of `promise` (fails the test when it resolves). */
// biome-ignore lint/suspicious/noExplicitAny: a test reads whichever fields the error it expects has
export async function rejection(promise: Promise<unknown>): Promise<any> {
  const outcome = await settle(promise);
  if (outcome.ok) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.value)}`);
  return outcome.error;
}

/** Resolves after `ms` of real time: only to let something that should not happen have its chance. */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
