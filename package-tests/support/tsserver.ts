import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

/** A word to go to the definition of: its first occurrence in `file` (after `after`, when given). */
export interface DefinitionAsked {
  file: string;
  word: string;
  after?: string;
}

/** Where "go to definition" took the editor: a file and a 1-based line. */
export interface Definition {
  file: string;
  line: number;
}

/** The 1-based line and column of `word` in `file`, as tsserver counts them. */
async function locate({ file, word, after }: DefinitionAsked): Promise<{ line: number; offset: number }> {
  const text = await readFile(file, "utf8");
  const at = text.indexOf(word, after ? text.indexOf(after) + after.length : 0);
  if (at < 0) throw new Error(`${word} is not in ${file}`);
  const lines = text.slice(0, at).split("\n");
  return { line: lines.length, offset: (lines.at(-1)?.length ?? 0) + 1 };
}

/**
 * "Go to definition" as an editor asks for it: starts the project's own tsserver (`node_modules/typescript`), opens
 * each file and asks for the definition of each word, then stops it. tsserver maps a definition it finds in a
 * `.d.ts` through the declaration map beside it, which is what VS Code shows.
 */
export async function goToDefinitions(projectDir: string, asked: DefinitionAsked[]): Promise<Definition[][]> {
  const positions = await Promise.all(asked.map(locate));
  const server = spawn(process.execPath, [join(projectDir, "node_modules/typescript/lib/tsserver.js")], {
    cwd: projectDir,
    stdio: ["pipe", "pipe", "inherit"],
  });
  let seq = 0;
  const send = (command: string, args: object) => {
    seq += 1;
    server.stdin.write(`${JSON.stringify({ seq, type: "request", command, arguments: args })}\n`);
    return seq;
  };
  type Response = { type: string; request_seq?: number; success: boolean; message?: string; body?: unknown };
  const responses = new Map<number, Response>();
  let wanted = new Set<number>();
  let done: () => void = () => {};
  const allAnswered = new Promise<void>((resolve, reject) => {
    done = resolve;
    server.on("exit", (code) => reject(new Error(`tsserver exited (${code}) before answering`)));
  });
  let buffer = Buffer.alloc(0);
  server.stdout.on("data", (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    // Each message: "Content-Length: N\r\n\r\n" and N bytes of JSON.
    for (;;) {
      const header = buffer.indexOf("\r\n\r\n");
      if (header < 0) return;
      const length = Number(/Content-Length: (\d+)/.exec(buffer.subarray(0, header).toString())?.[1]);
      if (buffer.length < header + 4 + length) return;
      const message = JSON.parse(buffer.subarray(header + 4, header + 4 + length).toString()) as Response;
      buffer = buffer.subarray(header + 4 + length);
      if (message.type === "response" && message.request_seq !== undefined) {
        responses.set(message.request_seq, message);
        if (wanted.size > 0 && [...wanted].every((id) => responses.has(id))) done();
      }
    }
  });
  try {
    for (const file of new Set(asked.map((a) => a.file))) send("open", { file });
    const ids = asked.map((a, i) => send("definition", { file: a.file, ...positions[i] }));
    wanted = new Set(ids);
    await allAnswered;
    return ids.map((id) => {
      const response = responses.get(id) as Response;
      if (!response.success) throw new Error(`tsserver: ${response.message}`);
      return (response.body as { file: string; start: { line: number } }[]).map((d) => ({
        file: d.file,
        line: d.start.line,
      }));
    });
  } finally {
    server.stdin.end();
    server.kill();
    if (server.exitCode === null && server.signalCode === null) await once(server, "exit");
  }
}
