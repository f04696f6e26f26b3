#!/bin/sh
# Creates Temporal's two databases and brings their schemas to the version this image ships.
# Run by the one-shot `temporal-admin-tools` service; safe to re-run: an existing database is kept,
# setup-schema does nothing on an initialised database and update-schema applies only newer versions.
set -eu

: "${POSTGRES_HOST:=postgresql}"
: "${POSTGRES_PORT:=5432}"
: "${POSTGRES_USER:?}"
: "${SQL_PASSWORD:?}" # read by temporal-sql-tool itself

SCHEMA_ROOT=/etc/temporal/schema/postgresql/v12

sql_tool() {
  temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_HOST" -p "$POSTGRES_PORT" -u "$POSTGRES_USER" "$@"
}

for db in temporal:temporal temporal_visibility:visibility; do
  name="${db%%:*}"
  schema="${db#*:}"
  echo "Temporal database $name: create, setup, migrate"
  sql_tool --db "$name" create
  sql_tool --db "$name" setup-schema -v 0.0
  sql_tool --db "$name" update-schema -d "$SCHEMA_ROOT/$schema/versioned"
done

echo "Temporal databases ready"
