"""Tests of the certificates' PDF, font and templates."""
