"""
STANDS IN FOR Studio's runtimes: the editor's (``load_services_for_studio`` in
``cms/djangoapps/contentstore/utils.py``, used by ``component_handler``) and the unit preview's
(``cms/djangoapps/contentstore/views/preview.py``).
"""
from opaque_keys.edx.keys import CourseKey
from xblock.runtime import KvsFieldData

from devhost import course_access
from devhost.runtimes.base import PlatformRuntime
from devhost.runtimes.field_data import (
    SessionKeyValueStore,
    StudioDraftFieldData,
    lms_field_data,
    stored_field_data,
)
from devhost.runtimes.services import DjangoXBlockUserService, StudioPermissionsService


class StudioRuntime(PlatformRuntime):
    """
    The editor's runtime. Its user service is built from the user alone, so it reports every
    author as a non-staff 'student'; who may write says ``studio_user_permissions``. A handler's
    changes are kept until ``persist_for_author()``, which saves them only for authors.
    """

    handler_url_name = "component_handler"
    js_runtime_class = "StudioRuntime"

    def __init__(self, user, course_key: CourseKey):
        self.draft = StudioDraftFieldData(stored_field_data())
        super().__init__(user, course_key, field_data=self.draft, services={
            "user": DjangoXBlockUserService(user),
            "studio_user_permissions": StudioPermissionsService(user),
        })

    def persist_for_author(self) -> bool:
        """``component_handler``'s ``update_item``: only when the user has author access to the course."""
        if not course_access.has_studio_write_access(self.django_user, self.course_id):
            self.draft = StudioDraftFieldData(stored_field_data())
            return False
        self.draft.persist()
        return True


class StudioPreviewRuntime(PlatformRuntime):
    """
    The unit preview in Studio: ``is_author_mode``, the author's role in the user service, and the
    learner's state in the author's session; the course's content stays read-only.
    """

    handler_url_name = "preview_handler"
    js_runtime_class = "PreviewRuntime"
    is_author_mode = True

    def __init__(self, user, course_key: CourseKey, session):
        learner_state = KvsFieldData(SessionKeyValueStore(session))
        super().__init__(user, course_key, field_data=lms_field_data(stored_field_data(), learner_state), services={
            "user": DjangoXBlockUserService(
                user, user_role=course_access.studio_user_role(user, course_key),
                anonymous_user_id="student", deprecated_anonymous_user_id="student",
            ),
            "studio_user_permissions": StudioPermissionsService(user),
        })
