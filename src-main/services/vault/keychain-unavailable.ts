import { FieldkitError } from '../errors';

const NO_PLAIN_TEXT =
  'Fieldkit never stores passwords in plain text, so it cannot save or use profiles until then.';

const HINTS: Partial<Record<NodeJS.Platform, string>> = {
  linux:
    'A Secret Service such as gnome-keyring must be running and unlocked in this D-Bus session: install ' +
    'gnome-keyring (or KeePassXC with its Secret Service integration) and sign in to a desktop session, which ' +
    'starts and unlocks it. Without a desktop (SSH, container), start one with `dbus-run-session` and ' +
    '`gnome-keyring-daemon --unlock`.',
  darwin:
    'Open Keychain Access and make sure the login keychain exists and is unlocked (File › Unlock Keychain ' +
    '"login"), then allow Fieldkit to use it when macOS asks.',
  win32:
    'Open Credential Manager (Control Panel › Credential Manager › Windows Credentials) and make sure it works ' +
    'for the user running Fieldkit; the Credential Manager service must be running.',
};

const OTHER_PLATFORM_HINT =
  'Fieldkit needs the operating system keychain (a Secret Service over D-Bus on Unix desktops) to keep passwords.';

const MODULE_HINT =
  "Fieldkit's keychain module (keytar) is missing or was built for another Node or Electron version: " +
  'reinstall Fieldkit, or run `npm rebuild keytar` in a development checkout.';

/** What to say when the keychain cannot be used: the underlying reason, and how to fix it on this platform. */
export function keychainUnavailableError(
  reason: string,
  options: { platform?: NodeJS.Platform; cause?: unknown } = {},
): FieldkitError {
  const platform = options.platform ?? process.platform;
  const hint = `${HINTS[platform] ?? OTHER_PLATFORM_HINT} ${NO_PLAIN_TEXT}`;
  return new FieldkitError(
    { code: 'keychain-unavailable', message: `The system keychain is not reachable: ${reason}`, hint },
    { cause: options.cause },
  );
}

/** The native keychain module itself would not load: a packaging problem, not a keychain one. */
export function keychainModuleError(reason: string, cause?: unknown): FieldkitError {
  return new FieldkitError(
    {
      code: 'keychain-unavailable',
      message: `The system keychain is not reachable: the keychain module could not be loaded (${reason})`,
      hint: `${MODULE_HINT} ${NO_PLAIN_TEXT}`,
    },
    { cause },
  );
}

export function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim() === '' ? 'unknown error' : text.trim();
}
