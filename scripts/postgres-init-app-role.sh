#!/usr/bin/env bash
# docker-compose.yml mounts this into the postgres image's /docker-entrypoint-initdb.d: on a new data volume it creates
# the application's role next to the owner (POSTGRES_USER), which owns the database and every table Flyway creates.
# The grants themselves are Shingi's, after each migration (docs/operations.md, "Two roles").
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v app="$SHINGI_APP_USER" -v password="$SHINGI_APP_PASSWORD" -v db="$POSTGRES_DB" <<'SQL'
CREATE ROLE :"app" LOGIN PASSWORD :'password';
REVOKE CREATE, TEMPORARY ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO :"app";
GRANT :"app" TO CURRENT_USER;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
