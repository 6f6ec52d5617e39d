/**
 * Records by ID, which also make the IDs of new records: IDs that look like Zuora's (32 hexadecimal characters) and
 * count up from the start, so that the IDs a test sees are the same on every run.
 */
export class RecordsById<T> extends Map<string, T> {
  readonly #prefix: string;
  #next = 0;

  /** @param prefix - The first characters of every made ID (tells entities from connections when reading a log). */
  constructor(prefix: string) {
    super();
    this.#prefix = prefix;
  }

  /**
   * `given` (a seed's own ID) when no record has it, and otherwise the next made ID that no record has: a made ID
   * skips any a seed already took.
   */
  newId(given?: string): string {
    let id = given;
    while (id === undefined || this.has(id)) {
      this.#next += 1;
      id = this.#prefix + this.#next.toString(16).padStart(32 - this.#prefix.length, "0");
    }
    return id;
  }
}
