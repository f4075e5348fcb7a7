"""Demand surveys across courses and organisations, as an Open edX LMS/Studio plugin app."""
