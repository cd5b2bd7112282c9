#!/usr/bin/env bash
# Install SBERT Desktop on a Debian/Ubuntu machine with Python 3.11:
#   - the system libraries Qt needs (offscreen and under X/Xvfb) and a CJK font for Korean text;
#   - a virtual environment in .venv with torch (CPU build, pinned), the app and its bundled model.
# Usage: bash scripts/setup.sh [--test]   (--test adds pytest, pytest-qt and sentence-transformers;
#   both install the [korean] extra, kiwipiepy, for Korean keyword labels, and the [fast] extra,
#   ONNX Runtime, for the Model page's int8 precision)
# Re-running is cheap: apt runs only when a package is missing, pip only installs what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

# [korean]: the Kiwi analyser for Korean keyword labels; [fast]: ONNX Runtime for int8
# (both optional for pip users, installed here)
extras="[korean,fast]"
[ "${1:-}" = "--test" ] && extras="[korean,fast,test]"

apt_packages=(
  libegl1 libgl1 libfontconfig1 libglib2.0-0 libdbus-1-3 libxkbcommon0
  xvfb libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0 fonts-noto-cjk
)
if command -v apt-get >/dev/null 2>&1; then
  missing=()
  for pkg in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "setup: installing system packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  echo "setup: not a Debian system; install Qt's system libraries with your package manager" >&2
fi

python=${PYTHON:-$(command -v python3.11 || command -v python3)}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $python"
  "$python" -m venv .venv
fi
pip=(.venv/bin/python -m pip install -q --disable-pip-version-check)
# torch first and pinned: a bare "torch" requirement would pull a multi-GB CUDA build.
# Set TORCH_INDEX_URL to a CPU wheel index on machines whose default index serves CUDA builds.
"${pip[@]}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"} "torch==2.13.0"
"${pip[@]}" -e ".${extras}"
# the Korean translation of the window (resources/i18n/*.ts -> .qm; a built .qm is also shipped)
for ts in resources/i18n/*.ts; do
  [ -x .venv/bin/pyside6-lrelease ] && .venv/bin/pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm" || true
done
echo "setup: done (.venv/bin/sbert-desktop)"
