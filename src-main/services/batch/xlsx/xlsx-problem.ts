import type { FileProblem } from '../source-table';

/** The sheet passed one of its limits: reading stops at once, with the line, column and limit named. */
export class XlsxProblem extends Error {
  override name = 'XlsxProblem';

  constructor(readonly problem: FileProblem) {
    super(problem.message);
  }
}
