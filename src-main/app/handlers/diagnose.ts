import type { DeviceDiagnoseService } from '../../services/diagnose/device-diagnose-service';
import type { NumberDiagnoseService } from '../../services/diagnose/number-diagnose-service';
import type { NamespaceHandlers } from './handler-types';

export interface DiagnoseHandlerDeps {
  device: DeviceDiagnoseService;
  number: NumberDiagnoseService;
}

export function diagnoseHandlers(deps: DiagnoseHandlerDeps): NamespaceHandlers<'diagnose'> {
  return {
    'diagnose.device': (input) => deps.device.diagnose(input),
    'diagnose.number': (input) => deps.number.diagnose(input),
  };
}
