/**
 * Requests held by a `hold` fault, per track id, until the test releases them (`POST /__front/release`): a request
 * that arrives late, without the test guessing how late "late" is on a busy machine. The release answers once the
 * held requests have been handled, so a test can read the log at once.
 */
export class Holds {
  readonly #held = new Map<string, { release: () => void; handled: Promise<void> }[]>();

  /** Waits until `trackId`'s requests are released; resolves to the function to call once this one is handled. */
  async hold(trackId: string): Promise<() => void> {
    let handled = () => {};
    const whenHandled = new Promise<void>((resolve) => {
      handled = resolve;
    });
    await new Promise<void>((release) => {
      this.#held.set(trackId, [...(this.#held.get(trackId) ?? []), { release, handled: whenHandled }]);
    });
    return handled;
  }

  /** Lets `trackId`'s held requests go on; resolves once each has been handled. */
  async release(trackId: string): Promise<void> {
    const waiting = this.#held.get(trackId) ?? [];
    this.#held.delete(trackId);
    for (const request of waiting) request.release();
    await Promise.all(waiting.map((request) => request.handled));
  }
}
