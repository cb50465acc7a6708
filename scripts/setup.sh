#!/usr/bin/env bash
# Installs what running and testing the extension need on a Debian machine, idempotently:
# the Debian packages (Chromium drives the workbench; ripgrep stands in for the binary code-server
# would download; the -dev packages build code-server's native modules), the npm dependencies,
# and code-server 4.100.3 (VS Code 1.100.3) cached in .cache/.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: apt-get install ${missing[*]}"
  sudo=(); [[ $(id -u) -ne 0 ]] && sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if ((node_major < 20)); then
  echo "setup: Node.js 20 or newer is required (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

# npm ci on a clean clone, in CI, or when the lock file changed since the last install.
if [[ "${CI:-}" == "true" || ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
fi

node scripts/setupCodeServer.mjs
