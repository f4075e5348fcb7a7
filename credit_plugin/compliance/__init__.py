"""
The compliance applet, the top of credit_plugin: the rules a cadre's year is judged by, assessing
whole organisations, reminders, exports, training archives and the pages that show a cadre's whole
record (ledger and certificates together).
"""
