"""Receivers for openedx-events signals; wiring only. The survey plugin listens to none yet."""
