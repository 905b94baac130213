#!/usr/bin/env node
// The device-list benchmark's simulator, in a process of its own: `node simulator-process.mjs <devices>` starts the
// seeded simulator on a free loopback port, prints one JSON line `{ url, credentials, devices }` on stdout, and
// serves until its stdin closes or it gets SIGTERM. In the test's own process, building pages of 10,000 devices
// delayed the test's clicks and its view of the page; out here it is the separate server Rainbow is.
import { fileURLToPath } from 'node:url';
import { withTypeScriptModule } from '../../test/support/module-runner.mjs';

const SIMULATOR = fileURLToPath(new URL('../../src-main/simulator/index.ts', import.meta.url));
const devices = Number(process.argv[2]);
if (!Number.isSafeInteger(devices) || devices < 0) {
  console.error(`usage: simulator-process.mjs <devices>, a whole number (not ${process.argv[2]})`);
  process.exit(2);
}

const stopAsked = new Promise((resolve) => {
  process.stdin.on('end', resolve).resume();
  process.once('SIGTERM', resolve);
});

await withTypeScriptModule(SIMULATOR, async ({ startSimulator, seedBulkDevices, DEMO_SYSTEM_IDS }) => {
  const simulator = await startSimulator({ port: 0, host: '127.0.0.1' });
  try {
    seedBulkDevices(simulator.tenant, DEMO_SYSTEM_IDS.lyon, devices);
    const total = simulator.tenant.listDevices(DEMO_SYSTEM_IDS.lyon).length;
    process.stdout.write(
      `${JSON.stringify({ url: simulator.url, credentials: simulator.credentials, devices: total })}\n`,
    );
    await stopAsked;
  } finally {
    await simulator.close();
  }
});
