"""Tutor plugin for openedx-cadre-training."""
