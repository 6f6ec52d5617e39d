import type { Io } from "./io.js";
import type { Progress } from "./progress.js";
import type { JsonStream } from "./views/jsonStream.js";

/** What a command runs with: the streams, its JSON lines (with `--json`), and its progress on stderr. */
export interface Context {
  io: Io;
  /** The JSON lines of `--json` on stdout, or undefined for the human output. */
  json: JsonStream | undefined;
  progress: Progress;
}
