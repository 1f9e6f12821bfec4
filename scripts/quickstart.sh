#!/usr/bin/env bash
# Sets up the machine, builds Shifa and runs the whole pipeline offline on the bundled sample:
# ingest → profile → split → synthesize (offline augmenter) → curate → train shifa-tiny → evaluate/ablate → report.
# Usage: scripts/quickstart.sh [WORKSPACE_DIR] [CONFIG]   (defaults: ./workspace, samples/quickstart.json)
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
ws="${1:-workspace}"
config="${2:-samples/quickstart.json}"
exec ./scripts/shifa run --config "$config" --workspace "$ws"
