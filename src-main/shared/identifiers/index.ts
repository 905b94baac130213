export {
  parseDeviceIdentifier,
  type DeviceIdentifierKind,
  type DeviceIdentifierResult,
} from './device-identifier';
export { displayIpei, displayIpeiDecimal, formatIpeiDecimal, normaliseIpei } from './ipei';
export { displayMac, formatMac, normaliseMac, type MacDisplayCase } from './mac';
export { displayMacHalves, macDigits, readUsualMac, readUsualMacHalves, type MacHalves } from './usual-mac';
export type { IdentifierErrorCode, IdentifierFailure, IdentifierResult } from './result';
