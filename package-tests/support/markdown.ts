/** Just enough Markdown reading for the tests of the shipped pages: their links, their anchors and their code blocks. */

/** A fenced block, at the start of a line or indented inside a list item; it ends at a fence of the same indent. */
const FENCE = /^( *)```([\w-]*)[^\n]*\n([\s\S]*?)^\1```[ \t]*$/gm;

/** A fenced code block: its language (empty when the fence names none), its text, and the line its fence opens on. */
export interface CodeBlock {
  language: string;
  code: string;
  line: number;
}

/** Every fenced code block, in order, with the list item's indent taken off its lines. */
export function allCodeBlocks(markdown: string): CodeBlock[] {
  return [...markdown.matchAll(FENCE)].map((match) => {
    const indent = match[1] ?? "";
    const code = (match[3] ?? "")
      .split("\n")
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()))
      .join("\n");
    const line = markdown.slice(0, match.index).split("\n").length;
    return { language: match[2] ?? "", code, line };
  });
}

/** The fenced code blocks written in `language` (e.g. `ts`), in order. */
export function codeBlocks(markdown: string, language: string): string[] {
  return allCodeBlocks(markdown)
    .filter((block) => block.language === language)
    .map((block) => block.code);
}

/** The page without its code: fenced blocks and inline code spans, whose brackets are not links. */
function prose(markdown: string): string {
  return markdown.replace(FENCE, "").replace(/`[^`\n]*`/g, "");
}

/** Every link and image target outside code (`[text](target)`, `![alt](target)`, `<a href>`, `<img src>`). */
export function linkTargets(markdown: string): string[] {
  const text = prose(markdown);
  const inline = [...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] ?? "");
  const html = [...text.matchAll(/<(?:a|img)\s[^>]*?(?:href|src)="([^"]+)"/g)].map((m) => m[1] ?? "");
  const references = [...text.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1] ?? "");
  return [...inline, ...html, ...references];
}

/**
 * The anchors GitHub and npm give the headings (`## The contract, in brief` → `the-contract-in-brief`): lower case,
 * punctuation dropped, spaces as hyphens, and a second heading of the same words `-1`, a third `-2`.
 */
export function headingAnchors(markdown: string): Set<string> {
  const headings = [...markdown.replace(FENCE, "").matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)].map((m) => m[1] ?? "");
  const anchors = new Set<string>();
  for (const heading of headings) {
    const slug = heading
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    let anchor = slug;
    for (let n = 1; anchors.has(anchor); n += 1) anchor = `${slug}-${n}`;
    anchors.add(anchor);
  }
  return anchors;
}

/** True for a target with a scheme (`https:`, `mailto:`), i.e. one that does not point into the package. */
export function isAbsolute(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target);
}
