#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's two commands.
#   installer/dev.sh run [APP ARGS]  install what is missing, build, start Sluice
#   installer/dev.sh test            install what is missing, build, run the whole suite:
#                                    warnings-as-errors build + ctest + packages, then an
#                                    ASan/UBSan build + ctest
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

step() { printf '\n== %s\n' "$*"; }

build() { # preset [targets…]
    local preset=$1; shift
    step "configure and build ($preset)"
    cmake --preset "$preset" >/dev/null
    if [ $# -gt 0 ]; then
        cmake --build --preset "$preset" --parallel "$jobs" --target "$@"
    else
        cmake --build --preset "$preset" --parallel "$jobs"
    fi
}

check_format() {
    step "clang-format"
    local unformatted
    unformatted=$(git ls-files -- '*.cpp' '*.h' | xargs clang-format --dry-run 2>&1 | grep -c warning: || true)
    if [ "$unformatted" -ne 0 ]; then
        git ls-files -- '*.cpp' '*.h' | xargs clang-format --dry-run 2>&1 | grep warning: | cut -d: -f1 | sort -u
        echo "clang-format: the files above need 'clang-format -i'" >&2
        return 1
    fi
}

run_tests() { # preset
    step "tests ($1)"
    ctest --preset "$1" --parallel "$jobs"
}

case "${1:-}" in
run)
    shift
    # With no arguments the app opens its sample workbook, aimed at the built-in Local sandbox.
    [ $# -eq 0 ] && set -- --sample
    installer/linux/install-deps.sh
    build dev sluice sluice-cli sluice-sandbox
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        echo "No display found: starting Sluice on a virtual X display (xvfb-run)."
        exec xvfb-run -a -s "-screen 0 1280x800x24" build/dev/app/sluice "$@"
    fi
    exec build/dev/app/sluice "$@"
    ;;
test)
    installer/linux/install-deps.sh
    check_format
    build ci
    run_tests ci
    step "packages (DEB, TGZ)"
    (cd build/ci && cpack -G "DEB;TGZ" >/dev/null && ls packages/*.deb packages/*.tar.gz)
    build asan
    run_tests asan
    ;;
*)
    echo "usage: installer/dev.sh run [app arguments] | test" >&2
    exit 2
    ;;
esac
