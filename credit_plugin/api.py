"""
The public Python API of the credit plugin: what XBlocks, other apps and operators' code call.

It gathers the applets' own APIs, lowest first: organisations (the tree, cadres, who sees what),
the ledger (credits and hours) and competitions (level-challenge grades, leaderboards) beside it,
certificates, and compliance (the rules, reports, archives, reminders). Everything returned is
frozen data; nothing outside ``credit_plugin`` imports its models.
"""
from credit_plugin.certificates.api import *  # noqa: F403
from credit_plugin.certificates.api import __all__ as _certificates
from credit_plugin.competitions.api import *  # noqa: F403
from credit_plugin.competitions.api import __all__ as _competitions
from credit_plugin.compliance.api import *  # noqa: F403
from credit_plugin.compliance.api import __all__ as _compliance
from credit_plugin.ledger.api import *  # noqa: F403
from credit_plugin.ledger.api import __all__ as _ledger
from credit_plugin.organisations.api import *  # noqa: F403
from credit_plugin.organisations.api import __all__ as _organisations

__all__ = [*_organisations, *_ledger, *_competitions, *_certificates, *_compliance]  # noqa: PLE0604 - each applet's own __all__
