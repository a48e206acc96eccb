#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages Sluice needs to build, run and test: only those missing, so a
# second run takes well under a second. Runs apt through sudo when not root.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config ccache clang-format dpkg-dev file git
    ca-certificates
    # Qt 6 (Debian 12: 6.4.2)
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev libqt6svg6
    qt6-qpa-plugins libqt6sql6-sqlite
    # file formats and secrets
    libquazip1-qt6-dev qtkeychain-qt6-dev libxml2-dev
    # GUI tests, screenshots, fixed time zones in tests
    xvfb xauth imagemagick fonts-dejavu-core tzdata
)

installed=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${packages[@]}" 2>/dev/null \
    | awk '$2 == "installed" { print $1 }' || true)
missing=()
for package in "${packages[@]}"; do
    grep -qx "$package" <<<"$installed" || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
    as_root=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
