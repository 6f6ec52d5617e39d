/** Median and 99th percentile of a list of durations, in ms. */
export function summarize(samples: number[]): { median: number; p99: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p99: at(0.99), n: sorted.length };
}

/** Times `n` sequential calls, in ms each. */
export async function sequential(call: () => Promise<unknown>, n: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await call();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Times `n` calls with `inFlight` of them running at once, in ms each. */
export async function concurrent(call: () => Promise<unknown>, n: number, inFlight: number): Promise<number[]> {
  const samples: number[] = [];
  let started = 0;
  const worker = async () => {
    while (started < n) {
      started++;
      const start = performance.now();
      await call();
      samples.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return samples;
}

/**
 * Times `n` rounds in which every client makes one sequential call, the order rotating each round, in ms per call.
 * Interleaving call by call pairs the clients against the same moment's noise (other processes, GC, CPU frequency),
 * which blocks of calls per client do not.
 */
export async function interleaved(
  calls: Record<string, () => Promise<unknown>>,
  n: number,
): Promise<Record<string, number[]>> {
  const names = Object.keys(calls);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < names.length; j++) {
      const name = names[(i + j) % names.length] as string;
      const start = performance.now();
      await (calls[name] as () => Promise<unknown>)();
      samples[name]?.push(performance.now() - start);
    }
  }
  return samples;
}
