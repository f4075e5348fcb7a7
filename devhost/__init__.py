"""A local Django host that runs the suite the way the Open edX LMS would (not shipped in the wheel)."""
