#!/usr/bin/env bash
# Builds the production image without a Docker engine or a reachable image registry, and proves
# that it serves: stand-in base image → `podman build` → exported filesystem → the server started
# from it under chroot, as the image's user with the image's environment → /health and /ready 200
# and the image's own HEALTHCHECK command passes → SIGTERM → clean exit.
#
#   npm run verify-image            (root; Debian: installs podman and debootstrap if missing)
#
# Environment:
#   NODE_IMAGE        base image for both stages (default: a stand-in built here, cached by podman)
#   IMAGE             tag of the image to build (default: localhost/rehearse:verify)
#   VERIFY_IMAGE_DIR  scratch space (default: /var/tmp/rehearse-verify-image)
#   DEBIAN_MIRROR     for debootstrap (default: http://deb.debian.org/debian)
#
# The stand-in base plays the part of node:20-bookworm-slim: Debian bookworm (debootstrap
# --variant=minbase) with this machine's Node (binary, headers and npm) in /usr/local and a
# `node` user with uid 1000. `podman run` does not work on this kind of machine (no container
# runtime privileges), so the image's filesystem is exported and run with chroot instead; the
# network is the host's, so the server listens on 127.0.0.1 and a free port.
set -euo pipefail
cd "$(dirname "$0")/.."

WORK=${VERIFY_IMAGE_DIR:-/var/tmp/rehearse-verify-image}
STANDIN=localhost/rehearse-node-standin:20-bookworm
BASE=${NODE_IMAGE:-$STANDIN}
IMAGE=${IMAGE:-localhost/rehearse:verify}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
ROOTFS=$WORK/image
started=$SECONDS
step() { printf '==> [%4ss] %s\n' "$((SECONDS - started))" "$*"; }
fail() { echo "verify-image: FAILED: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "run as root (debootstrap, chroot and podman's storage need it)"
missing=()
command -v podman >/dev/null || missing+=(podman uidmap fuse-overlayfs)
command -v debootstrap >/dev/null || missing+=(debootstrap)
if ((${#missing[@]})); then
  step "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
mkdir -p "$WORK"

mounted=()
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill -KILL "$server_pid" 2>/dev/null || true; fi
  for m in "${mounted[@]}"; do umount -l "$m" 2>/dev/null || true; done
}
trap cleanup EXIT

# --- 1. the stand-in base image (built once, then cached by podman) --------------------------
if [ "$BASE" = "$STANDIN" ] && ! podman image exists "$STANDIN"; then
  base_root=$WORK/standin-rootfs
  rm -rf "$base_root"
  step "debootstrap --variant=minbase bookworm ($MIRROR)"
  debootstrap --variant=minbase bookworm "$base_root" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 ||
    { tail -20 "$WORK/debootstrap.log"; fail "debootstrap"; }
  node_prefix=$(cd "$(dirname "$(readlink -f "$(command -v node)")")/.." && pwd)
  step "adding this machine's Node $(node --version) from $node_prefix"
  install -D -m 0755 "$node_prefix/bin/node" "$base_root/usr/local/bin/node"
  mkdir -p "$base_root/usr/local/lib/node_modules" "$base_root/usr/local/include"
  cp -a "$node_prefix/lib/node_modules/npm" "$base_root/usr/local/lib/node_modules/"
  cp -a "$node_prefix/include/node" "$base_root/usr/local/include/"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$base_root/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$base_root/usr/local/bin/npx"
  chroot "$base_root" groupadd --gid 1000 node
  chroot "$base_root" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
  rm -rf "$base_root"/var/cache/apt/archives/*.deb "$base_root"/var/lib/apt/lists/* "$base_root"/tmp/*
  step "podman import → $STANDIN"
  tar -C "$base_root" -c . | podman import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["node"]' - "$STANDIN" >/dev/null 2>&1
  rm -rf "$base_root"
else
  step "base image: $BASE (cached)"
fi

# --- 2. the image ------------------------------------------------------------------------------
build_args=(--isolation=chroot --format=docker --layers --build-arg "NODE_IMAGE=$BASE" -t "$IMAGE")
# A TLS-intercepting proxy on the way to the npm registry: hand its CA bundle to npm ci.
if [ -n "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f "$NODE_EXTRA_CA_CERTS" ]; then
  build_args+=(--volume "$NODE_EXTRA_CA_CERTS:/run/extra-ca.crt:ro" --build-arg NODE_EXTRA_CA_CERTS=/run/extra-ca.crt)
fi
step "podman build ${build_args[*]} ."
podman build "${build_args[@]}" . >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log"; fail "podman build (log: $WORK/build.log)"; }
size=$(podman image inspect --format '{{.Size}}' "$IMAGE")
base_size=$(podman image inspect --format '{{.Size}}' "$BASE")
user=$(podman image inspect --format '{{.Config.User}}' "$IMAGE")
stopsignal=$(podman image inspect --format '{{.Config.StopSignal}}' "$IMAGE")
healthcheck=$(podman image inspect --format '{{json .Config.Healthcheck}}' "$IMAGE")
volumes=$(podman image inspect --format '{{json .Config.Volumes}}' "$IMAGE")
printf 'image %s: %d MB (base %d MB, app layers %d MB); user %s; stop signal %s; volumes %s\n' \
  "$IMAGE" "$((size / 1000000))" "$((base_size / 1000000))" "$(((size - base_size) / 1000000))" "$user" "$stopsignal" "$volumes"
[ "$user" = node ] || fail "the image must run as node, not '$user'"
[ "$stopsignal" = SIGTERM ] || fail "STOPSIGNAL is '$stopsignal'"
[ "$healthcheck" != null ] || fail "no HEALTHCHECK in the image"

# --- 3. its filesystem ---------------------------------------------------------------------------
step "podman create + export → $ROOTFS"
rm -rf "$ROOTFS" && mkdir -p "$ROOTFS"
cid=$(podman create --no-healthcheck "$IMAGE")
podman export "$cid" | tar -C "$ROOTFS" -x
podman rm "$cid" >/dev/null
for dev in typescript vitest drizzle-kit autocannon pino-pretty playwright-core; do
  [ ! -e "$ROOTFS/app/node_modules/$dev" ] || fail "development dependency $dev is in the image"
done
for f in dist/src/server.js dist/src/documents/extract-worker.mjs dist/src/speech/whisper-worker.mjs dist/src/coverage/embeddings-worker.mjs dist/src/models/model-worker-runtime.mjs dist/src/ai/prompts/system.md migrations/meta/_journal.json views/layout.eta; do
  [ -e "$ROOTFS/app/$f" ] || fail "$f is missing from the image"
done
echo "no development dependencies; compiled app, workers, prompts, migrations and views present"
du -sh "$ROOTFS/app/node_modules" "$ROOTFS/app/dist" | awk '{ printf "%s %s\n", $2, $1 }' | sed "s|$ROOTFS||"

# --- 4. run it under chroot, as the image would --------------------------------------------------
uid=$(awk -F: -v u="$user" '$1 == u { print $3 }' "$ROOTFS/etc/passwd")
gid=$(awk -F: -v u="$user" '$1 == u { print $4 }' "$ROOTFS/etc/passwd")
workdir=$(podman image inspect --format '{{.Config.WorkingDir}}' "$IMAGE")
mapfile -t image_env < <(podman image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$IMAGE" | sed '/^$/d')
mapfile -t cmd < <(podman image inspect --format '{{range .Config.Cmd}}{{println .}}{{end}}' "$IMAGE" | sed '/^$/d')
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
mount -t proc proc "$ROOTFS/proc" && mounted+=("$ROOTFS/proc")
mount --bind /dev "$ROOTFS/dev" && mounted+=("$ROOTFS/dev")
# The /data volume: a fresh directory owned by the image's user, like a new named volume.
rm -rf "${ROOTFS:?}/data" && mkdir -p "$ROOTFS/data" && chown "$uid:$gid" "$ROOTFS/data"
run_env=(env -i "${image_env[@]}" HOST=127.0.0.1 PORT="$port" HOME=/tmp)
step "starting '${cmd[*]}' in $workdir as $user ($uid:$gid) on 127.0.0.1:$port"
log=$WORK/server.log
t0=$(date +%s%N)
"${run_env[@]}" chroot --userspec="$uid:$gid" "$ROOTFS" sh -c "cd $workdir && exec $(printf '%q ' "${cmd[@]}")" >"$log" 2>&1 &
server_pid=$!
health=
for _ in $(seq 1 300); do
  if health=$(curl -fsS "http://127.0.0.1:$port/health" 2>/dev/null); then break; fi
  kill -0 "$server_pid" 2>/dev/null || { cat "$log"; fail "the server exited during start-up"; }
  sleep 0.1
done
[ -n "$health" ] || { cat "$log"; fail "no /health 200 within 30 s"; }
echo "GET /health 200 after $((($(date +%s%N) - t0) / 1000000)) ms: $health"
ready=$(curl -fsS "http://127.0.0.1:$port/ready") || fail "/ready is not 200"
echo "GET /ready 200: $ready"
page=$(curl -fsS -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/") || true
[ "$page" = 200 ] || fail "GET / answered $page"
echo "GET / 200"
# The image's own HEALTHCHECK command, run inside the image.
hc_cmd=$(podman image inspect --format '{{range $i, $a := .Config.Healthcheck.Test}}{{if gt $i 0}}{{println $a}}{{end}}{{end}}' "$IMAGE" | sed '/^$/d')
case "$hc_cmd" in
  CMD-SHELL*) hc_cmd=${hc_cmd#CMD-SHELL} ;;
esac
if "${run_env[@]}" chroot --userspec="$uid:$gid" "$ROOTFS" sh -c "cd $workdir && $hc_cmd"; then
  echo "HEALTHCHECK command exits 0"
else
  fail "the image's HEALTHCHECK command failed"
fi
# Native modules load inside the image (the pruned onnxruntime-node included).
"${run_env[@]}" chroot --userspec="$uid:$gid" "$ROOTFS" sh -c "cd $workdir && node -e \"require('better-sqlite3'); require('sodium-native'); require('onnxruntime-node'); console.log('native modules load: better-sqlite3, sodium-native, onnxruntime-node')\"" ||
  fail "a native module does not load in the image"
owner=$(stat -c '%u:%g %a' "$ROOTFS/data/rehearse.db")
echo "database created by the app in /data (owner $owner); migrations applied at start: $(grep -o '"migrations":[0-9]*' <<<"$ready")"

step "SIGTERM"
kill -TERM "$server_pid"
code=0
wait "$server_pid" || code=$?
server_pid=
grep -q 'shut down cleanly' "$log" || { cat "$log"; fail "no 'shut down cleanly' in the server log"; }
[ "$code" -eq 0 ] || { cat "$log"; fail "exit code $code after SIGTERM"; }
echo "exited with code 0 after SIGTERM; last log lines:"
tail -n 3 "$log"
step "verify-image: OK"
