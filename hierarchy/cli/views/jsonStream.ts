import type { Io } from "../io.js";
import { packageVersion } from "../version.js";

/** The version of the JSON lines' format (`ui` of the first line): the major changes only when a line changes. */
export const JSON_UI_VERSION = "1.0";

/**
 * The machine-readable output of `--json`: one JSON object per line on stdout, as `terraform plan -json` streams
 * them. Each has `@level`, `@message` (what the human output would say) and `type`; the first line is
 * `{ "type": "version" }`, written before the first message.
 */
export interface JsonStream {
  /** Writes one line: `type`, the message, and the fields of that type. */
  emit(type: string, message: string, fields?: Record<string, unknown>, level?: "info" | "warn" | "error"): void;
  /** Writes the version line, unless it is out already: the whole answer of `version --json`. */
  start(): void;
}

/** A {@link JsonStream} on `io.out`. */
export function jsonStream(io: Pick<Io, "out">): JsonStream {
  let started = false;
  const line = (type: string, message: string, fields: Record<string, unknown>, level: string) =>
    io.out(
      JSON.stringify({
        "@level": level,
        "@message": message,
        "@module": "zuora-entities",
        "@timestamp": new Date().toISOString(),
        type,
        ...fields,
      }),
    );
  const start = () => {
    if (started) return;
    started = true;
    const version = packageVersion();
    line("version", `zuora-entities ${version}`, { "zuora-entities": version, ui: JSON_UI_VERSION }, "info");
  };
  return {
    emit(type, message, fields = {}, level = "info") {
      start();
      line(type, message, fields, level);
    },
    start,
  };
}
