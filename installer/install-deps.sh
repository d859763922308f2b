#!/usr/bin/env bash
# Installs every Debian 12 package Inkwell needs to build, test and run.
# Idempotent: silent and fast when everything is present; runs `apt-get update` once, and only
# when something is missing. Run as root, or as a user with sudo.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build ccache pkg-config git
    # Qt 6: Core/Gui/Widgets/Network/Sql, HttpServer, WebSockets, SQL drivers, translation tools
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev
    libqt6sql6-psql libqt6sql6-sqlite
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins
    # libraries
    qtkeychain-qt6-dev libsodium-dev
    # the desktop: GitHub-flavoured Markdown (one renderer for server and app), three-way merge and diffs,
    # spell checking with the system's dictionaries, charts in the admin panel
    libcmark-gfm-dev libcmark-gfm-extensions-dev libgit2-dev libhunspell-dev hunspell-en-us hunspell-de-de
    qt6-charts-dev libqt6opengl6-dev  # Debian's qt6-charts-dev needs Qt6OpenGL's CMake files but does not depend on them
    # the bundled database
    postgresql-15 postgresql-client-15
    # tests: a real keychain, a real display, HTTP tools
    dbus dbus-x11 gnome-keyring libsecret-1-0 libsecret-tools xvfb xauth curl
    # screenshots of the desktop app under Xvfb (docs/screenshots)
    imagemagick xdotool
    # benchmarks
    wrk
)
# The OpenAPI validator of the test suite runs on Node.js; a machine that already has node and npm
# (from anywhere) keeps them.
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
        missing+=("$p")
    fi
done

[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
fi

echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# The postgresql package would start a system cluster; Inkwell runs its own, so none is needed.
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done" >&2
