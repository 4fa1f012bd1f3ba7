#!/usr/bin/env bash
# Trains demarche's stance model from roll-call votes and writes it into the stance module's
# resources (stance-model.tsv), printing the leave-one-issue-out cross-validation and the
# reliability of its held-out confidences. Rerunnable; deterministic for a given input.
#   usage: eval/stance-train/train.sh [WORK_DIR]   (default /tmp/demarche-stance-train; needs ../shared)
# Rerun after a change to the features (StanceFeatures) or the detector: delete WORK_DIR/features.tsv.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${1:-/tmp/demarche-stance-train}"
shared="$root/../shared"
mkdir -p "$work"
[ -f "$work/pairs.tsv" ] || python3 "$here/join_votes.py" --shared "$shared" --out "$work/pairs.tsv"
(cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests package >&2)
java -cp "$root/demarche-cli/target/demarche.jar" org.demarche.stance.StanceTrainer \
  --pairs "$work/pairs.tsv" --codebook "$here/codebook.yml" --corpus "$shared/corpora/ungdc" \
  --features "$work/features.tsv" --out "$root/demarche-stance/src/main/resources/org/demarche/stance/stance-model.tsv" \
  --threads "${THREADS:-2}"
