import type { RunningSimulator, SimulatorTenant } from '../simulator';
import type { Credentials } from '../services/session/session-service';

/**
 * The built-in demo: the Rainbow simulator, started in-process on a loopback port the first time it is needed
 * and kept for the life of the app, so leaving and re-opening the demo finds the same tenant. Its code is
 * loaded then too: every CLI start outside the demo would otherwise parse the whole simulator.
 */
export class DemoEnvironment {
  #simulator: Promise<RunningSimulator> | undefined;

  async credentials(): Promise<Credentials> {
    const simulator = await this.#started();
    return { host: simulator.url, ...simulator.credentials };
  }

  /** The demo tenant (the simulated LAN of discovery is built from its phones). */
  async tenant(): Promise<SimulatorTenant> {
    return (await this.#started()).tenant;
  }

  #started(): Promise<RunningSimulator> {
    this.#simulator ??= import('../simulator').then(({ startSimulator }) => startSimulator({ port: 0 }));
    return this.#simulator;
  }

  async close(): Promise<void> {
    const simulator = this.#simulator;
    this.#simulator = undefined;
    await (await simulator)?.close();
  }
}
