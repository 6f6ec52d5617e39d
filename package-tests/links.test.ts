import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join, posix, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { headingAnchors, isAbsolute, linkTargets } from "./support/markdown.js";
import { docsPageNames, guidePages } from "./support/pages.js";

// Every link of the pages a user reads resolves where they read them: the README, the CHANGELOG and the docs pages
// in the packed tarball (npm shows the README; the tarball holds the rest beside it), and CONTRIBUTING.md in a clone.
// No network: an external link is checked for its form, not fetched.

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const run = promisify(execFile);

/** A page and where its links must lead: the files of its tree (a path with `/`, folders ending in `/` too). */
interface Tree {
  root: string;
  files: Set<string>;
}

let tarball: Tree;
let pages: { path: string; text: string }[];

/** Every file and folder under `root`, as paths relative to it. */
async function filesUnder(root: string): Promise<Set<string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return new Set(
    entries.flatMap((entry) => {
      const path = relative(root, join(entry.parentPath, entry.name)).split("\\").join("/");
      return entry.isDirectory() ? [path, `${path}/`] : [path];
    }),
  );
}

/** The files a clone holds (what git tracks, and new files it does not ignore), with their folders. */
async function filesOfClone(): Promise<Set<string>> {
  const { stdout } = await run("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { cwd: ROOT });
  const files = new Set<string>();
  for (const path of stdout.split("\n").filter(Boolean)) {
    files.add(path);
    for (let folder = posix.dirname(path); folder !== "."; folder = posix.dirname(folder)) {
      files.add(folder);
      files.add(`${folder}/`);
    }
  }
  return files;
}

beforeAll(async () => {
  const packageDir = join(inject("packDir"), "package");
  tarball = { root: packageDir, files: await filesUnder(packageDir) };
  const changelog = { path: "CHANGELOG.md", text: await readFile(join(packageDir, "CHANGELOG.md"), "utf8") };
  pages = [...(await guidePages(packageDir)), changelog];
});

/**
 * The links of `page` that lead nowhere in `tree`: a relative path to no file of it (or outside it), an anchor no
 * heading of its target page has, an anchor into a file that is not Markdown, and an absolute link that is not a
 * well-formed https URL (or mailto:).
 */
async function brokenLinks(page: { path: string; text: string }, tree: Tree): Promise<string[]> {
  const broken: string[] = [];
  for (const target of linkTargets(page.text)) {
    if (isAbsolute(target)) {
      if (!wellFormed(target)) broken.push(`${page.path}: ${target} is not a well-formed https URL`);
      continue;
    }
    const [pathPart = "", anchor] = target.split("#");
    const path =
      pathPart === "" ? page.path : posix.normalize(posix.join(posix.dirname(page.path), decodeURI(pathPart)));
    if (path.startsWith("..") || !tree.files.has(path)) {
      broken.push(`${page.path}: ${target} leads to no file of the ${tree === tarball ? "package" : "repository"}`);
      continue;
    }
    if (anchor === undefined) continue;
    if (!path.endsWith(".md")) broken.push(`${page.path}: ${target} points into a file that is not Markdown`);
    else if (!headingAnchors(await readFile(join(tree.root, path), "utf8")).has(anchor))
      broken.push(`${page.path}: ${target} names no heading of ${path}`);
  }
  return broken;
}

/** An https URL (or a mailto: address) with a host name that has a dot, and nothing a URL cannot hold as written. */
function wellFormed(target: string): boolean {
  if (/^mailto:[^@\s]+@[^@\s]+\.[^@\s]+$/.test(target)) return true;
  try {
    const url = new URL(target);
    return url.protocol === "https:" && url.hostname.includes(".") && !/[\s<>"]/.test(target);
  } catch {
    return false;
  }
}

describe("the links of the README, the CHANGELOG and the docs pages, in the tarball", () => {
  it("ship every page of docs/ beside the README", async () => {
    const shipped = (await docsPageNames(tarball.root)).map((name) => `docs/${name}`);
    const written = (await docsPageNames(ROOT)).map((name) => `docs/${name}`);
    expect(shipped).toEqual(written);
    expect(shipped.length).toBeGreaterThanOrEqual(8);
  });

  it("lead to files the package holds, to headings those pages have, or to well-formed https URLs", async () => {
    const links = pages.flatMap((page) => linkTargets(page.text));
    expect(links.filter((target) => !isAbsolute(target)).length).toBeGreaterThan(20);
    const broken = (await Promise.all(pages.map((page) => brokenLinks(page, tarball)))).flat();
    expect(broken).toEqual([]);
  });

  it("link each docs page from the README", async () => {
    const readme = pages.find((page) => page.path === "README.md")?.text ?? "";
    const linked = new Set(linkTargets(readme).map((target) => target.split("#")[0]));
    const unlinked = (await docsPageNames(tarball.root)).filter((name) => !linked.has(`docs/${name}`));
    expect(unlinked).toEqual([]);
  });
});

describe("the links of CONTRIBUTING.md, in a clone", () => {
  it("lead to files of the repository and to headings those pages have", async () => {
    const text = await readFile(join(ROOT, "CONTRIBUTING.md"), "utf8");
    const files = await filesOfClone();
    expect(files.has("CONTRIBUTING.md")).toBe(true);
    expect(await brokenLinks({ path: "CONTRIBUTING.md", text }, { root: ROOT, files })).toEqual([]);
  });
});
