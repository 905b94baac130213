import type { CatalogModel, CatalogSubscriber } from '../catalog';
import type { CatalogIndex } from './catalog-index';
import type { ColumnMap, ImportField } from './columns';
import type { ImportLine } from './import-lines';
import { ProblemFactory, type RowProblem } from './row-problem';
import { checkIdentifier, displayIdentity, type DeviceIdentity } from './rules/identifier-rule';
import { checkCategory, checkModel } from './rules/model-rule';
import { checkSubscriber } from './rules/subscriber-rule';
import { checkValues, type MediaTransportProtocol, type TransferMode } from './rules/value-rules';

/** A line with every value read and checked against the catalogue, before its action is decided. */
export interface CheckedLine {
  line: number;
  id: string;
  identity?: DeviceIdentity;
  model?: CatalogModel;
  subscriber?: CatalogSubscriber;
  /** The column that named the subscriber. */
  subscriberField?: ImportField;
  description?: string;
  transferMode?: TransferMode;
  mediaTransportProtocol?: MediaTransportProtocol;
  problems: RowProblem[];
}

/** Checks every line on its own, then the lines against each other (the same device twice). */
export function checkLines(
  lines: readonly ImportLine[],
  columns: ColumnMap,
  index: CatalogIndex,
): CheckedLine[] {
  const problems = new ProblemFactory(columns);
  const checked = lines.map((line) => checkLine(line, columns, index, problems));
  flagDuplicates(checked, lines, problems);
  return checked;
}

function checkLine(
  line: ImportLine,
  columns: ColumnMap,
  index: CatalogIndex,
  problems: ProblemFactory,
): CheckedLine {
  const identifier = checkIdentifier(line, columns, problems);
  const model = checkModel(line, index, problems);
  const category =
    identifier.identity !== undefined && model.model !== undefined
      ? checkCategory(identifier.identity, model.model, index, problems)
      : [];
  const subscriber = checkSubscriber(line, index, problems);
  const values = checkValues(line, index, problems);
  // Every checked line has the same fields in the same order (absent ones undefined): one object shape for the
  // planner to read, not one per mix of values.
  return {
    line: line.line,
    id: identifier.identity === undefined ? identifier.raw : displayIdentity(identifier.identity),
    identity: identifier.identity,
    model: model.model,
    subscriber: subscriber.subscriber,
    subscriberField: subscriber.field,
    description: values.description,
    transferMode: values.transferMode,
    mediaTransportProtocol: values.mediaTransportProtocol,
    problems: joined([
      line.problems,
      identifier.problems,
      model.problems,
      category,
      subscriber.problems,
      values.problems,
    ]),
  };
}

/** The problems of a line's checks as one new list (most lines have none: no copying then). */
function joined(lists: readonly (readonly RowProblem[])[]): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const list of lists) for (const problem of list) problems.push(problem);
  return problems;
}

/** Every line of a device given more than once is flagged, each naming the others. */
function flagDuplicates(
  checked: CheckedLine[],
  lines: readonly ImportLine[],
  problems: ProblemFactory,
): void {
  // The first position of each identifier, and a list only for those seen again (a few among 100,000).
  const first = new Map<string, number>();
  const repeated = new Map<string, number[]>();
  checked.forEach((line, position) => {
    if (line.identity === undefined) return;
    const key = line.identity.value;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, position);
    else {
      const positions = repeated.get(key);
      if (positions === undefined) repeated.set(key, [earlier, position]);
      else positions.push(position);
    }
  });
  for (const positions of repeated.values()) {
    const lineNumbers = positions.map((position) => checked[position]?.line ?? 0);
    for (const position of positions) {
      const line = checked[position];
      const source = lines[position];
      if (line === undefined || source === undefined) continue;
      const others = lineNumbers.filter((number) => number !== line.line);
      const field =
        (['mac', 'ipei', 'identifier'] as const).find((f) => source.values[f] !== undefined) ?? 'mac';
      line.problems.push(
        problems.at(
          field,
          `${line.id} is also on line${others.length === 1 ? '' : 's'} ${others.join(', ')}: a device can be ` +
            'imported once. Keep the line that is right and delete or correct the other.',
        ),
      );
    }
  }
}
