"""The one canonical JSON the suite signs and hashes: sorted keys, no spaces, UTF-8 (RFC 8785 for our values)."""
import json


def canonical_json(value) -> bytes:
    """``value`` (strings, integers, lists, objects) as canonical JSON bytes."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
