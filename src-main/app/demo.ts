import { startSimulator, type RunningSimulator, type SimulatorTenant } from '../simulator';
import type { Credentials } from '../services/session/session-service';

/**
 * The built-in demo: the Rainbow simulator, started in-process on a loopback port the first time it is needed
 * and kept for the life of the app, so leaving and re-opening the demo finds the same tenant.
 */
export class DemoEnvironment {
  #simulator: Promise<RunningSimulator> | undefined;

  async credentials(): Promise<Credentials> {
    this.#simulator ??= startSimulator({ port: 0 });
    const simulator = await this.#simulator;
    return { host: simulator.url, ...simulator.credentials };
  }

  /** The demo tenant (the simulated LAN of discovery is built from its phones). */
  async tenant(): Promise<SimulatorTenant> {
    this.#simulator ??= startSimulator({ port: 0 });
    return (await this.#simulator).tenant;
  }

  async close(): Promise<void> {
    const simulator = this.#simulator;
    this.#simulator = undefined;
    await (await simulator)?.close();
  }
}
