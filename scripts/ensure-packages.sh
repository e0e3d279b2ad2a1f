#!/usr/bin/env bash
# Installs Debian packages for commands that are missing: ensure-packages.sh CMD:PACKAGE ...
# e.g. `scripts/ensure-packages.sh ffmpeg:ffmpeg chromium:chromium`. Needs root (or sudo) for apt-get.
set -euo pipefail

missing=()
for pair in "$@"; do
  cmd=${pair%%:*}
  pkg=${pair#*:}
  if [[ "$cmd" == /* ]]; then
    [[ -e "$cmd" ]] || missing+=("$pkg")
  elif ! command -v "$cmd" >/dev/null 2>&1; then
    missing+=("$pkg")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "Installing system packages: ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  apt_get=(apt-get)
elif command -v sudo >/dev/null 2>&1; then
  apt_get=(sudo apt-get)
else
  echo "error: missing system packages (${missing[*]}) and not root: install them with apt-get as root" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# Refresh the package lists once per day at most.
stamp=/var/lib/apt/periodic/lectern-update-stamp
if [[ ! -f $stamp ]] || [[ -n $(find "$stamp" -mmin +1440 2>/dev/null) ]]; then
  "${apt_get[@]}" update -qq
  mkdir -p "$(dirname "$stamp")" 2>/dev/null && touch "$stamp" 2>/dev/null || true
fi
"${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "Installed: ${missing[*]}"
