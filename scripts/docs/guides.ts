import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { parseDocument } from "yaml";

/** A page of `docs/` a user looks up: its title (the page's first heading) and its file name. */
export interface Guide {
  title: string;
  file: string;
}

/** Every Markdown page of `docsDir`, by file name, each with the title its first `# ` heading gives it. */
export async function readGuides(docsDir: string): Promise<Guide[]> {
  const files = (await readdir(docsDir)).filter((file) => file.endsWith(".md")).sort();
  return Promise.all(
    files.map(async (file) => {
      const text = await readFile(join(docsDir, file), "utf8");
      const title = /^# (.+)$/m.exec(text)?.[1]?.trim() ?? file;
      return { title, file };
    }),
  );
}

/**
 * The spec's YAML with a paragraph added to `info.description` that links each guide, so the rendered reference
 * leads to the pages on options, errors, limits and testing. Links are relative to the folder the HTML is written
 * to, so they work from a clone's `docs/reference/` and from `file://` alike.
 *
 * @param specText - The spec, as YAML.
 * @param guides - The pages to link, in the order to list them.
 * @param docsDir - The folder that holds the pages.
 * @param htmlDir - The folder the rendered HTML goes to.
 */
export function withGuideLinks(specText: string, guides: readonly Guide[], docsDir: string, htmlDir: string): string {
  const document = parseDocument(specText);
  const description = String(document.getIn(["info", "description"]) ?? "").trimEnd();
  const links = guides.map((guide) => {
    const href = relative(htmlDir, join(docsDir, guide.file)).split(sep).join("/");
    return `[${guide.title}](${encodeURI(href)})`;
  });
  document.setIn(
    ["info", "description"],
    `${description}\n\n**Guides.** How to use the \`zuora-multi-entity\` package with this API: ${links.join(" · ")}.\n`,
  );
  return document.toString({ lineWidth: 0 });
}
