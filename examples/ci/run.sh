#!/bin/sh
# mlci from any CI (Buildkite, CircleCI, Drone, a cron job) or a laptop: the same chain a pull
# request runs on GitHub Actions. Buildkite and CircleCI are detected; elsewhere say where to post:
#   MLCI_POST_FLAGS="--repo OWNER/NAME --pr 12 --sha $(git rev-parse HEAD)" GITHUB_TOKEN=... ./run.sh
# (or --token-file FILE instead of GITHUB_TOKEN; never the token itself on the command line).
# The mlci lines are run as written by test/cli-ci-examples.test.ts.
set -u
command -v mlci >/dev/null || npm install -g mlci@1
git fetch --no-tags origin +refs/heads/main:refs/heads/main 2>/dev/null || true

status=0
mlci validate --data data/penguins.csv --schema schema.yml --reference git:main || status=$?
mlci train --run "node train.mjs --data data/penguins.csv --params params.yaml --out eval" --cache-inputs train.mjs,data/penguins.csv,params.yaml --outputs eval/ --metrics eval/metrics.json --params params.yaml || status=$?
mlci compare --baseline git:main --gates gates.yml --plots plots.yml || status=$?
# Posted whatever happened above: a failed step has written its failing section.
mlci report --title "Penguins model" --post ${MLCI_POST_FLAGS:-} || status=$?
exit "$status"
