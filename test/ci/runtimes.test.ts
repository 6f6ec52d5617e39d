import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { OTHER_RUNTIMES } from "../../package-tests/ecosystem/support/runtimes.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const read = (path: string) => readFileSync(`${ROOT}/${path}`, "utf8");
const json = <T>(path: string) => JSON.parse(read(path)) as T;

type Lock = { packages: Record<string, { version: string }> };
const runtimesLock = json<Lock>(".ci/runtimes/package-lock.json").packages;
const nodeLinesLock = json<Lock>(".ci/node-lines/package-lock.json").packages;
const own = json<{ devDependencies: Record<string, string>; exports: Record<string, unknown> }>("package.json");
const readme = read("README.md");
/** The README's "Runs on" bullet: from its bold label to the next bullet of the list. */
const runsOn = /\*\*Runs on\*\*[\s\S]*?\n- \*\*/.exec(readme)?.[0] ?? "";

const pinned = (lock: Record<string, { version: string }>, name: string) => lock[`node_modules/${name}`]?.version;

describe("the runtimes CI proves", () => {
  it("are each named in the README's Runs on with the version the lockfiles pin", () => {
    const claims = [
      `Bun | ${pinned(runtimesLock, "@oven/bun-linux-x64")}`,
      `Deno | ${pinned(runtimesLock, "deno")}`,
      `workerd ${pinned(runtimesLock, "workerd")}`,
      `miniflare ${pinned(runtimesLock, "miniflare")}`,
      `${pinned(nodeLinesLock, "node22")}, ${pinned(nodeLinesLock, "node24")}`,
      `Chromium ${own.devDependencies["@sparticuz/chromium"]?.split(".")[0]}`,
    ];
    expect(claims.filter((claim) => !runsOn.includes(claim))).toEqual([]);
  });

  it("each run by .ci/run, from a suite of its own", () => {
    const runtimes = /^RUNTIMES="([\w ]+)"$/m.exec(read(".ci/run"))?.[1]?.split(" ");
    expect(runtimes).toEqual([...OTHER_RUNTIMES]);
    for (const runtime of runtimes ?? [])
      expect(existsSync(`${ROOT}/package-tests/ecosystem/${runtime}.test.ts`)).toBe(true);
  });

  it("need no export condition of their own: the exports map names none of theirs", () => {
    expect(JSON.stringify(own.exports)).not.toMatch(/"(bun|deno|workerd|worker|browser|edge-light)"/);
  });
});
