import { type Answer, answer } from "./answers.js";

/** How many keys the store keeps at most; past it, the oldest is forgotten. */
export const MAX_IDEMPOTENCY_KEYS = 100_000;

interface Saved {
  method: string;
  path: string;
  /** Null while the first request with the key is being answered. */
  answer: Answer | null;
}

/**
 * Zuora's idempotent replay of `POST` (and `PATCH`) by `Idempotency-Key`, as its guide describes it: the first
 * answer under a key is saved and given again to every repeat (a business failure included), 409 while the first
 * request is still in progress, 422 for a key reused on another method or path. A 401 is not saved: Zuora checks
 * credentials first, so the repeat after a token refresh must reach the operation. Keys are kept until `reset()`
 * (Zuora keeps them 24 hours; a stand-in lives shorter).
 */
export class IdempotencyStore {
  readonly #saved = new Map<string, Saved>();

  /**
   * What to answer before running a request with this key: a saved answer (a replay, a 409 or a 422), or undefined
   * when the request is the first with its key (which is then reserved until {@link IdempotencyStore.save}).
   */
  begin(key: string, method: string, path: string): Answer | undefined {
    const saved = this.#saved.get(key);
    if (saved === undefined) {
      this.#saved.set(key, { method, path, answer: null });
      // A Map iterates in insertion order: the first key is the oldest.
      if (this.#saved.size > MAX_IDEMPOTENCY_KEYS) this.#saved.delete(this.#saved.keys().next().value as string);
      return undefined;
    }
    if (saved.method !== method || saved.path !== path) {
      return answer(422, { message: "The Idempotency-Key was already used with a different tenant, URL or method." });
    }
    if (saved.answer === null) {
      return answer(409, { message: "A request with the same Idempotency-Key is still in progress." });
    }
    return { ...saved.answer, headers: { ...saved.answer.headers, "zuora-request-id": crypto.randomUUID() } };
  }

  /** Saves the answer to the first request with this key (or frees the key, for a 401 or a request that failed). */
  save(key: string, result: Answer | undefined): void {
    const saved = this.#saved.get(key);
    if (saved === undefined) return;
    if (result === undefined || result.status === 401) this.#saved.delete(key);
    else saved.answer = result;
  }

  /** Forgets every key. */
  reset(): void {
    this.#saved.clear();
  }
}
