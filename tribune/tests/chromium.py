"""How Tribune starts Debian's Chromium headless, for the browser tests and `make audit`.

Without the background-networking flags Chromium keeps trying to reach Google's
hosts, which this closed network refuses; no sandbox because CI runs as root.
"""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
