"""Django admin discovers this module: each applet registers its own tables."""
from credit_plugin.certificates import admin as certificates_admin  # noqa: F401
from credit_plugin.competitions import admin as competitions_admin  # noqa: F401
from credit_plugin.ledger import admin as ledger_admin  # noqa: F401
from credit_plugin.organisations import admin as organisations_admin  # noqa: F401
