import { DEMO_SYSTEM_IDS } from '../../../src-main/simulator';
import type { CliFixture } from './run-cli';

const lyon = DEMO_SYSTEM_IDS.lyon;

/** Reads the Lyon demo CloudPBX of a CLI fixture's simulator: its seed devices, their keys, the key writes. */
export function lyonKeys(kit: Pick<CliFixture, 'simulator'>) {
  function device(description: string) {
    const found = kit.simulator.tenant
      .listDevices(lyon)
      .find((candidate) => candidate.description === description);
    if (found === undefined) throw new Error(`no seed device ${description}`);
    return found;
  }

  function deskphone(description: string) {
    const found = device(description);
    if (found.macAddress === undefined) throw new Error(`no seed deskphone ${description}`);
    return { ...found, mac: found.macAddress };
  }

  const keysOf = (description: string, moduleId = 0) =>
    kit.simulator.tenant
      .listKeys(lyon, device(description).id, moduleId)
      .map(({ keyNum, keyType, keyOwner, number, displayName }) => ({
        keyNum,
        keyType,
        keyOwner,
        number,
        displayName,
      }));

  /** Key writes the simulator received (a refused key must send none). */
  const keyWrites = () =>
    kit.simulator.requests().filter((request) => request.method !== 'GET' && request.path.includes('/keys'))
      .length;

  return { device, deskphone, keysOf, keyWrites };
}
