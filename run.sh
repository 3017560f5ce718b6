#!/usr/bin/env bash
# AiBench's one entry point on Linux.
#   ./run.sh            install what is missing, build, run the default suite (suites/quick.yaml)
#   ./run.sh test       build and run every test
#   ./run.sh ARGS...    incremental build, then the CLI with ARGS (./run.sh list, ./run.sh run cpu.memory ...)
# The built CLI is always at build/bin/aibench.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"
ROOT=$PWD
BIN="$ROOT/build/bin"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf 'run.sh: %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# System packages: a C toolchain and CMake for native/, OpenBLAS for cpu.gemm, Open MPI for the collectives' shim,
# fonts for chart text. The servers some tests need are not installed here: tests/infra/rgw.sh (Ceph RGW) and
# tests/infra/slurm.sh (Slurm, munge) install their own packages on first use, so ./run.sh stays lean.
APT_PACKAGES=(cmake gcc g++ make liburing-dev libaio-dev libopenblas0 libgomp1 libopenmpi-dev openmpi-bin iproute2 fontconfig fonts-dejavu-core ca-certificates curl chromium)

install_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    command -v apt-get >/dev/null || { say "need ${missing[*]} but apt-get is missing; install them by hand"; exit 3; }
    say "installing ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

install_dotnet() {
  if command -v dotnet >/dev/null && dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then return; fi
  [ -x "$HOME/.dotnet/dotnet" ] && export PATH="$HOME/.dotnet:$PATH" && dotnet --list-sdks | grep -q '^10\.' && return
  say "installing the .NET 10 SDK"
  if command -v apt-get >/dev/null && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq dotnet-sdk-10.0 >/dev/null 2>&1; then return; fi
  # Distributions without a dotnet-sdk-10.0 package: Microsoft's installer script into ~/.dotnet.
  curl -fsSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh \
    || { say "cannot install .NET 10: no dotnet-sdk-10.0 package and the installer is unreachable"; exit 3; }
  bash /tmp/dotnet-install.sh --channel 10.0 --install-dir "$HOME/.dotnet" >/dev/null
  export PATH="$HOME/.dotnet:$PATH"
}

revision() { git -C "$ROOT" rev-parse --short=12 HEAD 2>/dev/null || echo unknown; }

# True when a native library built under build/native is missing beside the CLI (a clone published before the MPI
# shim made it into the first publish has no build/bin/libaibench_mpi.so): publish again.
native_missing() {
  local lib
  for lib in "$ROOT"/build/native/lib*.so; do
    if [ -e "$lib" ] && [ ! -e "$BIN/${lib##*/}" ]; then return 0; fi
  done
  return 1
}

# Publishes the CLI to build/bin when any source is newer than the last build (incremental).
build_cli() {
  local stamp="$BIN/aibench.dll"
  if [ -f "$stamp" ] && ! native_missing && [ -z "$(find src native suites Directory.Build.props Directory.Packages.props -newer "$stamp" -type f -print -quit 2>/dev/null)" ]; then
    return
  fi
  say "building the CLI into build/bin"
  dotnet publish src/AiBench.Cli -c Release -o "$BIN" -p:SourceRevisionId="$(revision)" --nologo -v quiet -clp:ErrorsOnly >&2
  touch "$stamp"
}

run_tests() {
  build_cli
  local log; log=$(mktemp)
  set +e
  dotnet test AiBench.sln -c Release -p:SourceRevisionId="$(revision)" --nologo -v quiet -clp:ErrorsOnly \
    --logger "console;verbosity=normal" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  set -e
  # One plain closing line for CI: "N passed, N failed, N skipped".
  # dotnet test's closing block reads "Passed: N" / "Failed: N" / "Skipped: N", one per line.
  awk '/^ *Passed: *[0-9]+ *$/ { p += $2 } /^ *Failed: *[0-9]+ *$/ { f += $2 } /^ *Skipped: *[0-9]+ *$/ { s += $2 }
       END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
  rm -f "$log"
  return "$rc"
}

install_packages
install_dotnet

case "${1:-}" in
  "")
    build_cli
    exec "$BIN/aibench" run quick
    ;;
  test)
    run_tests
    ;;
  *)
    build_cli
    exec "$BIN/aibench" "$@"
    ;;
esac
