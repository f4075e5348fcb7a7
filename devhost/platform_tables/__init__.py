"""
STANDS IN FOR THE OPEN EDX LMS: the platform's own tables that the suite reads, shaped as
edx-platform defines them (same app labels, tables, fields and uniqueness), so that the code which
reads them in a real LMS runs unchanged here. Checked against edx-platform's models; see
docs/platform-contract.rst. Nothing shipped imports these modules: the suite reaches the tables
through Django's app registry (``apps.get_model("student", "UserProfile")``), as it would in the LMS.
"""
