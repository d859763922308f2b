#!/usr/bin/env bash
# Builds Release and makes the two Debian packages, inkwell (the desktop app) and inkwell-server
# (inkwelld with its systemd unit), in build/release/packages/. Prints the paths of the .deb files.
#   bash installer/package.sh            the project's version (CMakeLists.txt)
#   bash installer/package.sh 0.1.0+1    another package version (installer/test-packages.sh makes a newer one)
set -euo pipefail
cd "$(dirname "$0")/.."

bash installer/install-deps.sh
version=${1:-}
cmake --preset release -DINKWELL_PACKAGE_VERSION="$version" >/dev/null
cmake --build --preset release --target inkwelld inkwell
out=$PWD/build/release/packages
rm -rf "$out"
(cd build/release && cpack -G DEB -B "$out" >/dev/null)
rm -rf "$out/_CPack_Packages"
ls "$out"/*.deb
