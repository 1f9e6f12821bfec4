#!/usr/bin/env bash
# Sets up the machine, builds, runs every test project and prints one closing line
# `N passed, N failed, N skipped` summed over all projects (read from the TRX result files).
set -uo pipefail
cd "$(dirname "$0")/.."
SHIFA_SETUP_TESTS=1 ./scripts/setup.sh || { echo "0 passed, 1 failed"; exit 1; }

results="$(pwd)/TestResults"
rm -rf "$results"; mkdir -p "$results"
status=0
for proj in tests/*/*.csproj; do
  name=$(basename "$proj" .csproj)
  echo "== $name"
  dotnet test "$proj" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    -- RunConfiguration.TreatNoTestsAsError=false || status=1
  [[ -f "$results/$name.trx" ]] || { echo "$name: no result file (test host crashed?)"; status=1; missing=1; }
done

passed=0; failed=${missing:-0}; skipped=0
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  p=$(get passed); f=$(get failed); e=$(get error); t=$(get total); x=$(get executed)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
  skipped=$((skipped + ${t:-0} - ${x:-0}))
done
((failed > 0)) && status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
