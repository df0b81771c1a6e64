#!/usr/bin/env bash
# Runs a command against a real Secret Service: a throw-away D-Bus session with gnome-keyring
# unlocked, and its own HOME and XDG folders, so the user's keyring is never
# touched. Used by the keychain tests: bash scripts/with-keyring.sh vitest run --project keychain
set -euo pipefail

missing=()
command -v dbus-run-session >/dev/null || missing+=(dbus)
command -v gnome-keyring-daemon >/dev/null || missing+=(gnome-keyring)
if [ ${#missing[@]} -gt 0 ]; then
  echo "with-keyring: missing ${missing[*]}. Install with: sudo apt-get install -y ${missing[*]}" >&2
  exit 3
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" \
  XDG_CACHE_HOME="$scratch/cache" XDG_RUNTIME_DIR="$scratch/run"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# npm and node-gyp caches must not land in the scratch HOME's parent.
export npm_config_cache="$scratch/npm-cache"

exec dbus-run-session -- bash -c '
  set -euo pipefail
  # --unlock reads the password of the (new) login keyring from stdin; this keyring is thrown away.
  eval "$(printf "%s" "throwaway-keyring-password" | gnome-keyring-daemon --unlock --components=secrets --daemonize)"
  export GNOME_KEYRING_CONTROL
  exec "$@"
' with-keyring "$@"
