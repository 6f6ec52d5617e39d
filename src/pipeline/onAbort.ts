/** Each signal's one listener, and the client's calls and waits it calls. */
const followed = new WeakMap<AbortSignal, { followers: Set<() => void>; dispatch: () => void }>();

/**
 * Calls `listener` once when `signal` aborts, until the function returned is called. However many of the client's
 * calls and waits follow one signal (a batch's `AbortSignal.timeout`), the signal holds one listener of the client's,
 * and none once they are all done: a listener each would make every removal scan the others (thousands of calls
 * sharing a signal would cost time in their square), and Node warns of a leak past ten.
 */
export function onAbort(signal: AbortSignal, listener: () => void): () => void {
  let entry = followed.get(signal);
  if (entry === undefined) {
    const followers = new Set<() => void>();
    const dispatch = () => {
      followed.delete(signal);
      for (const follower of followers) follower();
    };
    entry = { followers, dispatch };
    followed.set(signal, entry);
    signal.addEventListener("abort", dispatch, { once: true });
  }
  const { followers, dispatch } = entry;
  followers.add(listener);
  return () => {
    followers.delete(listener);
    if (followers.size === 0 && followed.get(signal)?.followers === followers) {
      followed.delete(signal);
      signal.removeEventListener("abort", dispatch);
    }
  };
}
