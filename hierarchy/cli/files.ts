import { readFile, writeFile } from "node:fs/promises";
import { UsageError } from "./io.js";

/** What a file system error means, in words (`ENOENT` is "no such file"). */
const WHY: Record<string, string> = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "it is a folder, not a file",
  ENOTDIR: "a part of the path is not a folder",
  EROFS: "the file system is read-only",
  ENOSPC: "no space left on the device",
};

/** Why a file could not be read or written, in words. */
function why(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code && WHY[code]) ?? (error instanceof Error ? error.message : String(error));
}

/** The text of a file named on the command line; a file that cannot be read is a usage error naming it and why. */
export async function readNamedFile(path: string | undefined, what: string): Promise<string> {
  if (path === undefined) throw new UsageError(`${what} is required`);
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${why(error)}`);
  }
}

/** Writes a file named on the command line; a file that cannot be written is an error naming it and why. */
export async function writeNamedFile(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text, "utf8");
  } catch (error) {
    throw new Error(`cannot write ${path}: ${why(error)}`);
  }
}
