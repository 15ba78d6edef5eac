#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine that has the .NET 10 SDK.
# Checks formatting, installs what the tests need (nothing beyond NuGet packages yet), then prints a
# one-line count ("N passed, N failed") after dotnet test's own summary.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== dotnet format --verify-no-changes"
dotnet format MarketSim.sln --verify-no-changes

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test MarketSim.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "tests: ${passed} passed, ${failed} failed"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
