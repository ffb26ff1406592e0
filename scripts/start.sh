#!/usr/bin/env bash
# `npm start`: the AI Provenance demo in a real VS Code, in your browser.
#
# `npm start` first runs scripts/setup/main.mjs, which installs what is missing
# (Debian packages, npm packages, the cached editor). This script then builds
# and packages the extension and hands over to scripts/start.ts, which makes the
# demo workspace and runs the editor in the foreground until Ctrl-C.
#
#   npm start                        # http://127.0.0.1:8080/
#   npm start -- --port 9000         # or AI_PROVENANCE_DEMO_PORT=9000 npm start
#   npm start -- --verbose           # also show code-server's own output
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { echo "[start] $*"; }
fail() {
  echo "[start] $*" >&2
  exit 1
}

say "building and packaging the extension (npm run package)…"
mkdir -p .demo
if ! npm run --silent package >.demo/package.log 2>&1; then
  tail -n 30 .demo/package.log >&2
  fail "npm run package failed; its whole output is in .demo/package.log"
fi
vsix_line="$(grep -o 'Packaged: .*' .demo/package.log || true)"
say "${vsix_line:-packaged}"

# The bundle sits three folders below the repository, as compiled test helpers
# do, because test/host/repoRoot.ts finds the repository from its own folder.
# demoSignOff runs as a process of its own, next to the bundle (demoHistory looks for it in its own folder).
node_modules/.bin/esbuild start=scripts/start.ts demoSignOff=scripts/e2e/demoSignOff.ts --bundle --platform=node --format=cjs --target=node20 \
  --packages=external --outdir=out/scripts/start --log-level=warning
say "ready after ${SECONDS} s"
exec node out/scripts/start/start.js "$@"
