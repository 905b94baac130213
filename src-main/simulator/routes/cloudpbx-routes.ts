import type { DeviceCategory } from '../../services/rainbow/types';
import { pageOf, sortBy, type SortKey } from '../http/listing';
import { readChoiceList, readInteger, readPage, readSort, readString } from '../http/query';
import { ApiError, itemEnvelope, okReply } from '../http/responses';
import type { Route } from '../http/router';
import type { CloudPbxRecord } from '../tenant/records';
import { RVCP_BASE, requireVisibleCloudPbx, routeParam } from './access';

const CLOUD_PBX_SORT_FIELDS = ['companyId', 'name', 'id', 'creationDate', 'country', 'status'] as const;
type CloudPbxSortField = (typeof CLOUD_PBX_SORT_FIELDS)[number];

export const DEVICE_CATEGORIES: readonly DeviceCategory[] = ['deskphone', 'dectmobile', 'uncategorized'];
/** "Default filter includes 'deskphone' and 'uncategorized' for backward compatibility" (reference). */
export const DEFAULT_DEVICE_CATEGORIES: readonly DeviceCategory[] = ['deskphone', 'uncategorized'];

/** Not documented; an assumption kept here. */
const MAX_FREE_NUMBERS = 1000;

/** CloudPBX list and details, its device models and its free internal numbers. */
export const cloudPbxRoutes: Route[] = [
  {
    method: 'GET',
    pattern: `${RVCP_BASE}/cloudpbxs`,
    access: 'bearer',
    handle: ({ query, tenant }, session) => {
      const page = readPage(query);
      const sort = readSort(query, CLOUD_PBX_SORT_FIELDS, 'companyId');
      const companyIds = readList(readString(query, 'companyId'));
      const siteIds = readList(readString(query, 'siteId'));
      const visible = tenant
        .listCloudPbxs()
        .filter((cloudPbx) => cloudPbx.companyId === session.user.companyId)
        .filter((cloudPbx) => companyIds === undefined || companyIds.includes(cloudPbx.companyId))
        .filter((cloudPbx) => siteIds === undefined || cloudPbx.siteId.some((id) => siteIds.includes(id)));
      return okReply(
        pageOf(
          sortBy(visible, (cloudPbx) => cloudPbxSortKey(cloudPbx, sort.field), sort.order),
          page,
        ),
      );
    },
  },
  {
    method: 'GET',
    pattern: `${RVCP_BASE}/cloudpbxs/:systemId`,
    access: 'bearer',
    handle: ({ params, tenant }, session) =>
      okReply(itemEnvelope(requireVisibleCloudPbx(tenant, session, routeParam(params, 'systemId')))),
  },
  {
    method: 'GET',
    pattern: `${RVCP_BASE}/cloudpbxs/:systemId/devicemodels`,
    access: 'bearer',
    handle: ({ params, query, tenant }, session) => {
      requireVisibleCloudPbx(tenant, session, routeParam(params, 'systemId'));
      const categories = readChoiceList(query, 'category', DEVICE_CATEGORIES, DEFAULT_DEVICE_CATEGORIES);
      const range = readString(query, 'range');
      const models = tenant
        .listDeviceModels()
        .filter((model) => categories.includes(model.category))
        .filter((model) => range === undefined || model.range === range);
      return okReply({ data: models });
    },
  },
  {
    method: 'GET',
    pattern: `${RVCP_BASE}/cloudpbxs/:systemId/phone-numbers/free`,
    access: 'bearer',
    handle: ({ params, query, tenant }, session) => {
      const cloudPbx = requireVisibleCloudPbx(tenant, session, routeParam(params, 'systemId'));
      const startingWith = readString(query, 'startingWith');
      if (startingWith !== undefined && !/^\d+$/.test(startingWith)) {
        throw ApiError.badRequest(`Parameter 'startingWith' must be digits`);
      }
      const limit = readInteger(query, 'limit', { min: 1, max: MAX_FREE_NUMBERS }) ?? 100;
      return okReply({ data: tenant.freeShortNumbers(cloudPbx.id, { startingWith, limit }) });
    },
  },
];

function readList(value: string | undefined): string[] | undefined {
  return value?.split(',').map((item) => item.trim());
}

function cloudPbxSortKey(cloudPbx: CloudPbxRecord, field: CloudPbxSortField): SortKey {
  return cloudPbx[field] ?? undefined;
}
