#!/usr/bin/env bash
# Makes TorchSharp's glue library (libLibTorchSharp.so, built against GCC 13's libstdc++) load on systems
# whose libstdc++ lacks GLIBCXX_3.4.32 (Debian 12). It needs that version for one symbol only,
# std::ios_base_library_init(), so each copy given here is patched to take that symbol from a small shim
# placed beside it, and its need for GLIBCXX_3.4.32 is marked weak so the loader does not insist on it.
# Usage: patch-libtorchsharp.sh BUILD_DIR LIBRARY...   (called by build/TorchSharpNativeFix.targets)
# Idempotent: a copy that already needs the shim is left alone. A no-op where libstdc++ is new enough.
set -euo pipefail

symbol=_ZSt21ios_base_library_initv
version=GLIBCXX_3.4.32
shim=libshifa_glibcxx_shim.so
here=$(cd "$(dirname "$0")" && pwd)
build_dir=$1; shift

# The loader's libstdc++.so.6, as ldconfig resolves it for this machine.
system_libstdcxx=$(PATH="$PATH:/sbin:/usr/sbin" ldconfig -p 2>/dev/null \
  | awk '/libstdc\+\+\.so\.6 .*x86-64/ { print $NF; exit }' || true)
if [[ -n "$system_libstdcxx" ]] && grep -qa "$version" "$system_libstdcxx"; then
  exit 0
fi

missing=()
for tool in gcc g++ patchelf; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if ((${#missing[@]})); then
  echo "error: TorchSharp needs $version, which this system's libstdc++ (${system_libstdcxx:-not found}) lacks;" \
       "the build patches around it but needs: ${missing[*]}. Install with: sudo apt-get install -y patchelf g++" >&2
  exit 3
fi

# Build the shim and the flag tool once; rename into place so parallel project builds never see half a file.
mkdir -p "$build_dir"
if [[ ! -f "$build_dir/$shim" || "$here/glibcxx_shim.cpp" -nt "$build_dir/$shim" ]]; then
  g++ -shared -fPIC -O2 -o "$build_dir/$shim.$$" "$here/glibcxx_shim.cpp"
  mv -f "$build_dir/$shim.$$" "$build_dir/$shim"
fi
if [[ ! -x "$build_dir/vernaux_weak" || "$here/vernaux_weak.c" -nt "$build_dir/vernaux_weak" ]]; then
  gcc -O2 -Wall -Werror -o "$build_dir/vernaux_weak.$$" "$here/vernaux_weak.c"
  mv -f "$build_dir/vernaux_weak.$$" "$build_dir/vernaux_weak"
fi

for lib in "$@"; do
  dir=$(dirname "$lib")
  cmp -s "$build_dir/$shim" "$dir/$shim" || { cp -f "$build_dir/$shim" "$dir/$shim.$$"; mv -f "$dir/$shim.$$" "$dir/$shim"; }
  if patchelf --print-needed "$lib" | grep -qx "$shim"; then
    continue
  fi
  # Patch a private copy, then rename over the original: an interrupted build leaves either state, never half.
  work="$lib.patch.$$"
  cp -f "$lib" "$work"
  patchelf --clear-symbol-version "$symbol" "$work"
  patchelf --add-needed "$shim" "$work"
  "$build_dir/vernaux_weak" "$work" "$version"
  mv -f "$work" "$lib"
  echo "patched $lib for $version"
done
