import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/** A Markdown page of the users' guide, as a package (or a clone) holds it. */
export interface Page {
  /** Its path from the root, with `/`: `README.md`, `docs/operations.md`. */
  path: string;
  /** A short name for the files made from it: `readme`, or a docs page's file name (`operations`). */
  name: string;
  text: string;
}

/** The names of the Markdown pages in `docs/` under `root`, sorted. */
export async function docsPageNames(root: string): Promise<string[]> {
  const names = await readdir(join(root, "docs")).catch(() => []);
  return names.filter((name) => name.endsWith(".md")).sort();
}

/** The users' guide under `root`: the README, then every Markdown page of `docs/`. */
export async function guidePages(root: string): Promise<Page[]> {
  const paths = ["README.md", ...(await docsPageNames(root)).map((name) => `docs/${name}`)];
  return Promise.all(
    paths.map(async (path) => ({
      path,
      name: path === "README.md" ? "readme" : path.slice("docs/".length, -".md".length),
      text: await readFile(join(root, path), "utf8"),
    })),
  );
}
