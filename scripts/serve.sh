#!/usr/bin/env bash
# Sets up what is missing, then serves the article's map at http://127.0.0.1:8080/
# (the embed example at /examples/embed.html, the iframe embed at /frame.html).
# Extra arguments go to `trunk serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec trunk serve "$@"
