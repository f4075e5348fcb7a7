"""Database tables of the credit plugin, one module per concern. Only the app's own modules use them."""
from credit_plugin.models.ledger import CreditRule, LedgerEntry, YearlyCap, YearlyPolicy, YearTotal
from credit_plugin.models.lms_events import LmsEventReceipt

__all__ = ["CreditRule", "LedgerEntry", "LmsEventReceipt", "YearTotal", "YearlyCap", "YearlyPolicy"]
