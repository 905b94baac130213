export {
  parseDeviceIdentifier,
  type DeviceIdentifierKind,
  type DeviceIdentifierResult,
} from './device-identifier';
export { displayIpei, displayIpeiDecimal, formatIpeiDecimal, normaliseIpei } from './ipei';
export { displayMac, formatMac, normaliseMac, type MacDisplayCase } from './mac';
export { readUsualMac } from './usual-mac';
export type { IdentifierErrorCode, IdentifierFailure, IdentifierResult } from './result';
