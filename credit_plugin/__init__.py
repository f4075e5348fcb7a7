"""Yearly credit ledger, cadre records and certificates, as an Open edX LMS/Studio plugin app."""

__version__ = "0.1.0"
