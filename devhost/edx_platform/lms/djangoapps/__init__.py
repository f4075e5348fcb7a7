"""STANDS IN FOR edx-platform's package of the same path (see devhost/edx_platform/README.rst)."""
