#!/usr/bin/env bash
# Checks on a running node that a rebuild of the views interrupts nobody (docs/operations.md, "Rebuilding"):
# starts a rebuild, then writes (an unanswered question) and reads (the deliberation's counts) in a loop until the
# rebuild is done, and fails if a write was refused or a read showed fewer unanswered comments than had been
# acknowledged before it. The questions stay in the ledger: run it on a test deliberation.
#
#   scripts/online-rebuild-check.sh BASE_URL ADMIN_USER:PASSWORD DELIBERATION_ID AUTHOR_ID [DRAFT_VERSION]
#   scripts/online-rebuild-check.sh http://localhost:8080 admin:secret drill-1 m1
#
# The admin account must be allowed to raise comments in the deliberation (its secretariat, or an admin).
set -euo pipefail

BASE="${1:?base URL}"; AUTH="${2:?user:password}"; D="${3:?deliberation id}"; AUTHOR="${4:?author id}"
VERSION="${5:-1}"
curl_() { curl -sS -u "$AUTH" "$@"; }

unanswered() { curl_ "$BASE/api/deliberations/$D" | jq -e '.. | .unansweredComments? // empty' | head -1; }

expected=$(unanswered)
echo "before: $expected unanswered"
state=$(curl_ -X POST "$BASE/api/admin/rebuild" | jq -r .state)
[ "$state" = RUNNING ] || { echo "the rebuild did not start: $state" >&2; exit 1; }
run="$(date +%s)"; writes=0; refused=0; short=0
while :; do
  progress=$(curl_ "$BASE/api/admin/rebuild")
  state=$(jq -r .state <<<"$progress")
  [ "$state" = RUNNING ] || break
  writes=$((writes + 1))
  code=$(curl_ -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -X POST \
    "$BASE/api/deliberations/$D/comments" \
    -d "{\"commentId\":\"rebuild-check-$run-$writes\",\"authorId\":\"$AUTHOR\",\"draftVersion\":$VERSION,\"kind\":\"QUESTION\",\"text\":\"Online rebuild check $writes\"}")
  if [ "${code:0:1}" = 2 ]; then expected=$((expected + 1)); else refused=$((refused + 1)); echo "write refused: $code" >&2; fi
  shown=$(unanswered || echo 0)
  if [ "$shown" -lt "$expected" ]; then short=$((short + 1)); echo "read short: $shown < $expected" >&2; fi
  echo "$(jq -r '"\(.phase) \(.eventsDone)/\(.eventsTotal) events, \(.eventsPerSecond)/s, ETA \(.etaSeconds) s"' <<<"$progress"); writes $writes"
done
echo "rebuild $state after $writes writes: $refused refused, $short short reads"
[ "$state" = DONE ] && [ "$refused" = 0 ] && [ "$short" = 0 ]
