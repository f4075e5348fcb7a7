"""Errors of the ledger; part of the public API (re-exported by credit_plugin.api)."""


class LedgerError(Exception):
    """A ledger operation was refused; the message says why, in the user's language."""


class EntryNotFound(LedgerError):
    pass


class AlreadyReversed(LedgerError):
    pass


class InvalidEntry(LedgerError):
    pass
