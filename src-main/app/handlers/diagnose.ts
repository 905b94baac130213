import type { DeviceDiagnoseService } from '../../services/diagnose/device-diagnose-service';
import type { NamespaceHandlers } from './handler-types';

export interface DiagnoseHandlerDeps {
  device: DeviceDiagnoseService;
}

export function diagnoseHandlers(deps: DiagnoseHandlerDeps): NamespaceHandlers<'diagnose'> {
  return {
    'diagnose.device': (input) => deps.device.diagnose(input),
  };
}
