"""deploy/nginx/tribune.conf made runnable on this machine, unprivileged-style, in a scratch folder.

Used by the nginx tests (tribune/delivery/tests/test_nginx.py) and `make prod-check` (tools/prod_check.sh):
both run the shipped file and change only addresses and folders, never a caching or proxy rule.

    python tools/nginx_conf.py --root DIR --port 8080 --upstream 127.0.0.1:8001 --upstream 127.0.0.1:8002 \
        --static-dir static --media-dir var/media > DIR/nginx.conf
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

CONF = Path(__file__).resolve().parent.parent / "deploy" / "nginx" / "tribune.conf"
# Debian's libnginx-mod-http-cache-purge, for the `/_purge` location (tribune.delivery.purge.NginxPurger).
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")


def render_config(
    conf: str,
    *,
    upstreams: Sequence[str],
    port: int,
    root: Path,
    static_dir: Path | None = None,
    media_dir: Path | None = None,
) -> str:
    """A whole nginx.conf around `conf` (the file's `http` content), with these servers and folders.

    `root` holds the cache, temp files, pid and error log. Static files and media default to `root/site/static`
    and `root/site/var/media` (the file's /srv/tribune becomes `root/site`).
    """
    start = conf.index("upstream tribune_app {")
    block = conf[start : conf.index("}", start)]
    # Keep the shipped per-server options (max_fails, fail_timeout): they are what proxy_next_upstream relies on.
    options = re.search(r"^\s*server \S+ ([^;]*);", block, flags=re.M)
    suffix = f" {options.group(1)}" if options else ""
    servers = "".join(f"    server {address}{suffix};\n" for address in upstreams)
    # The balancing method (hash) stays as shipped: it is part of what is tested.
    balancing = "".join(f"{line}\n" for line in block.splitlines() if line.strip().startswith("hash "))
    conf = conf.replace(block, f"upstream tribune_app {{\n{balancing}{servers}    keepalive 8;\n")
    conf = conf.replace("/var/cache/nginx/tribune", str(root / "cache"))
    if static_dir is not None:
        conf = conf.replace("/srv/tribune/static/", f"{static_dir}/")
    if media_dir is not None:
        conf = conf.replace("/srv/tribune/var/media/", f"{media_dir}/")
    conf = conf.replace("/srv/tribune", str(root / "site"))
    conf = conf.replace("listen 80;", f"listen 127.0.0.1:{port};")
    mime = "include /etc/nginx/mime.types;" if Path("/etc/nginx/mime.types").exists() else ""
    # Debian loads modules from /etc/nginx/modules-enabled/ in its own nginx.conf; this one loads the purge module.
    modules = ""
    if PURGE_MODULE.exists():
        modules = f"load_module {PURGE_MODULE};\n"
    else:
        conf = re.sub(r"\n    location ~ \^/_purge.*?\n    }\n", "\n", conf, flags=re.S)
    # Running as root (CI), workers would switch to `nobody` and could not write the scratch folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return (
        f"{modules}{user}daemon off;\nworker_processes 1;\npid {root}/nginx.pid;\nerror_log {root}/error.log warn;\n"
        f"events {{ worker_connections 256; }}\n"
        f"http {{\n{mime}\naccess_log off;\nclient_body_temp_path {root}/body;\nproxy_temp_path {root}/proxy;\n"
        f"{conf}\n}}\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--upstream", action="append", required=True)
    parser.add_argument("--static-dir", type=Path)
    parser.add_argument("--media-dir", type=Path)
    args = parser.parse_args(argv)
    sys.stdout.write(
        render_config(
            CONF.read_text(),
            upstreams=args.upstream,
            port=args.port,
            root=args.root.resolve(),
            static_dir=args.static_dir.resolve() if args.static_dir else None,
            media_dir=args.media_dir.resolve() if args.media_dir else None,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
