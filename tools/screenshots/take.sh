#!/usr/bin/env bash
# Takes the README's screenshots (docs/screenshots/*.png) of the real app under Xvfb, against a real inkwelld
# started by the tour with its own PostgreSQL. Installs what is missing, builds what it needs.
#
#   bash tools/screenshots/take.sh            # every shot
#   bash tools/screenshots/take.sh main-dark  # one of them
set -euo pipefail
cd "$(dirname "$0")/../.."
bash installer/install-deps.sh
cmake --preset debug >/dev/null
cmake --build --preset debug --target inkwell_tour inkwelld >/dev/null
only=()
[ $# -gt 0 ] && only=(--only "$1")
# A screen the size of a laptop's; LANG picks the UI language of the shots (the German ones set their own).
exec xvfb-run -a -s '-screen 0 1400x900x24' env QT_QPA_PLATFORM=xcb LANG=en_US.UTF-8 \
    ./build/debug/tools/inkwell_tour --out docs/screenshots "${only[@]}"
