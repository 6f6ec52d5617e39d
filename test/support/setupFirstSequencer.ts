import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * vitest's own order, with one change: right after the first file of the first project, the first file of every
 * other project that has a global setup. vitest runs the projects one after another and starts a project's global
 * setup when that project's first file is due, so the package suites' setup (`npm pack` with its build, a Chromium
 * launch: several seconds) left both workers idle between the contract and the package files. Started early, the
 * setup overlaps the long first contract file on the other worker.
 */
export default class SetupFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const first = sorted[0];
    if (!first) return sorted;
    const early: TestSpecification[] = [];
    for (const file of sorted) {
      const { project } = file;
      if (project.name === first.project.name || early.some((chosen) => chosen.project.name === project.name)) continue;
      if ((project.config.globalSetup ?? []).length > 0) early.push(file);
    }
    return [first, ...early, ...sorted.filter((file) => file !== first && !early.includes(file))];
  }
}
