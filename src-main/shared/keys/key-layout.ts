/** Where keys sit on a phone and its modules: key ranges and pages, from `modelInfo`. */
import type { ExpansionModuleType } from '../enums';
import { DESKPHONE_MODULE, type KeyModelInfo } from './key-types';

/** An installed expansion module, as a device lists it. */
export interface InstalledModule {
  moduleId: number;
  type: ExpansionModuleType;
}

/** The keys one module (0: the deskphone) has: 1 to `keys`, over `pages` pages. */
export interface ModuleGrid {
  moduleId: number;
  /** `deskphone`, or the module type. */
  kind: 'deskphone' | ExpansionModuleType;
  keys: number;
  pages: number;
  keysPerPage: number;
}

function grid(moduleId: number, kind: ModuleGrid['kind'], keys: number, pages: number): ModuleGrid {
  const pageCount = Math.max(1, pages);
  return { moduleId, kind, keys, pages: pageCount, keysPerPage: Math.ceil(keys / pageCount) };
}

/**
 * The grid of a module on this model, or undefined when the device has no such module or the model does not
 * take its type.
 */
export function moduleGrid(
  modelInfo: KeyModelInfo,
  modules: readonly InstalledModule[],
  moduleId: number,
): ModuleGrid | undefined {
  if (moduleId === DESKPHONE_MODULE) {
    return grid(
      DESKPHONE_MODULE,
      'deskphone',
      modelInfo.programmableKeys ?? 0,
      modelInfo.nbOfSoftKeyPages ?? 1,
    );
  }
  const installed = modules.find((module) => module.moduleId === moduleId);
  const capacity = modelInfo.supportedModules?.find((supported) => supported.type === installed?.type);
  if (installed === undefined || capacity === undefined) return undefined;
  return grid(moduleId, installed.type, capacity.programmableKeys, capacity.nbOfSoftKeyPages);
}

/** The deskphone's grid, then one per installed module the model takes, in position order. */
export function deviceGrids(modelInfo: KeyModelInfo, modules: readonly InstalledModule[]): ModuleGrid[] {
  const ids = [DESKPHONE_MODULE, ...modules.map((module) => module.moduleId).sort((a, b) => a - b)];
  return ids.flatMap((moduleId) => moduleGrid(modelInfo, modules, moduleId) ?? []);
}

/** The page (from 1) a key number is on. */
export function pageOfKey(moduleGridOf: Pick<ModuleGrid, 'keysPerPage'>, keyNum: number): number {
  return Math.ceil(keyNum / Math.max(1, moduleGridOf.keysPerPage));
}
