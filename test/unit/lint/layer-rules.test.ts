/**
 * The layer rules of eslint.config.js, each proved both ways: a file that breaks it is refused with the rule's
 * error, and a file that keeps to it passes. Removing or loosening a rule turns its case red.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const LAYER_RULES = new Set([
  '@typescript-eslint/no-restricted-imports',
  'no-restricted-properties',
  'no-restricted-syntax',
]);

let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  // The first lint loads the config, the parsers and the plugins: slow on a busy machine, so not in a test.
  await eslint.lintText('', { filePath: `${root}/src-main/shared/warm-up.ts` });
}, 120_000);

/** The layer-rule errors ESLint reports for `code` as if it were the file at `filePath`. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${filePath}` });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId !== null && LAYER_RULES.has(message.ruleId))
    .map((message) => message.message);
}

interface LayerCase {
  file: string;
  refused: Record<string, string>;
  allowed: string;
}

const cases: Record<string, LayerCase> = {
  'src-main/shared: zod and shared files only, types from the api': {
    file: 'src-main/shared/inputs/example.ts',
    refused: {
      'a node: builtin': "import { readFile } from 'node:fs';\nvoid readFile;",
      'a bare builtin': "import path from 'path';\nvoid path;",
      electron: "import { app } from 'electron';\nvoid app;",
      'another package': "import { ref } from 'vue';\nvoid ref;",
      'a service': "import { FieldkitError } from '../../services/errors';\nvoid FieldkitError;",
      'the app': "import { createCore } from '../../app/core';\nvoid createCore;",
      'a shell': "import { CALL_CHANNEL } from '../../shell/electron/channels';\nvoid CALL_CHANNEL;",
      'the CLI': "import { run } from '../../cli/run';\nvoid run;",
      'the simulator': "import { startSimulator } from '../../simulator';\nvoid startSimulator;",
      'the renderer':
        "import { toErrorData } from '../../../src-renderer/src/lib/errors';\nvoid toErrorData;",
      'api code': "import { calls } from '../../api/contract';\nvoid calls;",
    },
    allowed:
      "import { z } from 'zod';\nimport { MAX_IMPORT_BYTES } from '../limits';\n" +
      "import type { Device } from '../../api/types';\n" +
      'export const example = z.number().max(MAX_IMPORT_BYTES);\nexport type Example = Device;',
  },
  'src-main/services: never the app, a shell, the CLI or the simulator': {
    file: 'src-main/services/devices/example.ts',
    refused: {
      electron: "import { app } from 'electron';\nvoid app;",
      'the app': "import { createCore } from '../../app/core';\nvoid createCore;",
      'a shell': "import { startWebShell } from '../../shell/web/server';\nvoid startWebShell;",
      'the CLI': "import { run } from '../../cli/run';\nvoid run;",
      'the simulator': "import { startSimulator } from '../../simulator';\nvoid startSimulator;",
    },
    allowed:
      "import { readFile } from 'node:fs/promises';\nimport { normaliseMac } from '../../shared/identifiers';\n" +
      "import { FieldkitError } from '../errors';\nvoid readFile;\nvoid normaliseMac;\nvoid FieldkitError;",
  },
  'src-main/simulator: never the Rainbow client': {
    file: 'src-main/simulator/routes/example.ts',
    refused: {
      'the client': "import { RainbowClient } from '../../services/rainbow/client';\nvoid RainbowClient;",
      'the client as a folder':
        "import { RainbowClient } from '../../services/rainbow';\nvoid RainbowClient;",
      'wire types as code': "import { ApiItem } from '../../services/rainbow/types';\nvoid ApiItem;",
    },
    allowed:
      "import type { Device } from '../../services/rainbow/types';\n" +
      "import { EXPANSION_MODULE_TYPES } from '../../shared/enums';\n" +
      'export const example = (device: Device) => EXPANSION_MODULE_TYPES.length + device.id.length;',
  },
  'shell.openExternal: only in the Electron shell main, behind the guard': {
    file: 'src-main/shell/electron/window.ts',
    refused: {
      'shell.openExternal':
        "import { shell } from 'electron';\nvoid shell.openExternal('https://example.com');",
      'electron.shell.openExternal':
        "import * as electron from 'electron';\nvoid electron.shell.openExternal('https://example.com');",
      'openExternal taken from shell':
        "import { shell } from 'electron';\nconst { openExternal } = shell;\nvoid openExternal;",
    },
    allowed: "import { shell } from 'electron';\nvoid shell.showItemInFolder('/tmp');",
  },
  'src-main/api/contract.ts: shared as code, the rest as types': {
    file: 'src-main/api/contract.ts',
    refused: {
      'a service': "import { FieldkitError } from '../services/errors';\nvoid FieldkitError;",
      electron: "import { ipcMain } from 'electron';\nvoid ipcMain;",
    },
    allowed:
      "import { z } from 'zod';\nimport { systemId } from '../shared/inputs/ids';\n" +
      "import type { FieldkitErrorData } from '../services/errors';\n" +
      'export const example = z.object({ systemId });\nexport type Example = FieldkitErrorData;',
  },
  'preload: the contract and shared only': {
    file: 'src-main/shell/electron/preload.ts',
    refused: {
      'a Node module': "import { readFileSync } from 'node:fs';\nvoid readFileSync;",
      'a service': "import { FieldkitError } from '../../services/errors';\nvoid FieldkitError;",
      'the router': "import { createRouter } from '../../api/router';\nvoid createRouter;",
      'the app': "import { createCore } from '../../app/core';\nvoid createCore;",
    },
    allowed:
      "import { contextBridge } from 'electron';\nimport { callNames } from '../../api/contract';\n" +
      "import { MAX_IMPORT_BYTES } from '../../shared/limits';\nimport { CALL_CHANNEL } from './channels';\n" +
      'void contextBridge;\nvoid callNames;\nvoid MAX_IMPORT_BYTES;\nvoid CALL_CHANNEL;',
  },
  'renderer: types from main, code from @shared': {
    file: 'src-renderer/src/lib/example.ts',
    refused: {
      'a Node module': "import { readFile } from 'node:fs';\nvoid readFile;",
      electron: "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;",
      'contract code': "import { calls } from '@api/contract';\nvoid calls;",
      'service code':
        "import { FieldkitError } from '../../../src-main/services/errors';\nvoid FieldkitError;",
    },
    allowed:
      "import type { Api } from '@api/contract';\nimport { displayMac } from '@shared/identifiers';\n" +
      "import { MAX_IMPORT_BYTES } from '../../../src-main/shared/limits';\n" +
      'export const example = (api: Api) => [api, displayMac(String(MAX_IMPORT_BYTES))];',
  },
};

describe.each(Object.entries(cases))('%s', (_layer, { file, refused, allowed }) => {
  it.each(Object.entries(refused))('refuses %s', async (_what, code) => {
    expect(await layerErrors(file, code)).not.toEqual([]);
  });

  it('allows what the layer may use', async () => {
    expect(await layerErrors(file, allowed)).toEqual([]);
  });
});

it('lets the Electron shell main hand shell.openExternal to the core', async () => {
  const code =
    "import { shell } from 'electron';\nexport const open = (url: string) => shell.openExternal(url);";
  expect(await layerErrors('src-main/shell/electron/main.ts', code)).toEqual([]);
});
