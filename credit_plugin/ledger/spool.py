"""
The last resort for an LMS event that could be neither recorded nor queued (database and broker
down together): a file per event on this server's disk, recorded by the next event this process
records and by ``replay_failed_events``, so that no event exists only as a log line.

The files name LMS user ids, so the folder is private to the platform's user (0700).
"""
import json
import logging
import os
import tempfile
from pathlib import Path
from uuid import UUID

from django.conf import settings

from credit_plugin import config

log = logging.getLogger(__name__)
SUFFIX = ".json"


def spool_dir() -> Path:
    """The configured folder, else ``DATA_DIR/cadre-training/event-spool`` (the LMS's data folder)."""
    configured = config.get("CADRE_TRAINING_EVENT_SPOOL_DIR")
    if configured:
        return Path(configured)
    base = getattr(settings, "DATA_DIR", None) or tempfile.gettempdir()
    return Path(base) / "cadre-training" / "event-spool"


def keep(event: dict) -> Path:
    """Write ``event`` (the receiver's serialised event) to the spool, atomically; one file per event id."""
    folder = spool_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = folder / f"{UUID(str(event['event_id']))}{SUFFIX}"
    partial = path.with_suffix(".partial")
    with open(partial, "w", encoding="utf-8") as file:
        json.dump(event, file)
        file.flush()
        os.fsync(file.fileno())
    os.replace(partial, path)
    log.error("credit_plugin kept LMS event %s in %s until the database is back", event["event_id"], folder)
    return path


def waiting() -> list[Path]:
    """Spooled events, oldest first."""
    folder = spool_dir()
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"*{SUFFIX}"), key=lambda path: path.stat().st_mtime)


def record_waiting(record) -> list:
    """
    Pass each spooled event to ``record`` (the receiver's own path) and delete its file once
    recorded; stop at the first that fails, since the database is likely still down. Returns what
    ``record`` returned for each.
    """
    results = []
    for path in waiting():
        try:
            event = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            log.exception("credit_plugin cannot read spooled event %s; left for an operator", path)
            continue
        results.append(record(event))
        path.unlink(missing_ok=True)
    return results
