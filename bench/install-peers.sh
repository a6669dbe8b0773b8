#!/usr/bin/env bash
# Installs the peers the benchmarks compare against into bench/.peers, outside xacct's dependencies:
# @cloud-copilot/iam-simulate is AGPL and s3rver is only a yardstick, so neither may become a dependency.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p .peers
[ -f .peers/package.json ] || echo '{"name":"xacct-bench-peers","private":true}' > .peers/package.json
npm install --prefix .peers --no-save --no-audit --no-fund @cloud-copilot/iam-simulate s3rver >/dev/null
echo "peers installed in bench/.peers"
