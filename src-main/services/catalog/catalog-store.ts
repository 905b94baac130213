import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { EXPANSION_MODULE_TYPES } from '../../shared/enums';
import { RAINBOW_ID } from '../../shared/inputs/ids';
import { CATALOG_VERSION } from './catalog';
import type { Catalog } from './types';

const catalogSchema = z.object({
  version: z.literal(CATALOG_VERSION),
  systemId: z.string().min(1),
  systemName: z.string().optional(),
  fetchedAt: z.iso.datetime(),
  models: z.array(
    z.object({
      id: z.number(),
      model: z.string(),
      vendor: z.string(),
      category: z.enum(['deskphone', 'dectmobile', 'uncategorized']),
      keys: z
        .object({
          programmableKeys: z.number().optional(),
          nbOfSoftKeyPages: z.number().optional(),
          can_speeddial: z.boolean().optional(),
          can_monitor: z.boolean().optional(),
          can_forward: z.boolean().optional(),
          has_headset: z.boolean().optional(),
          has_audioHub: z.boolean().optional(),
          has_progKeyHG: z.boolean().optional(),
          supportedModules: z
            .array(
              z.object({
                type: z.enum(EXPANSION_MODULE_TYPES),
                programmableKeys: z.number(),
                nbOfSoftKeyPages: z.number(),
              }),
            )
            .optional(),
        })
        .optional(),
    }),
  ),
  subscribers: z.array(
    z.object({
      id: z.string(),
      shortNumber: z.string(),
      firstName: z.string().optional(),
      lastName: z.string().optional(),
      loginEmail: z.string().optional(),
      userId: z.string().optional(),
    }),
  ),
  devices: z.array(
    z.object({
      id: z.string(),
      macAddress: z.string().optional(),
      ipei: z.string().optional(),
      deviceTypeId: z.number(),
      model: z.string(),
      description: z.string(),
      phoneNumberId: z.string().optional(),
      shortNumber: z.string().optional(),
      userDisplayName: z.string().optional(),
      modules: z.array(z.object({ moduleId: z.number(), type: z.enum(EXPANSION_MODULE_TYPES) })).optional(),
    }),
  ),
});

/**
 * Catalogues on disk: `<dataDir>/catalog/<profile key>/<systemId>.json`, readable by the user only (they hold
 * names and e-mail addresses). Written to a temporary file and renamed, so a crash never leaves half a file.
 */
export class CatalogStore {
  readonly #root: string;

  constructor(dataDir: string) {
    this.#root = join(dataDir, 'catalog');
  }

  pathOf(profileKey: string, systemId: string): string {
    // A system id becomes a file name: only the characters the contract allows in one.
    if (!RAINBOW_ID.test(systemId)) throw new RangeError(`not a CloudPBX id: ${JSON.stringify(systemId)}`);
    return join(this.#root, profileKey, `${systemId}.json`);
  }

  /** The cached catalogue, or undefined when there is none or it cannot be read (then it is fetched anew). */
  async read(profileKey: string, systemId: string): Promise<Catalog | undefined> {
    let text: string;
    try {
      text = await readFile(this.pathOf(profileKey, systemId), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return undefined;
    }
    const parsed = catalogSchema.safeParse(json);
    return parsed.success && parsed.data.systemId === systemId ? (parsed.data as Catalog) : undefined;
  }

  async write(profileKey: string, catalog: Catalog): Promise<void> {
    const path = this.pathOf(profileKey, catalog.systemId);
    await mkdir(join(this.#root, profileKey), { recursive: true, mode: 0o700 });
    const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, `${JSON.stringify(catalog)}\n`, { mode: 0o600 });
    await rename(temporary, path);
  }
}
