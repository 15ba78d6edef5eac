#!/usr/bin/env bash
# Puts the `marketsim` command on PATH for the current user (no root needed); needs the .NET 10 SDK.
#   bash scripts/install.sh                  # PREFIX defaults to $HOME/.local
#   PREFIX=/opt/marketsim bash scripts/install.sh
# Publishes the CLI (Release, self-contained for this machine) into PREFIX/lib/marketsim and writes
# PREFIX/bin/marketsim, a small wrapper that runs it. Run it again to update. It never replaces a
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
# A build folder of its own: an incremental publish over the repository's obj/ left by a different kind of
# publish (framework-dependent ReadyToRun, say) can mix their compiled files into a command that aborts.
artifacts="$prefix/lib/.marketsim.build-$$"
trap 'rm -rf "$staging" "$artifacts"' EXIT
# Compiled ahead of time for this machine's runtime identifier, self-contained, with the command, its
# libraries and the .NET runtime in one composite ReadyToRun image: the command and its embedded silo start
# with far less JIT work (a 1,000-run command takes about a quarter less time than with ReadyToRun on the
# shared runtime, and half the CPU of the JIT build; docs/performance.md). It takes a few minutes to publish
# and about 300 MB on disk.
rid=$("$dotnet" --info 2>/dev/null | awk '/^ *RID:/ {print $2; exit}')
if [ -n "$rid" ]; then
  echo "== publishing src/Simulator (Release, self-contained, composite ReadyToRun for $rid) to $lib; this takes a few minutes"
  if ! dotnet publish src/Simulator -c Release -r "$rid" --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true --artifacts-path "$artifacts" -o "$staging" --nologo -v quiet; then
    echo "== ReadyToRun publish failed; publishing without it (slower start-up, same results)"
    rm -rf "$staging"
    rid=""
  fi
fi
if [ -z "$rid" ]; then
  echo "== publishing src/Simulator (Release) to $lib"
  dotnet publish src/Simulator -c Release --artifacts-path "$artifacts" -o "$staging" --nologo -v quiet
fi
[ -f "$staging/marketsim.dll" ] || fail "dotnet publish did not produce marketsim.dll"
if [ -n "$rid" ] && [ ! -x "$staging/marketsim" ]; then fail "dotnet publish did not produce the marketsim executable"; fi
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
  if [ -n "$rid" ]; then
    printf 'exec %q "$@"\n' "$lib/marketsim"
  else
    printf 'exec %q %q "$@"\n' "$dotnet" "$lib/marketsim.dll"
  fi
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
