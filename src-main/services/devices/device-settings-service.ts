import type { DeskphoneFailoverMode, MediaTransportProtocol, TransferMode } from '../../shared/enums';
import type { AuditTrail } from '../audit/audit-trail';
import type { Redactor } from '../log/redactor';
import type { RainbowClient } from '../rainbow';
import type { Device } from '../rainbow/types';
import { deviceLabel } from './device-labels';
import { withoutDeviceSecrets } from './device-secrets';

/** The settings of a device an admin may change; absent fields are not sent, so they stay as they are. */
export interface DeviceSettings {
  description?: string;
  transferMode?: TransferMode;
  mediaTransportProtocol?: MediaTransportProtocol;
  deskphoneFailoverMode?: DeskphoneFailoverMode;
}

export interface DeviceSettingsServiceDeps {
  client: () => Pick<RainbowClient, 'getDevice' | 'updateDevice'>;
  audit: AuditTrail;
  redactor: Redactor;
}

/** Description, transfer softkey, media transport and deskphone failover of one device. */
export class DeviceSettingsService {
  readonly #deps: DeviceSettingsServiceDeps;

  constructor(deps: DeviceSettingsServiceDeps) {
    this.#deps = deps;
  }

  async update(systemId: string, deviceId: string, settings: DeviceSettings): Promise<Device> {
    const client = this.#deps.client();
    const device = withoutDeviceSecrets(await client.getDevice(systemId, deviceId), this.#deps.redactor);
    const given = Object.fromEntries(
      Object.entries(settings).filter(([, value]) => value !== undefined),
    ) as DeviceSettings;
    const updated = await this.#deps.audit.record(
      {
        action: 'device.update',
        systemId,
        object: { type: 'device', id: deviceId, label: deviceLabel(device) },
        details: given as Record<string, string>,
      },
      () => client.updateDevice(systemId, deviceId, given),
    );
    return withoutDeviceSecrets(updated, this.#deps.redactor);
  }
}
