#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine that has the .NET 10 SDK.
# Checks formatting, installs what the tests need when it is not on PATH (Debian's chromium for the
# report's browser test, redis-server for the cluster tests, which start private Redis servers of their
# own on loopback ports), then prints a one-line count ("N passed, N failed") after dotnet test's own summary.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; else sudo=""; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]} (Debian packages): the report's browser test and the cluster tests need them"
  apt_install "${missing[@]}"
fi

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
