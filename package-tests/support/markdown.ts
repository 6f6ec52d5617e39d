/** Just enough Markdown reading for the tests of the shipped README: its links, its anchors and its code blocks. */

const FENCE = /^```(\w*)\n([\s\S]*?)^```$/gm;

/** The fenced code blocks written in `language` (e.g. `ts`), in order. */
export function codeBlocks(markdown: string, language: string): string[] {
  return [...markdown.matchAll(FENCE)].filter((match) => match[1] === language).map((match) => match[2] ?? "");
}

/** Every link and image target outside code (`[text](target)`, `![alt](target)`, `<a href>`, `<img src>`). */
export function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(FENCE, "").replace(/`[^`\n]*`/g, "");
  const inline = [...prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] ?? "");
  const html = [...prose.matchAll(/<(?:a|img)\s[^>]*?(?:href|src)="([^"]+)"/g)].map((m) => m[1] ?? "");
  const references = [...prose.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1] ?? "");
  return [...inline, ...html, ...references];
}

/** The anchors GitHub and npm give the headings (`## The contract, in brief` → `the-contract-in-brief`). */
export function headingAnchors(markdown: string): Set<string> {
  const headings = [...markdown.replace(FENCE, "").matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => m[1] ?? "");
  return new Set(
    headings.map((heading) =>
      heading
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, "")
        .replace(/\s/g, "-"),
    ),
  );
}

/** True for a target with a scheme (`https:`, `mailto:`), i.e. one that does not point into the package. */
export function isAbsolute(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target);
}
