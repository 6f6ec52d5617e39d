import { describe, expect, it } from "vitest";
import { bumpBetween, bumpCovers, requiredBump } from "../../scripts/diff/releaseBump.js";

describe("the release a set of contract changes needs", () => {
  it("needs a major release for a breaking change from 1.0 on", () => {
    expect(requiredBump("1.4.2", ["annotation", "breaking"])).toBe("major");
  });

  it("needs a minor release for a breaking change while at 0.x", () => {
    expect(requiredBump("0.1.0", ["breaking"])).toBe("minor");
  });

  it("needs a minor release for a compatible change, a patch while at 0.x", () => {
    expect(requiredBump("1.4.2", ["non-breaking"])).toBe("minor");
    expect(requiredBump("0.1.0", ["non-breaking"])).toBe("patch");
  });

  it("needs a patch for documentation only", () => {
    expect(requiredBump("1.4.2", ["annotation"])).toBe("patch");
  });
});

describe("the bump between two versions", () => {
  it("names the largest part that rose", () => {
    expect(bumpBetween("0.1.0", "0.2.0")).toBe("minor");
    expect(bumpBetween("0.1.0", "1.0.0")).toBe("major");
    expect(bumpBetween("1.2.3", "1.2.4")).toBe("patch");
  });

  it("is none when the version did not rise", () => {
    expect(bumpBetween("0.1.0", "0.1.0")).toBeUndefined();
    expect(bumpBetween("0.2.0", "0.1.9")).toBeUndefined();
  });

  it("lets a larger bump cover a smaller need, and not the other way", () => {
    expect(bumpCovers("major", "minor")).toBe(true);
    expect(bumpCovers("patch", "minor")).toBe(false);
    expect(bumpCovers(undefined, "patch")).toBe(false);
  });
});
