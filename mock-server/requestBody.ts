import type { IncomingMessage } from "node:http";
import { gunzipSync } from "node:zlib";
import { Refused } from "./refused.js";

/**
 * The request body, up to `maxBytes`: past it, the rest is drained unread (memory stays flat) and a 413 is thrown
 * for the handler's catch to answer.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new Refused(413, `The request body is larger than ${maxBytes} bytes.`);
  if (Number(req.headers["content-length"] ?? 0) > maxBytes) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      req.off("data", onData);
      chunks.length = 0;
      req.resume();
      reject(tooLarge());
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", () => reject(new Refused(400, "The request body broke off.")));
  });
}

/** A gzipped body, decoded up to `maxBytes` (a bomb stops there): 413 past it, 400 for what is not gzip. */
export function gunzip(raw: Buffer, maxBytes: number): Buffer {
  try {
    return gunzipSync(raw, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") {
      throw new Refused(413, `The request body is larger than ${maxBytes} bytes once gunzipped.`);
    }
    throw new Refused(400, "The request body is labelled Content-Encoding: gzip but is not valid gzip.");
  }
}
