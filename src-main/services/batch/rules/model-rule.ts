import type { CatalogModel } from '../../catalog';
import { modelKey, suggestOnce, type CatalogIndex } from '../catalog-index';
import type { ImportLine } from '../import-lines';
import { quoted, type ProblemFactory, type RowProblem } from '../row-problem';
import { closest } from '../suggest';
import type { DeviceIdentity } from './identifier-rule';

export interface ModelCheck {
  model?: CatalogModel;
  problems: RowProblem[];
}

/** Finds the line's model by name (case, spaces and dashes ignored), else by numeric id. */
export function checkModel(line: ImportLine, index: CatalogIndex, problems: ProblemFactory): ModelCheck {
  const text = line.values.model;
  if (text === undefined) {
    return {
      problems: [
        problems.at(
          'model',
          'No model on this line: give the model as the CloudPBX names it (e.g. 8028s) or its numeric id; ' +
            `\`fieldkit models --system ${index.catalog.systemId}\` lists them.`,
        ),
      ],
    };
  }
  const model = findModel(text, index);
  if (model !== undefined) return { model, problems: [] };
  return { problems: [unknownModel(text, index, problems)] };
}

/** The model a cell names (by name, case, spaces and dashes ignored, else by numeric id), if the CloudPBX has it. */
export function findModel(text: string, index: CatalogIndex): CatalogModel | undefined {
  const known = index.modelsByText.get(text);
  if (known !== undefined) return known ?? undefined;
  const found =
    index.modelsByKey.get(modelKey(text)) ??
    (/^\d+$/.test(text) ? index.modelsById.get(Number(text)) : undefined);
  index.modelsByText.set(text, found ?? null);
  return found;
}

function unknownModel(text: string, index: CatalogIndex, problems: ProblemFactory): RowProblem {
  const nearest = nearestModels(text, index);
  const guess = nearest.length === 0 ? '' : ` Did you mean ${nearest.join(' or ')}?`;
  return problems.at(
    'model',
    `The CloudPBX has no model ${quoted(text)}.${guess} \`fieldkit models --system ` +
      `${index.catalog.systemId}\` lists its models.`,
    nearest[0],
  );
}

/** The names of the models nearest to a text that names none, nearest first. */
function nearestModels(text: string, index: CatalogIndex): readonly string[] {
  return suggestOnce(index, 'model', text, () => {
    const key = modelKey(text);
    return closest(key, [...index.modelsByKey.keys()], Math.max(2, Math.floor(key.length / 3)))
      .map((candidate) => index.modelsByKey.get(candidate)?.model)
      .filter((name): name is string => name !== undefined);
  });
}

const DESCRIBED: Readonly<Record<CatalogModel['category'], string>> = {
  deskphone: 'a deskphone',
  dectmobile: 'a DECT handset',
  uncategorized: 'a generic SIP device',
};

/** A deskphone (or generic SIP device) is identified by a MAC, a DECT handset by an IPEI. */
export function fitsCategory(identity: DeviceIdentity, model: CatalogModel): boolean {
  return identity.kind === 'ipei' ? model.category === 'dectmobile' : model.category !== 'dectmobile';
}

/** The problem of a line whose identifier is not the kind its model's category is identified by. */
export function checkCategory(
  identity: DeviceIdentity,
  model: CatalogModel,
  index: CatalogIndex,
  problems: ProblemFactory,
): RowProblem[] {
  if (fitsCategory(identity, model)) return [];
  const wanted = identity.kind === 'ipei' ? 'dectmobile' : 'deskphone';
  const examples = index.catalog.models
    .filter((candidate) => candidate.category === wanted)
    .slice(0, 3)
    .map((candidate) => candidate.model);
  const given = identity.kind === 'ipei' ? 'an IPEI (a DECT handset)' : 'a MAC address (a deskphone)';
  const needs = model.category === 'dectmobile' ? 'an IPEI' : 'a MAC address';
  return [
    problems.at(
      'model',
      `${model.model} is ${DESCRIBED[model.category]}, identified by ${needs}, but this line gives ${given}. ` +
        `Correct the model${examples.length === 0 ? '' : ` (e.g. ${examples.join(', ')})`} or the identifier.`,
      examples[0],
    ),
  ];
}
