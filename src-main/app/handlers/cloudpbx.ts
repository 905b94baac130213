import type { CloudPbxViewsService } from '../../services/cloudpbx/cloudpbx-views-service';
import type { NamespaceHandlers } from './handler-types';

export function cloudPbxHandlers(views: CloudPbxViewsService): NamespaceHandlers<'cloudpbx'> {
  return {
    'cloudpbx.numberingPlan': ({ systemId }) => views.numberingPlan(systemId),
    'cloudpbx.ddis': ({ systemId }) => views.ddis(systemId),
    'cloudpbx.trunks': ({ systemId }) => views.trunks(systemId),
    'cloudpbx.emergencyNumbers': ({ systemId }) => views.emergencyNumbers(systemId),
  };
}
