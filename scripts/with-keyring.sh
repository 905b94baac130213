#!/usr/bin/env bash
# Runs a command against a real, unlocked GNOME Keyring (the Secret Service that keytar talks to through
# libsecret) in a throw-away D-Bus session and a throw-away HOME, so the developer's own keyring is never
# touched. Works headless and as root (CI). Exits with the command's exit code.
#
#   scripts/with-keyring.sh npx vitest run --project integration test/integration/vault
#
# Needs (Debian): gnome-keyring, dbus (dbus-run-session), libglib2.0-bin (gdbus; libsecret-1-dev brings it).
#
# The command sees FIELDKIT_KEYRING_SANDBOX=<temp dir>; tests use it to check that they run inside.
set -euo pipefail

readonly self="$(realpath "${BASH_SOURCE[0]}")"

fail() {
  echo "with-keyring.sh: $*" >&2
  exit 1
}

# Stage 2, inside the D-Bus session: start and unlock the keyring, check it, then become the command.
if [[ "${FIELDKIT_KEYRING_STAGE:-}" == inside ]]; then
  unset FIELDKIT_KEYRING_STAGE
  # On a fresh HOME, --unlock creates the "login" keyring with this password and makes it the default
  # collection, which is where libsecret stores new items.
  keyring_password="$(head -c 24 /dev/urandom | base64)"
  daemon_output="$(printf '%s' "$keyring_password" | gnome-keyring-daemon --unlock --components=secrets)" ||
    fail "gnome-keyring-daemon did not start."
  while IFS= read -r line; do
    if [[ "$line" =~ ^[A-Z_][A-Z0-9_]*= ]]; then export "${line?}"; fi
  done <<<"$daemon_output"

  # The daemon forks before it owns its bus name; wait for the name (a D-Bus signal, not a delay).
  gdbus wait --session --timeout 10 org.freedesktop.secrets >/dev/null ||
    fail "the Secret Service (org.freedesktop.secrets) did not appear on the D-Bus session."
  daemon_pid="$(gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.GetConnectionUnixProcessID org.freedesktop.secrets)"
  daemon_pid="${daemon_pid//[^0-9]/}"
  echo "$daemon_pid" >"$FIELDKIT_KEYRING_SANDBOX/keyring-daemon.pid"

  locked="$(gdbus call --session --dest org.freedesktop.secrets \
    --object-path /org/freedesktop/secrets/aliases/default \
    --method org.freedesktop.DBus.Properties.Get org.freedesktop.Secret.Collection Locked)" ||
    fail "the keyring has no default collection, so nothing could be stored in it."
  [[ "$locked" == "(<false>,)" ]] || fail "the default keyring collection is still locked ($locked)."

  exec "$@"
fi

# Stage 1: make the sandbox, run stage 2 in a private D-Bus session, clean up.
if [[ $# -eq 0 ]]; then
  echo "usage: scripts/with-keyring.sh <command> [args...]" >&2
  exit 2
fi
for tool in dbus-run-session gnome-keyring-daemon gdbus; do
  command -v "$tool" >/dev/null ||
    fail "$tool is missing. Install: apt-get install gnome-keyring dbus-daemon libglib2.0-bin libsecret-1-0"
done

sandbox="$(mktemp -d "${TMPDIR:-/tmp}/fieldkit-keyring.XXXXXX")"

stop_daemon_and_remove_sandbox() {
  local pid_file="$sandbox/keyring-daemon.pid" pid state
  if [[ -s "$pid_file" ]]; then
    pid="$(<"$pid_file")"
    # The daemon leaves when its bus goes away; make sure it has gone before its files are deleted.
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do
      state="$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null || echo gone)"
      [[ "$state" == gone || "$state" == Z ]] && break
      sleep 0.02
    done
  fi
  rm -rf "$sandbox"
}
trap stop_daemon_and_remove_sandbox EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$sandbox/home" "$sandbox/home/.config" "$sandbox/home/.local/share" "$sandbox/home/.local/state" \
  "$sandbox/home/.cache" "$sandbox/runtime"
chmod 700 "$sandbox/home" "$sandbox/runtime"

status=0
env -u DBUS_SESSION_BUS_ADDRESS -u GNOME_KEYRING_CONTROL -u SSH_AUTH_SOCK \
  HOME="$sandbox/home" \
  XDG_CONFIG_HOME="$sandbox/home/.config" \
  XDG_DATA_HOME="$sandbox/home/.local/share" \
  XDG_STATE_HOME="$sandbox/home/.local/state" \
  XDG_CACHE_HOME="$sandbox/home/.cache" \
  XDG_RUNTIME_DIR="$sandbox/runtime" \
  FIELDKIT_KEYRING_SANDBOX="$sandbox" \
  FIELDKIT_KEYRING_STAGE=inside \
  dbus-run-session -- "$self" "$@" || status=$?
exit "$status"
