/**
 * Makes IDs that look like Zuora's (32 hexadecimal characters) and count up from the start, so that the IDs a test
 * sees are the same on every run. The maker returns `given` (a seed's own ID) when no record has it, and otherwise
 * the next made ID that no record has: a made ID skips any a seed already took.
 *
 * @param prefix - The first characters of every ID (tells entities from connections when reading a log).
 * @param taken - The records by ID, asked whether an ID is theirs.
 */
export function idMaker(prefix: string, taken: { has(id: string): boolean }): (given?: string) => string {
  let next = 0;
  return (given) => {
    let id = given;
    while (id === undefined || taken.has(id)) {
      next += 1;
      id = prefix + next.toString(16).padStart(32 - prefix.length, "0");
    }
    return id;
  };
}
