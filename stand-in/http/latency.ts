/**
 * Holds a request for the stand-in's latency, `ms` milliseconds, or until `signal` aborts: then it rejects with the
 * signal's reason, as `fetch` does, and the timer is cleared. The latency comes before the request is handled, so a
 * request aborted while held has changed nothing.
 */
export function holdFor(ms: number, signal: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const abort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", abort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", abort, { once: true });
  });
}
