import { abortable } from "../pipeline/abortable.js";

/**
 * One piece of work (a token request, a token refresh) shared by every caller that needs it while it runs. Each
 * caller waits with its own signal and leaves at once when that aborts; when the last waiter has left, the work's
 * own signal aborts, so nothing keeps running (or sending) for nobody.
 */
export class SharedFlight<T> {
  #current: { promise: Promise<T>; controller: AbortController; waiters: number } | null = null;

  /** Joins the work in flight, or starts `work` when there is none. */
  join(work: (signal: AbortSignal) => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    signal?.throwIfAborted();
    let flight = this.#current;
    if (!flight) {
      const controller = new AbortController();
      const started: { promise: Promise<T>; controller: AbortController; waiters: number } = {
        promise: Promise.resolve()
          .then(() => work(controller.signal))
          .finally(() => {
            if (this.#current === started) this.#current = null;
          }),
        controller,
        waiters: 0,
      };
      // Every waiter handles the outcome; this keeps a flight that all waiters left from rejecting unhandled.
      started.promise.catch(() => {});
      this.#current = started;
      flight = started;
    }
    const joined = flight;
    joined.waiters++;
    const leave = () => {
      joined.waiters--;
      if (joined.waiters === 0 && this.#current === joined) {
        this.#current = null;
        joined.controller.abort(new Error("every caller waiting for this work aborted"));
      }
    };
    return abortable(joined.promise, signal).then(
      (value) => {
        joined.waiters--;
        return value;
      },
      (error) => {
        if (signal?.aborted && error === signal.reason) leave();
        else joined.waiters--;
        throw error;
      },
    );
  }

  /** The work in flight, joined with `signal`, or undefined when there is none. */
  joinRunning(signal: AbortSignal | undefined): Promise<T> | undefined {
    const flight = this.#current;
    if (!flight) return undefined;
    return this.join(() => flight.promise, signal);
  }
}
