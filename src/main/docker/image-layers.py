#!/usr/bin/env python3
"""The container image as a docker-archive tarball (what `docker save` writes and `docker load`, skopeo and crane read).

  image-layers.py ROOTFS OUT NAME JVM_FLAGS   packs ROOTFS into four layers, least to most often changed:
                                              the Debian base, the Java runtime (/opt/java), the libraries
                                              (/deployments/lib), the service and its AOT cache
  image-layers.py --unpack OUT DIR            unpacks the layers into DIR and prints, as shell assignments, the
                                              image's user (USER_ID), entry point (ENTRY) and JVM flags (JAVA_OPTS)

Entries are sorted and keep their modification times: the AOT cache names its jars by size and time, so the jars in
the image must be the ones it was recorded with, to the second.
"""
import hashlib
import io
import json
import os
import shlex
import sys
import tarfile

USER = "185:185"
LAYERS = [
    ("base", lambda p: not (p.startswith("opt/java") or p.startswith("deployments"))),
    ("runtime", lambda p: p == "opt" or p.startswith("opt/java")),
    ("libraries", lambda p: p == "deployments" or p.startswith("deployments/lib")),
    ("service", lambda p: p in ("deployments", "deployments/zhibiao.jar", "deployments/zhibiao.aot")),
]


def entries(rootfs):
    found = []
    for directory, dirs, files in os.walk(rootfs):
        dirs.sort()
        for name in dirs + sorted(files):
            found.append(os.path.relpath(os.path.join(directory, name), rootfs))
    return sorted(found)


def layer(rootfs, paths):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for path in paths:
            tar.add(os.path.join(rootfs, path), arcname=path, recursive=False)
    return buffer.getvalue()


def pack(rootfs, out, name, jvm_flags):
    paths = entries(rootfs)
    blobs, diff_ids = [], []
    for title, keep in LAYERS:
        blob = layer(rootfs, [p for p in paths if keep(p)])
        digest = hashlib.sha256(blob).hexdigest()
        blobs.append((f"{digest}.tar", blob))
        diff_ids.append(f"sha256:{digest}")
        print(f"layer {title}: {len(blob) // 1048576} MB")
    config = {
        "architecture": "amd64",
        "os": "linux",
        "config": {
            "User": USER,
            "WorkingDir": "/deployments",
            "Env": [
                "PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "JAVA_HOME=/opt/java",
                "LANG=C.UTF-8",
                f"JDK_JAVA_OPTIONS={jvm_flags}",
            ],
            "Entrypoint": ["/opt/java/bin/java", "-XX:AOTCache=/deployments/zhibiao.aot", "-jar",
                           "/deployments/zhibiao.jar"],
            "ExposedPorts": {"8080/tcp": {}},
        },
        "rootfs": {"type": "layers", "diff_ids": diff_ids},
        "history": [{"created_by": f"zhibiao src/main/docker/image.sh: {title}"} for title, _ in LAYERS],
    }
    config_bytes = json.dumps(config, indent=1).encode()
    config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
    manifest = [{"Config": config_name, "RepoTags": [name], "Layers": [n for n, _ in blobs]}]
    with tarfile.open(out + ".part", mode="w", format=tarfile.PAX_FORMAT) as tar:
        for member, data in [("manifest.json", json.dumps(manifest).encode()), (config_name, config_bytes)] + blobs:
            info = tarfile.TarInfo(member)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    os.replace(out + ".part", out)


def unpack(image, directory):
    with tarfile.open(image) as outer:
        manifest = json.load(outer.extractfile("manifest.json"))[0]
        config = json.load(outer.extractfile(manifest["Config"]))["config"]
        for member in manifest["Layers"]:
            with tarfile.open(fileobj=outer.extractfile(member)) as inner:
                inner.extractall(directory, numeric_owner=True, **({"filter": "fully_trusted"}
                                                                     if hasattr(tarfile, "data_filter") else {}))
    env = dict(e.split("=", 1) for e in config.get("Env", []))
    print("USER_ID=" + shlex.quote(config.get("User", "")))
    print("ENTRY=" + shlex.quote(" ".join(config.get("Entrypoint", []))))
    print("JAVA_OPTS=" + shlex.quote(env.get("JDK_JAVA_OPTIONS", "")))


if __name__ == "__main__":
    if sys.argv[1] == "--unpack":
        unpack(sys.argv[2], sys.argv[3])
    else:
        pack(*sys.argv[1:5])
