"""XBlock runtime services as edx-platform builds them, for the devhost's runtimes and the tests."""
