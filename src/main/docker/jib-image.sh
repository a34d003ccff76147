#!/usr/bin/env bash
# Builds the container image without a Docker daemon and writes it as a tarball (docker load / skopeo / crane read it):
#   src/main/docker/jib-image.sh          PostgreSQL build -> target/zhibiao-image.tar  registry.example.edu.cn/zhibiao/zhibiao:1.0.0
#   DB=h2 src/main/docker/jib-image.sh    H2 build         -> target/zhibiao-image.tar  ...:1.0.0-h2
#   SKIP_BUILD=1 CHECK=1 ...              only inspects (and runs) the tarball already built
#   CHECK=1 ...                           then runs the image's own filesystem as user 185 and waits for /q/health/ready
# Jib (quarkus-container-image-jib) assembles the layers. Its base is Debian 12 with OpenJDK 17, made here by
# debootstrap from Debian's packages (cached in ~/.cache/zhibiao-image), because this build machine reaches no
# container registry; on a machine that does, drop BASE and Jib uses the default UBI OpenJDK 17 runtime instead.
# Quarkus' Jib build writes to a daemon or a registry, so it pushes to a throwaway local registry, and skopeo copies
# the image from there into the tarball under its production name.
set -euo pipefail
cd "$(dirname "$0")/../../.."
DB=${DB:-postgresql}
CACHE=${ZHIBIAO_IMAGE_CACHE:-$HOME/.cache/zhibiao-image}
BASE=$CACHE/debian12-openjdk17.tar
PORT=${REGISTRY_PORT:-5055}
OUT=target/zhibiao-image.tar
mkdir -p "$CACHE"

missing=""
for tool in debootstrap:debootstrap docker-registry:docker-registry skopeo:skopeo; do
  command -v "${tool%%:*}" >/dev/null || missing="$missing ${tool#*:}"
done
if [ -n "$missing" ]; then apt-get update -qq && apt-get install -y -qq $missing >/dev/null; fi

if [ ! -s "$BASE" ]; then
  echo "== Base image: Debian 12 + OpenJDK 17 (debootstrap, once)"
  root=$(mktemp -d) layout=$(mktemp -d)
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates,tzdata bookworm "$root" \
    http://deb.debian.org/debian >"$CACHE/debootstrap.log" 2>&1
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/*
  tar -C "$root" --numeric-owner -cf "$layout/layer.tar" .
  diff_id=$(sha256sum "$layout/layer.tar" | cut -d' ' -f1)
  cat > "$layout/config.json" <<JSON
{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64","LANG=C.UTF-8"]},"rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]}}
JSON
  echo '[{"Config":"config.json","RepoTags":["zhibiao-base/debian12-openjdk17:latest"],"Layers":["layer.tar"]}]' > "$layout/manifest.json"
  tar -C "$layout" -cf "$BASE.part" manifest.json config.json layer.tar && mv "$BASE.part" "$BASE"
  rm -rf "$root" "$layout"
fi

echo "== Local registry on 127.0.0.1:$PORT"
mkdir -p "$CACHE/registry"
cat > "$CACHE/registry.yml" <<YAML
version: 0.1
storage:
  filesystem:
    rootdirectory: $CACHE/registry
http:
  addr: 127.0.0.1:$PORT
log:
  level: error
YAML
docker-registry serve "$CACHE/registry.yml" >"$CACHE/registry.log" 2>&1 &
REGISTRY=$!
trap 'kill $REGISTRY 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$PORT/v2/" >/dev/null && break; sleep 0.1; done

tag=$(sed -n 's/^quarkus.container-image.tag=//p' src/main/resources/application.properties)
name=$(sed -n 's/^quarkus.container-image.group=//p' src/main/resources/application.properties)/$(sed -n 's/^quarkus.container-image.name=//p' src/main/resources/application.properties)
registry=$(sed -n 's/^quarkus.container-image.registry=//p' src/main/resources/application.properties)
[ "$DB" = postgresql ] || tag="$tag-$DB"

if [ -z "${SKIP_BUILD:-}" ]; then
echo "== Jib: $name:$tag ($DB build)"
./mvnw -B -q package -DskipTests -Dquarkus.datasource.db-kind="$DB" \
  -Dquarkus.container-image.build=true -Dquarkus.container-image.push=true -Dquarkus.container-image.insecure=true \
  -Dquarkus.container-image.registry="127.0.0.1:$PORT" -Dquarkus.container-image.tag="$tag" \
  -Dquarkus.jib.base-jvm-image="tar://$BASE"

skopeo copy -q --src-tls-verify=false "docker://127.0.0.1:$PORT/$name:$tag" "docker-archive:$OUT:$registry/$name:$tag"
fi
echo "== $OUT: $registry/$name:$tag, $(du -h "$OUT" | cut -f1)"

# What the tarball holds: its user, entry point and where the application is (and, with CHECK, its filesystem).
rootfs=$(mktemp -d)
python3 - "$OUT" "$rootfs" "${CHECK:-}" > "$rootfs.env" <<'PY'
import json, shlex, sys, tarfile
image, rootfs, check = sys.argv[1], sys.argv[2], sys.argv[3]
with tarfile.open(image) as outer:
    manifest = json.load(outer.extractfile("manifest.json"))[0]
    config = json.load(outer.extractfile(manifest["Config"]))["config"]
    app = []
    for layer in manifest["Layers"]:
        with tarfile.open(fileobj=outer.extractfile(layer)) as inner:
            app += [m.name for m in inner.getmembers() if "quarkus-run.jar" in m.name]
            if check:
                inner.extractall(rootfs, filter="fully_trusted") if hasattr(tarfile, "data_filter") else inner.extractall(rootfs)
print("USER=" + shlex.quote(config.get("User", "")))
print("WORKDIR=" + shlex.quote(config.get("WorkingDir", "/")))
print("ENTRY=" + shlex.quote(" ".join(config.get("Entrypoint", []))))
print("APP=" + shlex.quote(" ".join(app)))
PY
. "$rootfs.env"
echo "user: ${USER:-root}; working directory: $WORKDIR; entry point: $ENTRY"
echo "application: $APP"
case "$USER" in ""|root|0|0:*) echo "the image runs as root" >&2; exit 1;; esac
[ -n "$APP" ] || { echo "no quarkus-run.jar in the image" >&2; exit 1; }

if [ -n "${CHECK:-}" ]; then
  echo "== Running the image's own filesystem as user $USER (chroot, no container engine)"
  chmod 755 "$rootfs" && mkdir -p "$rootfs/tmp" "$rootfs/proc" && chmod 1777 "$rootfs/tmp" && mount -t proc proc "$rootfs/proc"
  chroot --userspec="${USER%%:*}:${USER#*:}" "$rootfs" /bin/sh -c "cd $WORKDIR && QUARKUS_HTTP_PORT=8099 \
    QUARKUS_DATASOURCE_JDBC_URL=jdbc:h2:file:/tmp/zhibiao exec $ENTRY" > "$CACHE/run.log" 2>&1 &
  for _ in $(seq 1 120); do curl -fs http://127.0.0.1:8099/q/health/ready >/dev/null && break; sleep 0.5; done
  pid=$(pgrep -f "$rootfs|quarkus-run.jar" -n || true)
  if curl -fs http://127.0.0.1:8099/q/health/ready >/dev/null; then
    echo "ready on :8099, process owned by uid $(ps -o uid= -p "$(pgrep -u "${USER%%:*}" java | head -1)" | tr -d ' ')"
    ok=1
  fi
  pkill -u "${USER%%:*}" java || true
  sleep 1; umount "$rootfs/proc" || true
  [ -n "${ok:-}" ] || { tail -20 "$CACHE/run.log"; exit 1; }
fi
rm -rf "$rootfs" "$rootfs.env"
