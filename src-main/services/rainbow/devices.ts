import { ALL_DEVICE_CATEGORIES } from './device-models';
import { apiPath, PROVISIONING_ROOT } from './paths';
import type { RainbowApi } from './rainbow-api';
import type { Device } from './types';

/** Filters of `GET /cloudpbxs/:systemId/devices` (reference: "retrieve all SIP devices assigned into a CloudPBX"). */
export interface DeviceQuery {
  assigned?: boolean;
  banned?: boolean;
  phoneNumberId?: string;
  macAddress?: string;
  shortNumber?: string;
  deviceTypeId?: number;
  pageSize?: number;
}

/** Every device of a CloudPBX, deskphones and DECT handsets alike (the API's default omits DECT), all pages. */
export function listDevices(api: RainbowApi, systemId: string, query: DeviceQuery = {}): Promise<Device[]> {
  const { pageSize, ...filters } = query;
  const path = apiPath(PROVISIONING_ROOT, 'cloudpbxs', systemId, 'devices');
  return api.listAll<Device>(path, { ...filters, category: ALL_DEVICE_CATEGORIES.join(',') }, pageSize);
}
