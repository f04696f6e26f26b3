#!/bin/sh
# Registers the application's namespace, then waits until the frontend serves it, so the API and the
# worker (which start after this job) never see "namespace not found". Safe to re-run.
set -eu

: "${TEMPORAL_ADDRESS:=temporal:7233}"
: "${TEMPORAL_NAMESPACE:=default}"
: "${TEMPORAL_NAMESPACE_RETENTION:=72h}"

tries=0
until temporal operator cluster health --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then
    echo "Temporal at $TEMPORAL_ADDRESS is still not serving after 2 minutes" >&2
    exit 1
  fi
  sleep 2
done

if output=$(temporal operator namespace create --address "$TEMPORAL_ADDRESS" \
  --namespace "$TEMPORAL_NAMESPACE" --retention "$TEMPORAL_NAMESPACE_RETENTION" 2>&1); then
  echo "Namespace $TEMPORAL_NAMESPACE created"
elif echo "$output" | grep -qi "already exists"; then
  echo "Namespace $TEMPORAL_NAMESPACE already exists"
else
  echo "$output" >&2
  exit 1
fi

# A new namespace reaches the frontend's namespace cache within a few seconds.
tries=0
until temporal workflow list --address "$TEMPORAL_ADDRESS" --namespace "$TEMPORAL_NAMESPACE" --limit 1 >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then
    echo "Namespace $TEMPORAL_NAMESPACE is still not served after 2 minutes" >&2
    exit 1
  fi
  sleep 2
done
echo "Namespace $TEMPORAL_NAMESPACE ready"
