#!/usr/bin/env node
// Runs `fieldkit <args>` from the TypeScript sources (through Vite's module runner, as the tests load them),
// so the discovery tests exercise the code under test rather than whatever build is lying around. The tests
// start it inside a lab namespace: `lab.spawnIn('lab', process.execPath, [RUN_CLI, 'discover', ...])`.
import { fileURLToPath } from 'node:url';
import { withTypeScriptModule } from '../../../support/module-runner.mjs';

const runModule = fileURLToPath(new URL('../../../../src-main/cli/run.ts', import.meta.url));
process.exitCode = await withTypeScriptModule(runModule, (module) => module.runCli(process.argv.slice(2)));
