import { apiPath, PROVISIONING_ROOT } from './paths';
import type { RainbowApi } from './rainbow-api';
import type { ApiItem, DeviceCategory, DeviceModel } from './types';

export interface DeviceModelFilter {
  /**
   * As the API takes it, comma-separated (`'deskphone,dectmobile,uncategorized'` for all), or as a list.
   * Without it the server answers `deskphone,uncategorized` only.
   */
  category?: string | readonly DeviceCategory[];
  range?: string;
}

/** The device models a CloudPBX supports (`GET /cloudpbxs/:systemId/devicemodels`, not paginated). */
export async function listDeviceModels(
  api: RainbowApi,
  systemId: string,
  filter: DeviceModelFilter = {},
): Promise<DeviceModel[]> {
  const category = typeof filter.category === 'string' ? filter.category : filter.category?.join(',');
  const path = apiPath(PROVISIONING_ROOT, 'cloudpbxs', systemId, 'devicemodels');
  const answer = await api.request<ApiItem<DeviceModel[]>>('GET', path, {
    query: { category, range: filter.range },
  });
  return answer.data;
}
