/** The smallest version bump a release needs, after SemVer as the README's "Versioning" applies it. */
export type Bump = "major" | "minor" | "patch";

const ORDER: Record<Bump, number> = { patch: 0, minor: 1, major: 2 };

/**
 * The bump a set of contract changes needs: breaking → major, other changes → minor (a new optional field, a looser
 * limit), documentation only → patch. While the package is at 0.x, SemVer's rule for initial development applies one
 * step lower: breaking → minor, anything else → patch.
 */
export function requiredBump(version: string, impacts: readonly string[]): Bump {
  const needed: Bump = impacts.includes("breaking")
    ? "major"
    : impacts.some((impact) => impact !== "annotation")
      ? "minor"
      : "patch";
  if (parse(version)[0] > 0) return needed;
  return needed === "major" ? "minor" : "patch";
}

/** The bump from `from` to `to` (`undefined` when `to` is not newer). Pre-release and build suffixes are ignored. */
export function bumpBetween(from: string, to: string): Bump | undefined {
  const [a, b] = [parse(from), parse(to)];
  if (b[0] !== a[0]) return b[0] > a[0] ? "major" : undefined;
  if (b[1] !== a[1]) return b[1] > a[1] ? "minor" : undefined;
  if (b[2] !== a[2]) return b[2] > a[2] ? "patch" : undefined;
  return undefined;
}

/** Whether `actual` is at least as large a bump as `needed`. */
export function bumpCovers(actual: Bump | undefined, needed: Bump): boolean {
  return actual !== undefined && ORDER[actual] >= ORDER[needed];
}

function parse(version: string): [number, number, number] {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) throw new Error(`not a SemVer version: ${version}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}
