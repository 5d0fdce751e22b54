#!/usr/bin/env bash
# Install the Debian packages zprime needs (when missing) and build it into build/.
#   bash scripts/setup.sh            # packages + release build (incremental after the first run)
#   bash scripts/setup.sh --notebook # also Jupyter (notebook, ipykernel, nbconvert) for the kernel
set -euo pipefail
cd "$(dirname "$0")/.."
PKGS="cmake make gcc pkg-config liblua5.4-dev lua5.4 libgsl-dev libreadline-dev lua-busted gnuplot-nox tmux lua-cjson lua-yaml lua-argparse git parallel"
if [ "${1:-}" = "--notebook" ]; then
  PKGS="$PKGS jupyter-notebook python3-ipykernel python3-nbconvert jupyter-nbconvert python3-jupyter-client"
fi
missing=""
for p in $PKGS; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "installing:$missing"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
# Configure once, in Release; later runs only build what changed (cmake re-runs its own
# configure step when CMakeLists.txt changes).
if ! grep -qs '^CMAKE_BUILD_TYPE:STRING=Release$' build/CMakeCache.txt; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build -j"$(nproc)"
