import { readFileSync } from "node:fs";

/** Shells that run an npm script (`sh -c "..."`) without replacing themselves with it. */
const SHELLS = new Set(["sh", "dash", "bash", "zsh"]);

/** How often the watch looks, in ms: a leftover process lingers at most this long after its parent died. */
const INTERVAL_MS = 500;

/** `[command, state, parent pid]` of a process from Linux's /proc, or undefined where there is no /proc. */
function procStat(pid: number): { command: string; state: string; ppid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command is in parentheses and may itself hold spaces or parentheses: the last ")" ends it.
    const close = stat.lastIndexOf(")");
    const [state, ppid] = stat.slice(close + 2).split(" ");
    return { command: stat.slice(stat.indexOf("(") + 1, close), state: state ?? "", ppid: Number(ppid) };
  } catch {
    return undefined;
  }
}

/** Whether a process still runs: a zombie (exited, not yet reaped) counts as gone. */
function isRunning(pid: number): boolean {
  const stat = procStat(pid);
  if (stat) return stat.state !== "Z" && stat.state !== "X";
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The processes whose death should end this one: the parent and, when the parent is the shell npm runs a script
 * in, the shell's parent (npm itself). `npm run x` is npm → `sh -c` → node; killing npm leaves the shell waiting on
 * node, so watching the parent alone would miss it.
 */
function watchedAncestors(): number[] {
  const parent = process.ppid;
  const stat = procStat(parent);
  if (stat && SHELLS.has(stat.command) && stat.ppid > 1) return [parent, stat.ppid];
  return [parent];
}

/**
 * Calls `onOrphaned` once when this process's parent (or npm, above the script's shell) has died, however it died
 * (a signal npm does not forward, such as SIGHUP, or SIGKILL). Polls, unref'd: it never keeps the process alive.
 */
export function watchParent(onOrphaned: () => void): () => void {
  const parent = process.ppid;
  const ancestors = watchedAncestors();
  const timer = setInterval(() => {
    if (process.ppid !== parent || !ancestors.every(isRunning)) {
      clearInterval(timer);
      onOrphaned();
    }
  }, INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
