import { stat } from "node:fs/promises";

/**
 * Why `path` is no file to read, in words, or undefined when it is a regular file. A folder would fail with a bare
 * `EISDIR`, and a pipe would block the read until something writes to it: both are named before reading. A missing
 * file is left to the read (each caller says what it means).
 */
export async function notARegularFile(path: string): Promise<string | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined || info.isFile()) return undefined;
  if (info.isDirectory()) return "is a folder, not a file";
  return "is not a regular file (a pipe, a socket or a device): give a file";
}
