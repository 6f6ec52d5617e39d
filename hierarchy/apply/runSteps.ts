/** A unit of work that waits for others (by index). */
export interface Runnable {
  index: number;
  dependsOn: readonly number[];
}

/** How a run ended. */
export interface RunOutcome<S> {
  done: S[];
  failed: { step: S; error: unknown }[];
  notStarted: S[];
}

/**
 * Runs `steps` as their dependencies allow, at most `parallelism` at once, in the steps' order when several are
 * ready. At the first failure (unless `keepGoing`), or once `stopped()` says so, it starts nothing new and lets the
 * running steps finish; with `keepGoing`, a failure only holds back the steps that wait for the failed one. The steps
 * never started are reported as such.
 */
export async function runSteps<S extends Runnable>(
  steps: readonly S[],
  parallelism: number,
  run: (step: S) => Promise<void>,
  stopped: () => boolean = () => false,
  keepGoing = false,
): Promise<RunOutcome<S>> {
  const waitingOn = new Map(steps.map((s) => [s.index, new Set(s.dependsOn)]));
  const dependents = new Map<number, S[]>();
  for (const s of steps) {
    for (const d of s.dependsOn) {
      const list = dependents.get(d);
      if (list) list.push(s);
      else dependents.set(d, [s]);
    }
  }
  const ready = steps.filter((s) => s.dependsOn.length === 0);
  const outcome: RunOutcome<S> = { done: [], failed: [], notStarted: [] };
  const started = new Set<number>();
  let running = 0;
  await new Promise<void>((resolve) => {
    const pump = () => {
      while ((keepGoing || outcome.failed.length === 0) && !stopped() && running < parallelism && ready.length > 0) {
        const step = ready.shift() as S;
        started.add(step.index);
        running++;
        run(step)
          .then(
            () => {
              outcome.done.push(step);
              for (const next of dependents.get(step.index) ?? []) {
                const waits = waitingOn.get(next.index);
                waits?.delete(step.index);
                if (waits?.size === 0) ready.push(next);
              }
            },
            (error: unknown) => {
              outcome.failed.push({ step, error });
            },
          )
          .finally(() => {
            running--;
            pump();
          });
      }
      if (running === 0) resolve();
    };
    pump();
  });
  outcome.notStarted = steps.filter((s) => !started.has(s.index));
  return outcome;
}
