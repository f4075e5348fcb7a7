"""The yearly credit ledger: recording, reversing and totalling credits. Reached through credit_plugin.api."""
