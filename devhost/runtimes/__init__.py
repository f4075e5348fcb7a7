"""
STANDS IN FOR the XBlock runtimes of the Open edX LMS and Studio, built on the XBlock SDK's
workbench runtime (the platform's runtimes need MongoDB and the whole of edx-platform).

Each runtime gives a block the services the platform gives it there, built the way the platform
builds them (see docs/platform-contract.rst for the platform files each one was checked against):

* ``LmsRuntime``: the learner's view and handlers (``lms/djangoapps/courseware/block_render.py``).
* ``StudioRuntime``: the editor's view and ``component_handler`` (``cms/.../contentstore``).
* ``StudioPreviewRuntime``: the unit preview in Studio (``cms/.../views/preview.py``).
"""
