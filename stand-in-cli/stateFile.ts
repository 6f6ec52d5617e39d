import { open, readdir, readFile, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { TenantByName, TenantStateByName } from "../stand-in/node.js";
import { notARegularFile } from "./regularFile.js";

/** A state file that cannot be read as one: it names the file and what is wrong. */
export class StateFileError extends Error {
  override name = "StateFileError";
}

/** The version of the state format this zuora-stand-in reads (`"version": 1`, as `stateByName()` gives it). */
const STATE_VERSION = 1;

/** How much of the state is written at a time: between writes, requests are served. */
const CHUNK_BYTES = 1024 * 1024;

/** The temporary file a process writes a state to before renaming it over the state file. */
function temporaryFile(path: string, pid: number): string {
  return join(dirname(path), `.${basename(path)}.${pid}.tmp`);
}

/**
 * Reads a saved state (JSON, by names, as `GET /__stand-in/state` answers it), or undefined when there is no file
 * yet. Throws a {@link StateFileError} for a file that is not a state: it is never overwritten by a fresh tenant.
 */
export async function readStateFile(path: string): Promise<TenantByName | undefined> {
  const notAFile = await notARegularFile(path);
  if (notAFile !== undefined) throw new StateFileError(`${path}: ${notAFile}`);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new StateFileError(`${path}: cannot be read (${(error as Error).message})`);
  }
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(`${path}: is not JSON (${(error as Error).message}); move it away to start afresh`);
  }
  const version = typeof state === "object" && state !== null ? (state as { version?: unknown }).version : undefined;
  if (typeof version === "number" && Number.isInteger(version) && version > STATE_VERSION) {
    throw new StateFileError(
      `${path}: was saved by a newer zuora-stand-in (state version ${version}; this one reads version ${STATE_VERSION}): serve it with that zuora-stand-in, or upgrade this one`,
    );
  }
  if (version !== STATE_VERSION) {
    throw new StateFileError(
      `${path}: is not a state zuora-stand-in saved (no "version": 1); move it away to start afresh`,
    );
  }
  return state as TenantByName;
}

/**
 * Saves a state whole or not at all: written to a temporary file beside it (in chunks, so requests are served
 * meanwhile), flushed to disk, then renamed over `path`. A crash at any point leaves the previous state readable.
 */
export async function writeStateFile(path: string, state: TenantStateByName): Promise<void> {
  const bytes = Buffer.from(`${JSON.stringify(state, null, 2)}\n`, "utf8");
  const temporary = temporaryFile(path, process.pid);
  const handle = await open(temporary, "w");
  try {
    for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
      await handle.write(bytes.subarray(at, Math.min(at + CHUNK_BYTES, bytes.length)));
    }
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await unlink(temporary).catch(() => {});
    throw error;
  }
  await handle.close();
  await rename(temporary, path);
  // The rename itself is made durable with its directory (a power cut after it keeps the new state).
  const directory = await open(dirname(path), "r").catch(() => undefined);
  await directory?.sync().catch(() => {});
  await directory?.close();
}

/**
 * Claims `path` for this process, with a lock file beside it that holds its process ID, and resolves to what lets it
 * go. A second process serving the same state would load the first's tenant, then each would save over the other's
 * changes: a live process's claim is refused with a {@link StateFileError}; a dead one's (killed before it could let
 * go) is taken over. A folder where the lock cannot be made is one a state could not be saved in either: refused too,
 * before anything is served, rather than lose every change.
 */
export async function claimStateFile(path: string): Promise<() => Promise<void>> {
  const lock = join(dirname(path), `.${basename(path)}.lock`);
  for (;;) {
    try {
      const handle = await open(lock, "wx");
      await handle.write(String(process.pid));
      await handle.close();
      return () => unlink(lock).catch(() => {});
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new StateFileError(`${path}: cannot be saved there (${(error as Error).message})`);
      }
    }
    const holder = Number((await readFile(lock, "utf8").catch(() => "")).trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
      throw new StateFileError(
        `${path}: another zuora-stand-in (pid ${holder}) serves it; stop that one, or give this one another --state`,
      );
    }
    await unlink(lock).catch(() => {});
  }
}

/** Removes the temporary files a process that died while saving left beside the state file. */
export async function removeAbandonedWrites(path: string): Promise<void> {
  const prefix = `.${basename(path)}.`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const name of names) {
    const pid = name.startsWith(prefix) && name.endsWith(".tmp") ? Number(name.slice(prefix.length, -4)) : Number.NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) {
      await unlink(join(dirname(path), name)).catch(() => {});
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
