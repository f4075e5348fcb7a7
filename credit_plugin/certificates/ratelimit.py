"""A per-address request limit for the public verification endpoints, counted in the Django cache."""
import time

from django.core.cache import cache

from credit_plugin import config


def client_address(request) -> str:
    """The client's address; behind the LMS's proxies the first X-Forwarded-For hop, as edx-platform reads it."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    return forwarded.split(",")[0].strip() or request.META.get("REMOTE_ADDR", "")


def over_limit(request, scope: str = "verify") -> bool:
    """Count this request; True once the address has made more than the minute's allowance."""
    allowance = int(config.get("CADRE_TRAINING_VERIFY_REQUESTS_PER_MINUTE"))
    if allowance <= 0:
        return False
    key = f"credit_plugin:{scope}:{client_address(request)}:{int(time.time() // 60)}"
    cache.add(key, 0, timeout=120)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=120)
        count = 1
    return count > allowance
