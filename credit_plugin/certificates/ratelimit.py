"""
A per-address request limit for the public verification endpoints, counted in the Django cache.

The address is edx-django-utils' safest client IP, as the LMS reads it: the rightmost address of
X-Forwarded-For that the deployment's proxies do not account for (``CLOSEST_CLIENT_IP_FROM_HEADERS``),
never the leftmost one, which a client writes itself.
"""
import time

from django.core.cache import cache
from edx_django_utils.ip import get_safest_client_ip

from credit_plugin import config


def over_limit(request, scope: str = "verify") -> bool:
    """Count this request; True once the address has made more than the minute's allowance."""
    allowance = int(config.get("CADRE_TRAINING_VERIFY_REQUESTS_PER_MINUTE"))
    if allowance <= 0:
        return False
    key = f"credit_plugin:{scope}:{get_safest_client_ip(request)}:{int(time.time() // 60)}"
    cache.add(key, 0, timeout=120)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=120)
        count = 1
    return count > allowance
