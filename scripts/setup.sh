#!/usr/bin/env bash
# Installs what Shifa needs on Debian 12 beyond the .NET 10 SDK, then restores and builds.
# Safe to re-run: packages already present are not reinstalled.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
want_pkg() { dpkg -s "$1" >/dev/null 2>&1 || need+=("$1"); }
# patchelf + g++: the TorchSharp native fix (see build/TorchSharpNativeFix.targets).
want_pkg patchelf
want_pkg g++
# Fonts with Arabic glyphs for charts and report screenshots.
want_pkg fonts-noto-core
want_pkg fontconfig
if [[ "${SHIFA_SETUP_TESTS:-0}" == "1" ]]; then
  # Browser for the web end-to-end tests and Node for the OpenAI npm client test.
  want_pkg chromium
  command -v node >/dev/null 2>&1 || need+=(nodejs npm)
fi

if ((${#need[@]})); then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  echo "setup: installing ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Shifa.slnx -c Release -v quiet -nologo
