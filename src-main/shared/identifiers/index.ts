export {
  parseDeviceIdentifier,
  type DeviceIdentifierKind,
  type DeviceIdentifierResult,
} from './device-identifier';
export { formatIpeiDecimal, normaliseIpei } from './ipei';
export { formatMac, normaliseMac, type MacDisplayCase } from './mac';
export type { IdentifierErrorCode, IdentifierFailure, IdentifierResult } from './result';
