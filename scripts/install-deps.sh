#!/usr/bin/env bash
# Installs the Debian 12 packages Relaydesk needs to build, test and run, skipping those already there.
# Usage: scripts/install-deps.sh [--gui]   (--gui adds Xvfb and xauth, to run the console without a display)
set -euo pipefail

# Checked from nothing (debootstrap minbase, no recommends) by scripts/fresh-machine-check.sh.
packages=(
  cmake ninja-build g++ pkg-config zlib1g-dev
  qt6-base-dev qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-l10n-tools
  libqt6opengl6-dev libboost1.81-dev libqt6sql6-sqlite libqt6svg6 libgl-dev qt6-translations-l10n libxapian-dev
  qtkeychain-qt6-dev # the console remembers a team-server sign-in in the system keyring (libqt6keychain1)
  fonts-noto-cjk # Chinese text: the console shows it, and the GUI tests measure zh_CN layouts with it
)
# The xcb platform plugin and its libraries come with libqt6gui6 (a dependency of qt6-base-dev); xauth is for
# xvfb-run.
if [[ "${1:-}" == "--gui" ]]; then
  packages+=(xvfb xauth)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi
echo "Installing: ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  sudo="sudo"
fi
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
