#!/usr/bin/env bash
# Puts the `marketsim` command on PATH for the current user (no root needed); needs the .NET 10 SDK.
#   bash scripts/install.sh                  # PREFIX defaults to $HOME/.local
#   PREFIX=/opt/marketsim bash scripts/install.sh
# Publishes the CLI (Release) into PREFIX/lib/marketsim and writes PREFIX/bin/marketsim, a small
# wrapper that runs it with the dotnet found now. Run it again to update. It never replaces a
# PREFIX/bin/marketsim or a PREFIX/lib/marketsim that it did not write itself (it recognises its own
# by a marker line), and the old install stays in place until the new one is complete.
set -euo pipefail
cd "$(dirname "$0")/.."

prefix="${PREFIX:-$HOME/.local}"
case "$prefix" in /*) ;; *) prefix="$PWD/$prefix" ;; esac
bin="$prefix/bin"
lib="$prefix/lib/marketsim"
wrapper="$bin/marketsim"
marker="# written by MarketSim scripts/install.sh"
lib_marker="$lib/.installed-by-marketsim"

fail() {
  echo "install.sh: $*" >&2
  exit 2
}

dotnet=$(command -v dotnet) || fail "the .NET 10 SDK is needed: 'dotnet' is not on PATH"

if [ -L "$wrapper" ] || { [ -e "$wrapper" ] && ! grep -qxF "$marker" "$wrapper"; }; then
  fail "$wrapper already exists and was not written by this script; not replacing it (move it away, or choose another PREFIX)"
fi
if [ -e "$lib" ] && [ ! -e "$lib_marker" ]; then
  fail "$lib already exists and was not written by this script; not replacing it (move it away, or choose another PREFIX)"
fi

mkdir -p "$bin" "$prefix/lib"
staging="$prefix/lib/.marketsim.partial-$$"
trap 'rm -rf "$staging"' EXIT
# ReadyToRun (code compiled ahead of time for this machine's runtime identifier) starts the command and
# its embedded silo with far less JIT work: a third less CPU for 1,000 runs (docs/performance.md).
rid=$("$dotnet" --info 2>/dev/null | awk '/^ *RID:/ {print $2; exit}')
if [ -n "$rid" ]; then
  echo "== publishing src/Simulator (Release, ReadyToRun for $rid) to $lib"
  if ! dotnet publish src/Simulator -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$staging" --nologo -v quiet; then
    echo "== ReadyToRun publish failed; publishing without it (slower start-up, same results)"
    rm -rf "$staging"
    rid=""
  fi
fi
if [ -z "$rid" ]; then
  echo "== publishing src/Simulator (Release) to $lib"
  dotnet publish src/Simulator -c Release -o "$staging" --nologo -v quiet
fi
[ -f "$staging/marketsim.dll" ] || fail "dotnet publish did not produce marketsim.dll"
echo "$marker" >"$staging/.installed-by-marketsim"

if [ -e "$lib" ]; then
  old="$prefix/lib/.marketsim.old-$$"
  mv "$lib" "$old"
  mv "$staging" "$lib"
  rm -rf "$old"
else
  mv "$staging" "$lib"
fi

tmp="$wrapper.tmp-$$"
{
  echo '#!/usr/bin/env bash'
  echo "$marker"
  echo "# Runs the MarketSim CLI installed in $lib. Re-run scripts/install.sh to update."
  printf 'exec %q %q "$@"\n' "$dotnet" "$lib/marketsim.dll"
} >"$tmp"
chmod 755 "$tmp"
mv "$tmp" "$wrapper"
echo "== installed $wrapper"

case ":$PATH:" in
  *":$bin:"*) echo "$bin is on PATH: run 'marketsim --help'" ;;
  *)
    echo "$bin is not on PATH. Add it (then open a new terminal):"
    echo "  echo 'export PATH=\"$bin:\$PATH\"' >> ~/.bashrc"
    ;;
esac
