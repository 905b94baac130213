import { devicesEn } from '@renderer/features/devices/messages';
import { subscribersEn } from '@renderer/features/subscribers/messages';
import { activityEn } from '@renderer/features/activity/messages';
import { importEn } from '@renderer/features/import/messages';
import { discoverEn } from '@renderer/features/discover/messages';

/**
 * English messages, the reference shape: fr.ts must have exactly the same keys. vue-i18n message syntax:
 * `{name}` interpolates, `|` separates plural forms, and a literal @ must be written {'@'}.
 */
const en = {
  app: {
    name: 'Fieldkit',
    tagline: 'ALE deskphones and DECT handsets on Rainbow Voice',
  },
  common: {
    retry: 'Retry',
    cancel: 'Cancel',
    loading: 'Loading…',
    none: '—',
    hint: 'What to do: {hint}',
  },
  language: {
    label: 'Language',
    short: { en: 'EN', fr: 'FR' },
    name: { en: 'English', fr: 'Français' },
  },
  connection: {
    label: 'Connection status',
    status: {
      online: 'Online',
      offline: 'Offline',
      signingIn: 'Signing in…',
      signedOut: 'Signed out',
    },
  },
  signIn: {
    title: 'Sign in',
    subtitle: 'Choose a saved Rainbow profile, add one, or open the demo.',
    openingDemo: 'Opening the demo…',
    startFailed: 'Fieldkit could not read its settings',
  },
  demo: {
    title: 'Try Fieldkit with the demo',
    body: 'No account needed: the demo uses a simulated Rainbow and a simulated LAN. Nothing to type, and nothing real is changed.',
    button: 'Open the demo',
    alternative: 'No account at hand?',
  },
  keychain: {
    title: 'The system keychain is not available',
    body: 'Profiles cannot be saved or used on this computer. The demo still works.',
  },
  profiles: {
    title: 'Saved profiles',
    empty: 'No profile saved yet.',
    loadFailed: 'The saved profiles could not be read',
    signIn: 'Sign in',
    test: 'Test',
    remove: 'Remove',
    testOk: 'Connection OK: {user}',
    testFailed: 'Test failed',
    removeTitle: 'Remove this profile?',
    removeBody:
      'The profile “{name}” and its password and application secret will be deleted from this computer.',
    removeConfirm: 'Remove',
    removeFailed: 'The profile could not be removed',
    removed: 'Profile “{name}” removed.',
  },
  profileForm: {
    title: 'Add a profile',
    intro: 'The password and the application secret go to the system keychain, never to a file.',
    name: { label: 'Profile name', placeholder: 'e.g. Lyon head office' },
    host: { label: 'Rainbow host', placeholder: 'openrainbow.com' },
    login: { label: 'Login e-mail', placeholder: "technician{'@'}company.com" },
    password: { label: 'Password' },
    appId: { label: 'Application id' },
    appSecret: { label: 'Application secret' },
    save: 'Save the profile',
    saved: 'Profile “{name}” saved.',
    saveFailed: 'The profile could not be saved',
    rules: {
      required: 'This field is required.',
      nameTooLong: 'A profile name has at most 64 characters.',
      nameCharacters: "Use letters, digits, spaces, dots, dashes, underscores or {'@'}.",
      email: 'Enter an e-mail address.',
    },
  },
  errors: {
    authFailed: 'Wrong login or password.',
    appAuthFailed: 'The application id or secret was not accepted.',
    unreachable: 'The host could not be reached.',
    tls: 'The server certificate could not be verified.',
    keychainUnavailable: 'The system keychain is not available.',
    insecureHost: 'This host is refused: passwords only travel over https.',
    profileNotFound: 'This profile does not exist any more.',
    timeout: 'The server took too long to answer.',
    rateLimited: 'Too many requests: the server asks to wait before trying again.',
    serverError: 'The server ran into an error.',
    notSignedIn: 'You are not signed in any more.',
    forbidden: 'This account is not allowed to do that.',
    notFound: 'It was not found.',
    outcomeUnknown: 'The answer was lost: whether the change was made is unknown, so it was not sent again.',
    redirected: 'The server redirected the request elsewhere; Fieldkit never follows redirects.',
  },
  layout: {
    cloudPbx: 'CloudPBX',
    switchSystem: 'Switch',
    switchSystemLabel: 'Choose another CloudPBX',
    account: '{user} · profile {profile}',
    demoTag: 'Demo',
    demoTagTitle: 'Simulated Rainbow and simulated LAN',
    signOut: 'Sign out',
    signOutFailed: 'Sign-out failed',
    systemFailed: 'This CloudPBX could not be opened',
    backToPicker: 'Back to the CloudPBX list',
  },
  nav: {
    label: 'Sections',
    overview: 'Overview',
    discover: 'Discover',
    devices: 'Devices',
    subscribers: 'Subscribers',
    import: 'Import',
    activity: 'Activity',
    soon: 'Soon',
    comingSoon: 'Not built yet: coming in a later version.',
  },
  systems: {
    title: 'Choose a CloudPBX',
    count: 'No CloudPBX | One CloudPBX | {n} CloudPBXs',
    searchLabel: 'Search CloudPBXs',
    searchPlaceholder: 'Name, id, country or domain',
    refresh: 'Refresh',
    empty: 'No CloudPBX is visible to this account.',
    noMatch: 'No CloudPBX matches “{query}”.',
    loadFailed: 'The CloudPBX list could not be loaded',
    onlyOne: 'The only CloudPBX of this account',
    numbering: 'Prefix {prefix} · {digits} digits',
    status: {
      active: 'Active',
      activated: 'Activated',
      created: 'Created',
      unknown: 'Unknown',
    },
  },
  overview: {
    details: 'CloudPBX details',
    fields: {
      name: 'Name',
      id: 'Id',
      country: 'Country',
      status: 'Status',
      numberingPrefix: 'Numbering prefix',
      numberingDigits: 'Numbering digits',
      domain: 'SIP domain',
    },
    subscribers: 'Subscribers',
    assigned: '{count} assigned to a user',
    subscribersFailed: 'The subscribers could not be loaded',
  },
  models: {
    title: 'Device models',
    subtitle: 'The phone models this CloudPBX accepts.',
    empty: 'No device model.',
    loadFailed: 'The device models could not be loaded',
    columns: {
      model: 'Model',
      vendor: 'Vendor',
      category: 'Category',
      range: 'Range',
      keys: 'Programmable keys',
      modules: 'Supported modules',
    },
    category: {
      deskphone: 'Deskphone',
      dectmobile: 'DECT handset',
      uncategorized: 'Uncategorized',
    },
    module: '{type} ({keys} keys)',
  },
  devices: devicesEn,
  subscribers: subscribersEn,
  activity: activityEn,
  import: importEn,
  discover: discoverEn,
};

export type MessageSchema = typeof en;
export default en;
