"""
Settings for bench_credit_ledger: the devhost's test settings plus openedx-ledger, the peer.

openedx-ledger 1.5.7 still declares ``Meta.index_together``, which Django 5.1+ rejects; the
option is tolerated here, in the benchmark only, so the peer can be imported and measured.
"""
from django.db.models import options

if "index_together" not in options.DEFAULT_NAMES:
    options.DEFAULT_NAMES = (*options.DEFAULT_NAMES, "index_together")

from devhost.settings.test import *  # noqa: E402, F403

INSTALLED_APPS = [*INSTALLED_APPS, "simple_history", "openedx_ledger"]  # noqa: F405
