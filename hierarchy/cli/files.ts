import { readFile, writeFile } from "node:fs/promises";
import { UsageError } from "./io.js";

/** The text of a file named on the command line; a missing file is a usage error naming it. */
export async function readNamedFile(path: string | undefined, what: string): Promise<string> {
  if (path === undefined) throw new UsageError(`${what} is required`);
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** Writes a file named on the command line. */
export async function writeNamedFile(path: string, text: string): Promise<void> {
  await writeFile(path, text, "utf8");
}
