#!/bin/sh
# Creates the application's database (separate from Temporal's) unless it exists.
# Run by the one-shot `app-db-init` service with libpq's PGHOST/PGUSER/PGPASSWORD; the api and the
# worker create the tables (migrations at start-up).
set -eu

: "${APP_DATABASE:=call_scheduler}"

exists=$(psql -d postgres -v ON_ERROR_STOP=1 -tAc "SELECT 1 FROM pg_database WHERE datname = '$APP_DATABASE'")
if [ "$exists" = 1 ]; then
  echo "Database $APP_DATABASE already exists"
else
  createdb "$APP_DATABASE"
  echo "Database $APP_DATABASE created"
fi
