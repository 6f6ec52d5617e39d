import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { SPEC_PATH } from "../codegen/spec.js";
import { type ContractChange, contractChanges } from "./contractChanges.js";

/** A file as it was at a git ref, read with `git show` in the current folder's repository. */
export function fileAt(ref: string, path: string): string {
  try {
    return execFileSync("git", ["show", `${ref}:${path}`], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim();
    throw new Error(`cannot read ${path} at ${ref}: ${stderr}`);
  }
}

/** The contract changes between the spec at `ref` and the spec in the working tree. */
export function contractChangesSince(ref: string): ContractChange[] {
  return contractChanges(parse(fileAt(ref, SPEC_PATH)), parse(readFileSync(SPEC_PATH, "utf8")));
}
