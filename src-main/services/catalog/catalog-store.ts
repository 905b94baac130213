import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { EXPANSION_MODULE_TYPES } from '../../shared/enums';
import { RAINBOW_ID } from '../../shared/inputs/ids';
import { readTextIfThere } from '../files/read-text-if-there';
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
 * Beside a catalogue the schema accepts, `<systemId>.digest` holds the SHA-256 of its text, the catalogue
 * format's version and the system's id. A file its digest vouches for is the text this store wrote and checked,
 * so it is parsed without being checked again (checking 20,000 devices took 25-40 ms, and an offline
 * validation's import worker parses the text itself). Any other file (edited, damaged, written by another
 * version or before digests were kept) is checked as it is read.
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
    const file = await this.#readFile(profileKey, systemId);
    if (file === undefined) return undefined;
    return file.vouched ? (JSON.parse(file.text) as Catalog) : checkedCatalog(file.text, systemId);
  }

  /**
   * The cached catalogue as JSON text, or undefined as `read` answers: the file's own text when its digest
   * vouches for it, else the catalogue `read` checks, written out as text.
   */
  async readText(profileKey: string, systemId: string): Promise<string | undefined> {
    const file = await this.#readFile(profileKey, systemId);
    if (file === undefined) return undefined;
    if (file.vouched) return file.text;
    const catalog = checkedCatalog(file.text, systemId);
    return catalog === undefined ? undefined : JSON.stringify(catalog);
  }

  async write(profileKey: string, catalog: Catalog): Promise<void> {
    const path = this.pathOf(profileKey, catalog.systemId);
    const text = `${JSON.stringify(catalog)}\n`;
    await mkdir(join(this.#root, profileKey), { recursive: true, mode: 0o700 });
    // The catalogue first, then its digest: a crash between the two leaves a digest that vouches for nothing.
    await writeAtomically(path, text);
    // Only for a text that `read` accepts when it checks it (a catalogue the schema refuses is then refused as
    // it was before digests: read as no catalogue, fetched anew).
    if (checkedCatalog(text, catalog.systemId) !== undefined) {
      await writeAtomically(digestPath(path), digestOf(text, catalog.systemId));
    }
  }

  /** The file's text, and whether its digest vouches for it; undefined when there is no file. */
  async #readFile(
    profileKey: string,
    systemId: string,
  ): Promise<{ text: string; vouched: boolean } | undefined> {
    const path = this.pathOf(profileKey, systemId);
    const [text, digest] = await Promise.all([readTextIfThere(path), readTextIfThere(digestPath(path))]);
    if (text === undefined) return undefined;
    return { text, vouched: digest === digestOf(text, systemId) };
  }
}

function checkedCatalog(text: string, systemId: string): Catalog | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = catalogSchema.safeParse(json);
  return parsed.success && parsed.data.systemId === systemId ? (parsed.data as Catalog) : undefined;
}

function digestPath(catalogPath: string): string {
  return catalogPath.replace(/\.json$/, '.digest');
}

/** What the digest file holds: the format's version and the system, so no other catalogue passes for this one. */
function digestOf(text: string, systemId: string): string {
  const sha256 = createHash('sha256').update(text).digest('hex');
  return `fieldkit-catalog ${CATALOG_VERSION} ${systemId} sha256 ${sha256}\n`;
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, text, { mode: 0o600 });
  await rename(temporary, path);
}
