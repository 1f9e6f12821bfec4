#!/usr/bin/env bash
# Regenerates samples/aramed-sample.csv from the original AraMed sample with Shifa's own commands:
# ingest (AraMed layout: no doctor-name columns, no "Wrong Answer"; personal data scrubbed) then CSV export.
# Usage: samples/make-sample.sh PATH/TO/Sample_AraMed.csv
set -euo pipefail

original="${1:?usage: $0 PATH/TO/Sample_AraMed.csv}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# SHIFA may name an already built shifa executable; otherwise the CLI is built and run from source.
shifa() {
  if [[ -n "${SHIFA:-}" ]]; then "$SHIFA" "$@"; else dotnet run --project "$repo/src/Shifa.Cli" -c Release -- "$@"; fi
}

shifa ingest "$original" --workspace "$work/ws" --source aramed --scrub-pii \
  --licence "MIT (c) 2022 Waadtss; text originally from Altibbi"
shifa export --workspace "$work/ws" --format csv --split all --out "$repo/samples/aramed-sample.csv"
