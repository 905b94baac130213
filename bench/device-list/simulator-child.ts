import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { SimulatorCredentials } from '../../src-main/simulator';

/** The seeded simulator serving from its own process (simulator-process.mjs). */
export interface SimulatorProcess {
  url: string;
  credentials: SimulatorCredentials;
  /** Devices of the seeded CloudPBX, the demo's own included. */
  devices: number;
  stop(): Promise<void>;
}

const ENTRY = join(import.meta.dirname, 'simulator-process.mjs');

/** Starts the simulator process with `devices` bulk devices on the Lyon CloudPBX; resolves once it serves. */
export async function startSimulatorProcess(devices: number): Promise<SimulatorProcess> {
  const child = spawn(process.execPath, [ENTRY, String(devices)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const announced = await new Promise<Omit<SimulatorProcess, 'stop'>>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => resolve(JSON.parse(line)));
    child.once('exit', (code) => reject(new Error(`the simulator process exited with ${code}`)));
  });
  return { ...announced, stop: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdin?.end();
  return exited;
}
