#!/usr/bin/env bash
# Static checks of docker-compose.yml and the Dockerfile; needs no Docker engine.
#  - `docker-compose config -q` parses and interpolates the compose file (POSTGRES_PASSWORD set to a dummy);
#  - every service of the topology is there;
#  - every host file the compose file mounts exists, and the deploy scripts parse (sh -n);
#  - every build target the compose file names is a stage of the Dockerfile;
#  - every workspace's package.json is copied into the Dockerfile's dependency stage.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() {
  echo "check-compose: $*" >&2
  exit 1
}

if command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
elif docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
else
  fail "docker-compose is not installed (Debian: apt-get install -y docker-compose; or the Docker Compose v2 plugin)"
fi

export POSTGRES_PASSWORD=check-compose-dummy PROVIDER_WEBHOOK_SECRET=check-compose-dummy
compose_config() { "${compose[@]}" -f docker-compose.yml "$@"; }

compose_config config -q || fail "docker-compose.yml does not validate"

required_services=(
  postgresql temporal-admin-tools temporal temporal-create-namespace temporal-ui
  app-db-init mock-provider api worker web
)
services=$(compose_config config --services)
for service in "${required_services[@]}"; do
  grep -qx -- "$service" <<<"$services" || fail "docker-compose.yml has no service \"$service\""
done

# The scalable worker must not pin a container name or a host port.
worker=$(compose_config config | awk '/^  worker:$/ { on = 1; next } /^  [^ ]/ { on = 0 } on')
if grep -qE '^    (container_name|ports):' <<<"$worker"; then
  fail "the worker service sets container_name or ports, so it cannot be scaled"
fi

# Bind mounts: "./deploy/x:/in/container[:ro]" in the compose file.
while read -r source; do
  [ -e "$source" ] || fail "docker-compose.yml mounts $source, which does not exist"
done < <(grep -oE '^\s+- \./[^:]+' docker-compose.yml | sed -E 's/^\s+- //')

for script in deploy/*/*.sh; do
  sh -n "$script" || fail "$script does not parse"
done

[ -f Dockerfile ] || fail "no Dockerfile"
stages=$(grep -ioE '^FROM\s+\S+\s+AS\s+\S+' Dockerfile | awk '{ print $NF }')
targets=$(compose_config config | awk '
  /^    build:/ { build = 1; next }
  build && !/^      / { build = 0 }
  build && /^      target:/ { print $2 }' | sort -u)
[ -n "$targets" ] || fail "docker-compose.yml builds no Dockerfile target"
for target in $targets; do
  grep -qx -- "$target" <<<"$stages" || fail "docker-compose.yml builds target \"$target\", which the Dockerfile lacks"
done

# COPY sources from the build context (not --from=stage) must exist.
while read -r source; do
  [ -e "$source" ] || fail "the Dockerfile copies $source, which does not exist"
done < <(grep -E '^COPY\s' Dockerfile | grep -v -- '--from=' | awk '{ for (i = 2; i < NF; i++) if ($i !~ /^--/) print $i }' | grep -vx '\.')

for workspace in $(node -p "require('./package.json').workspaces.join('\n')"); do
  grep -qE "^COPY\s+$workspace/package.json\s" Dockerfile \
    || fail "the Dockerfile does not copy $workspace/package.json before npm ci (workspace listed in package.json)"
done

echo "check-compose: docker-compose.yml and Dockerfile OK (services: $(paste -sd ' ' <<<"$services"); targets: $(paste -sd ' ' <<<"$targets"))"
