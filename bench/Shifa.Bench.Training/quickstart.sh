#!/usr/bin/env bash
# Quickstart as a user runs it: ingest the bundled sample, split it, train shifa-tiny, print the summary
# (final train/validation loss next to the unigram entropy of the training answers, tokens/s, wall time).
set -euo pipefail
cd "$(dirname "$0")/../.."
ws="${1:-$(mktemp -d)}"
dotnet build src/Shifa.Cli -c Release -v quiet -nologo >/dev/null
shifa() { dotnet src/Shifa.Cli/bin/Release/net10.0/shifa.dll "$@"; }
shifa ingest samples/aramed-sample.csv --workspace "$ws" | tail -1
shifa split --workspace "$ws" | tail -1
time shifa train --workspace "$ws" --base shifa-tiny | tail -1
