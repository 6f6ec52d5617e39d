import { readdirSync, readFileSync } from "node:fs";

/** Parent pid and state of a process, from Linux's /proc; undefined once it is gone. */
function stat(pid: number): { ppid: number; state: string } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const [state, ppid] = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(ppid), state: state ?? "" };
  } catch {
    return undefined;
  }
}

/** Every process below `root` (children, grandchildren, ...), read from /proc now. */
export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const parent = stat(pid)?.ppid;
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() as number) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** Those of `pids` still running (an exited process not yet reaped, a zombie, counts as gone). */
export function running(pids: readonly number[]): number[] {
  return pids.filter((pid) => {
    const state = stat(pid)?.state;
    return state !== undefined && state !== "Z" && state !== "X";
  });
}
