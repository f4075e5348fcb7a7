"""Question banks and course outlines to and from OLX that Open edX Studio imports."""
