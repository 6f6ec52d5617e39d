import { constraints } from "../../generated/constraints.js";
import { type Answer, answer } from "./answers.js";

/** How many keys the store keeps by default; past it, the oldest is forgotten. */
export const MAX_IDEMPOTENCY_KEYS = 100_000;

/** The methods Zuora replays by `Idempotency-Key` (the spec's `x-methods` of the header: POST and PATCH). */
const KEYED_METHODS: readonly string[] = constraints.headers["Idempotency-Key"].methods;

/**
 * The key a request is replayed by: its `Idempotency-Key` on a method Zuora keys (POST, PATCH), else undefined (a
 * GET, PUT or DELETE carrying one is answered as if it did not).
 */
export function replayKey(method: string, idempotencyKey: string | null | undefined): string | undefined {
  return idempotencyKey !== null && idempotencyKey !== undefined && KEYED_METHODS.includes(method)
    ? idempotencyKey
    : undefined;
}

/** What the store saves: an answer's status and headers (and whatever body the server keeps). */
export interface Replayable {
  status: number;
  headers: Record<string, string>;
}

/**
 * What a request with a saved key is answered: the saved answer (`replayed`, with a request id of its own), or the
 * store's refusal, 409 while the first request is still in progress (`in-progress`) and 422 for a key reused on
 * another method or path (`mismatch`).
 */
export type Replay<A extends Replayable = Answer> =
  | (A & { idempotency: "replayed" })
  | (Answer & { idempotency: "in-progress" | "mismatch" });

interface Saved<A> {
  method: string;
  path: string;
  /** Null while the first request with the key is being answered. */
  answer: A | null;
}

/**
 * Zuora's idempotent replay of `POST` (and `PATCH`) by `Idempotency-Key`, as its guide describes it, for the stand-in
 * and for the front layer in front of a mock that does not replay (Prism): the first answer under a key is saved and
 * given again to every repeat (a business failure included), 409 while the first request is still in progress, 422
 * for a key reused on another method or path. A 401 or a 429 is not saved: Zuora checks credentials and its limits
 * before the operation, so the repeat after a token refresh or a wait must reach it. Keys are kept until `reset()`
 * (Zuora keeps them 24 hours; a stand-in lives shorter), the newest `maxKeys` of them.
 *
 * @typeParam A - What an answer is where the store is used: the stand-in's {@link Answer} (the default), or the
 * front layer's answer as bytes.
 */
export class IdempotencyStore<A extends Replayable = Answer> {
  readonly #saved = new Map<string, Saved<A>>();
  readonly #maxKeys: number;

  /** @param maxKeys - How many keys are kept (the newest). Defaults to {@link MAX_IDEMPOTENCY_KEYS}. */
  constructor(maxKeys = MAX_IDEMPOTENCY_KEYS) {
    this.#maxKeys = maxKeys;
  }

  /**
   * What to answer before running a request with this key: a saved answer (a replay, a 409 or a 422), or undefined
   * when the request is the first with its key (which is then reserved until {@link IdempotencyStore.save}).
   */
  begin(key: string, method: string, path: string): Replay<A> | undefined {
    const saved = this.#saved.get(key);
    if (saved === undefined) {
      this.#saved.set(key, { method, path, answer: null });
      // A Map iterates in insertion order: the first key is the oldest.
      if (this.#saved.size > this.#maxKeys) this.#saved.delete(this.#saved.keys().next().value as string);
      return undefined;
    }
    if (saved.method !== method || saved.path !== path) {
      const message = "The Idempotency-Key was already used with a different tenant, URL or method.";
      return { ...answer(422, { message }), idempotency: "mismatch" };
    }
    if (saved.answer === null) {
      const message = "A request with the same Idempotency-Key is still in progress.";
      return { ...answer(409, { message }), idempotency: "in-progress" };
    }
    const headers = { ...saved.answer.headers, "zuora-request-id": crypto.randomUUID() };
    return { ...saved.answer, headers, idempotency: "replayed" };
  }

  /** Saves the answer to the first request with this key (or frees the key, for a 401, a 429 or a failed request). */
  save(key: string, result: A | undefined): void {
    const saved = this.#saved.get(key);
    if (saved === undefined) return;
    if (result === undefined || result.status === 401 || result.status === 429) this.#saved.delete(key);
    else saved.answer = result;
  }

  /** Forgets every key. */
  reset(): void {
    this.#saved.clear();
  }
}
