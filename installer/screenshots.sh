#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Screenshots of every step of the app at 1280x800, in the light and the dark look, into
# resources/screenshots/ (shown in the README). The end-to-end GUI test drives the real app on a
# virtual X display (Xvfb, the xcb platform, as on a desktop) and grabs the window at each step.
#   installer/screenshots.sh [BUILD_DIR]   (default build/dev; the build must be current)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/dev}
out=resources/screenshots
mkdir -p "$out"
for look in light dark; do
    SLUICE_SOURCE_DIR=$PWD SLUICE_APPEARANCE=$look SLUICE_SCREENSHOT_DIR=$out \
        SLUICE_SCREENSHOT_PREFIX="$look-step" QT_QPA_PLATFORM=xcb LANG=C.UTF-8 LC_ALL=C.UTF-8 \
        xvfb-run -a -s "-screen 0 1280x800x24" "$build/tests/tst_guiflow" -silent
    # Fixing data in place on the Review step: a bulk fix, the changes, find and replace.
    SLUICE_SOURCE_DIR=$PWD SLUICE_APPEARANCE=$look SLUICE_SCREENSHOT_DIR=$out \
        SLUICE_SCREENSHOT_PREFIX="$look-step" QT_QPA_PLATFORM=xcb LANG=C.UTF-8 LC_ALL=C.UTF-8 \
        xvfb-run -a -s "-screen 0 1280x800x24" "$build/tests/tst_fixflow" -silent
done
ls -1 "$out"
