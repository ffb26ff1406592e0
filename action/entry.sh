#!/usr/bin/env bash
# The steps of action.yml (the GitHub Action at the repository root).
#   build    builds dist/cli.js in the action's own directory ($GITHUB_ACTION_PATH),
#            from the action's ref and its package-lock.json: never from the tree under review
#   fetch    fetches refs/notes/* and, when missing, the base commit and history
#   summary  appends `ai-provenance report` to $GITHUB_STEP_SUMMARY
#   gate     runs `ai-provenance gate --format github`; sets the output passed=true|false
#   carry    on a push: `notes carry --auto` for the pushed commits, then pushes the notes
set -euo pipefail

action_dir=${GITHUB_ACTION_PATH:?this script runs as a step of action.yml}
cli="$action_dir/dist/cli.js"

range() {
  base=${AIP_BASE:-${AIP_EVENT_BASE:-}}
  head=${AIP_HEAD:-${AIP_EVENT_HEAD:-HEAD}}
  # A push (e.g. a merged pull request reaching main) has nothing to gate unless a base is given: the carry step runs.
  if [ -z "$base" ] && [ "${GITHUB_EVENT_NAME:-}" = push ]; then
    exit 0
  fi
  if [ -z "$base" ]; then
    echo "::error title=AI Provenance::no base to compare with: outside a pull request, set the action's base input (e.g. base: origin/main)"
    exit 2
  fi
}

case "${1:-}" in
  build)
    cd "$action_dir"
    node -e 'if (Number(process.versions.node.split(".")[0]) < 20) { console.error(`::error title=AI Provenance::Node 20 or newer is needed, found ${process.version} (use actions/setup-node)`); process.exit(1); }'
    # --ignore-scripts: no dependency runs code at install; the build needs none of their scripts.
    # A runner that kept this action's directory (same ref, same lock file) reuses the install.
    lock=$(sha256sum package-lock.json | cut -d' ' -f1)
    if [ "$(cat node_modules/.ai-provenance-action-lock 2>/dev/null)" != "$lock" ]; then
      npm ci --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error
      echo "$lock" >node_modules/.ai-provenance-action-lock
    fi
    # Always built from the action's own sources: never a dist/ found lying around.
    rm -rf dist
    node esbuild.mjs --production >/dev/null
    node "$cli" --version
    ;;
  fetch)
    range
    if [ "$(git rev-parse --is-shallow-repository)" = true ]; then
      git fetch --no-tags --quiet --unshallow origin || echo "::warning title=AI Provenance::could not fetch the whole history"
    fi
    if ! git rev-parse -q --verify "$base^{commit}" >/dev/null; then
      git fetch --no-tags --quiet origin "$base" || true
    fi
    if [ "${AIP_FETCH_NOTES:-true}" = true ]; then
      # Into refs/remote-notes/origin/, then merged into the local notes: nothing local is ever overwritten.
      node "$cli" notes sync origin --no-push >/dev/null || echo "::notice title=AI Provenance::no notes fetched from origin"
    fi
    ;;
  summary)
    range
    [ "${AIP_SUMMARY:-true}" = true ] || exit 0
    # The summary informs; only the gate decides.
    if ! node "$cli" report --base "$base" --head "$head" --config-from "${AIP_CONFIG_FROM:-base}" >>"${GITHUB_STEP_SUMMARY:-/dev/stdout}"; then
      echo "::warning title=AI Provenance::the report could not be written"
    fi
    ;;
  gate)
    range
    status=0
    node "$cli" gate --base "$base" --head "$head" --config-from "${AIP_CONFIG_FROM:-base}" --format github || status=$?
    case $status in
      0) echo "passed=true" >>"${GITHUB_OUTPUT:-/dev/null}" ;;
      1) echo "passed=false" >>"${GITHUB_OUTPUT:-/dev/null}" ;;
    esac
    exit "$status"
    ;;
  carry)
    [ "${GITHUB_EVENT_NAME:-}" = push ] && [ "${AIP_CARRY:-true}" = true ] || exit 0
    before=${AIP_PUSH_BEFORE:-}
    after=${AIP_PUSH_AFTER:-HEAD}
    if [ -z "$before" ] || [ -z "${before//0/}" ]; then
      echo "::notice title=AI Provenance::a new branch: no earlier commit to compare with, nothing carried"
      exit 0
    fi
    if [ "$(git rev-parse --is-shallow-repository)" = true ]; then
      git fetch --no-tags --quiet --unshallow origin || echo "::warning title=AI Provenance::could not fetch the whole history"
    fi
    node "$cli" notes sync origin --no-push
    node "$cli" notes carry --auto --before "$before" --after "$after" --remote origin
    # Retries when someone pushed notes meanwhile; a failure fails the step (the carried notes would be lost).
    node "$cli" notes sync origin
    ;;
  *)
    echo "usage: entry.sh build|fetch|summary|gate|carry" >&2
    exit 2
    ;;
esac
