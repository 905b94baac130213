export { CredentialVault, type CredentialVaultOptions, type KeychainStatus } from './credential-vault';
export { createKeytarKeychain, DEFAULT_KEYCHAIN_SERVICE, type Keychain } from './keychain';
export type { Profile, ProfileRecord, ProfileSecrets } from './profile-file';
export { PROFILE_FILE_NAME } from './profile-store';
