"""The intranet hosting kit: server configuration written into the built site.

(To be written.)
"""

from __future__ import annotations

from pathlib import Path


def write(site_dir: Path, context: dict) -> None:
    """Write the hosting files into ``site_dir``."""
