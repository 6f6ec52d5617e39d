/** One problem of a seed: where it is in the seed (`["entities", "EMEA"]`, `["connections", 2]`) and what is wrong. */
export interface SeedProblem {
  /** The keys and indexes that lead to the part of the seed at fault, from its top. */
  path: (string | number)[];
  /** What is wrong, in words. */
  message: string;
}

/**
 * A seed the stand-in refuses, with every problem it found (nothing of the seed was added). A TypeError, as the
 * stand-in's other refused seeds are; over HTTP, a 400 that lists the problems.
 */
export class SeedError extends TypeError {
  override name = "SeedError";
  /** Every problem found, in the seed's order. */
  readonly problems: readonly SeedProblem[];

  constructor(problems: readonly SeedProblem[]) {
    const lines = problems.map((p) => `${seedPath(p.path)}: ${p.message}`);
    super(lines.length === 1 ? `seed: ${lines[0]}` : `seed: ${lines.length} problems:\n  ${lines.join("\n  ")}`);
    this.problems = problems;
  }
}

/** A problem's path as people read it: `entities.EMEA`, `connections[2].to`, or `seed` for the whole. */
export function seedPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return "seed";
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`)).join("");
}
