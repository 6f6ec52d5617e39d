/**
 * Makes IDs that look like Zuora's (32 hexadecimal characters) and count up from the start, so that the IDs a test
 * sees are the same on every run.
 *
 * @param prefix - The first characters of every ID (tells entities from connections when reading a log).
 */
export function idMaker(prefix: string): () => string {
  let next = 0;
  return () => {
    next += 1;
    return prefix + next.toString(16).padStart(32 - prefix.length, "0");
  };
}
