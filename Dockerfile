# syntax=docker/dockerfile:1
# Rehearse production image: multi-stage, production dependencies only, non-root, data in /data.
# The base is a build argument so it can be swapped for a mirrored or locally built image
# (scripts/verify-image.sh builds a stand-in where no registry is reachable).
ARG NODE_IMAGE=node:20-bookworm-slim
# Local models baked into the image (`--build-arg MODELS=whisper,embeddings`, or one of them):
# fetched at build time by `npm run models:download` into /app/models (the build needs to reach
# the hub, or MODELS_BASE_URL: a mirror). Empty (the default): no models in the image; put them
# in /data/models or use a remote transcriber.
ARG MODELS=

# --- build: all dependencies, compile TypeScript, then drop the development dependencies ------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Optional CA bundle for a TLS-intercepting proxy between the build and the npm registry
# (mount it with the build and name it here); empty means Node's own CAs.
ARG NODE_EXTRA_CA_CERTS=
# better-sqlite3 compiles from source when no prebuilt binary can be downloaded.
RUN if ! command -v g++ >/dev/null; then apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*; fi
COPY package.json package-lock.json .npmrc ./
# The Node image ships its headers in /usr/local/include/node: node-gyp uses them instead of
# downloading them (which needs nodejs.org).
RUN if [ -d /usr/local/include/node ]; then export npm_config_nodedir=/usr/local; fi \
 && npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# Then drop the development dependencies, the compiler leftovers of a better-sqlite3 source
# build, the native binaries of other platforms that onnxruntime-node (~220 MB) and
# sodium-native ship (only this platform/architecture's are ever loaded), and source maps and
# type declarations (~90 MB, never read at run time).
ARG MODELS
ARG MODELS_BASE_URL=https://huggingface.co
RUN mkdir -p /app/models \
 && if [ -n "$MODELS" ]; then \
      WHISPER_MODEL_DIR=/app/models EMBEDDINGS_MODEL_DIR=/app/models MODELS_BASE_URL="$MODELS_BASE_URL" \
      npx tsx src/models/cli.ts --only "$MODELS"; \
    fi
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && find node_modules -type f \( -name '*.map' -o -name '*.d.ts' -o -name '*.d.mts' -o -name '*.d.cts' \) -delete \
 && rm -rf node_modules/better-sqlite3/build/Release/obj* node_modules/better-sqlite3/build/Release/.deps node_modules/better-sqlite3/deps node_modules/better-sqlite3/src \
 && here="$(node -p 'process.platform + "/" + process.arch')" \
 && for d in node_modules/onnxruntime-node/bin/napi-v*/*/*; do case "$d" in */"$here") ;; *) rm -rf "$d" ;; esac; done \
 && for d in node_modules/sodium-native/prebuilds/*; do case "$d" in */"${here%/*}-${here#*/}") ;; *) rm -rf "$d" ;; esac; done \
 && npm cache clean --force

# --- runtime: Node, the compiled app, production node_modules; runs as `node` -------------------
FROM ${NODE_IMAGE} AS runtime
ARG MODELS
# With baked models the app reads them from /app/models; without, the default ($DATA_DIR/models).
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    LOG_FORMAT=json \
    WHISPER_MODEL_DIR=${MODELS:+/app/models} \
    EMBEDDINGS_MODEL_DIR=${MODELS:+/app/models}
WORKDIR /app
# Code is owned by root and read-only to the app user; only /data is writable.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY views ./views
COPY public ./public
COPY migrations ./migrations
COPY --from=build /app/models ./models
RUN mkdir -p /data && chown node:node /data
USER node
# The SQLite database (and its -wal/-shm), the generated session secret, backups, recordings.
VOLUME ["/data"]
EXPOSE 3000
# server.ts handles SIGTERM: /ready turns 503, WebSockets get 1001, in-flight requests finish
# (SHUTDOWN_GRACE_MS, default 10 s — give `docker stop -t` more than that), the database closes.
STOPSIGNAL SIGTERM
# Liveness (/health); point a load balancer's readiness check at /ready.
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Migrations are applied at start-up by the app itself (back up /data before an upgrade).
# A 64 MB young generation: see bench/support/server-flags.ts (the same flags as `npm start`).
CMD ["node", "--max-semi-space-size=64", "dist/src/server.js"]
