"""
STANDS IN FOR the services the platform's runtimes give blocks, with the platform's signatures:
``DjangoXBlockUserService`` (``common/djangoapps/xblock_django/user_service.py``) and Studio's
``StudioPermissionsService`` (``cms/djangoapps/contentstore/utils.py``).
"""
from xblock.reference.user_service import UserService, XBlockUser

from devhost import course_access
from devhost.platform_tables.student.models import UserProfile

# The platform's attribute keys (common/djangoapps/xblock_django/constants.py).
ATTR_KEY_ANONYMOUS_USER_ID = "edx-platform.anonymous_user_id"
ATTR_KEY_DEPRECATED_ANONYMOUS_USER_ID = "edx-platform.deprecated_anonymous_user_id"
ATTR_KEY_IS_AUTHENTICATED = "edx-platform.is_authenticated"
ATTR_KEY_REQUEST_COUNTRY_CODE = "edx-platform.request_country_code"
ATTR_KEY_USER_ID = "edx-platform.user_id"
ATTR_KEY_USERNAME = "edx-platform.username"
ATTR_KEY_USER_IS_BETA_TESTER = "edx-platform.user_is_beta_tester"
ATTR_KEY_USER_IS_GLOBAL_STAFF = "edx-platform.user_is_global_staff"
ATTR_KEY_USER_IS_STAFF = "edx-platform.user_is_staff"
ATTR_KEY_USER_PREFERENCES = "edx-platform.user_preferences"
ATTR_KEY_USER_ROLE = "edx-platform.user_role"


class DjangoXBlockUserService(UserService):
    """
    The platform's user service: ``DjangoXBlockUserService(django_user, **kwargs)``, whose defaults
    (not staff, role 'student', no anonymous ids) are what Studio's editor gets, since Studio builds
    it with the user alone.
    """

    def __init__(self, django_user, **kwargs):
        super().__init__(**kwargs)
        self._django_user = django_user
        self._user_is_beta_tester = kwargs.get("user_is_beta_tester", False)
        self._user_is_global_staff = kwargs.get("user_is_global_staff", False)
        self._user_is_staff = kwargs.get("user_is_staff", False)
        self._user_role = kwargs.get("user_role", "student")
        self._anonymous_user_id = kwargs.get("anonymous_user_id")
        self._deprecated_anonymous_user_id = kwargs.get("deprecated_anonymous_user_id")
        self._request_country_code = kwargs.get("request_country_code")

    def get_current_user(self) -> XBlockUser:
        return self._convert_django_user_to_xblock_user(self._django_user)

    def get_anonymous_user_id(self, username, course_id):
        """Only staff may ask (the platform answers None otherwise); the devhost keeps no anonymous ids."""
        return None

    def _convert_django_user_to_xblock_user(self, django_user) -> XBlockUser:
        xblock_user = XBlockUser(is_current_user=True)
        if django_user is None or not django_user.is_authenticated:
            xblock_user.opt_attrs[ATTR_KEY_IS_AUTHENTICATED] = False
            xblock_user.opt_attrs[ATTR_KEY_REQUEST_COUNTRY_CODE] = self._request_country_code
            return xblock_user
        profile = UserProfile.objects.filter(user_id=django_user.id).first()
        xblock_user.full_name = profile.name if profile is not None else None  # user.profile.name
        xblock_user.emails = [django_user.email]
        xblock_user.opt_attrs.update({
            ATTR_KEY_ANONYMOUS_USER_ID: self._anonymous_user_id,
            ATTR_KEY_DEPRECATED_ANONYMOUS_USER_ID: self._deprecated_anonymous_user_id,
            ATTR_KEY_IS_AUTHENTICATED: True,
            ATTR_KEY_REQUEST_COUNTRY_CODE: self._request_country_code,
            ATTR_KEY_USER_ID: django_user.id,
            ATTR_KEY_USERNAME: django_user.username,
            ATTR_KEY_USER_IS_BETA_TESTER: self._user_is_beta_tester,
            ATTR_KEY_USER_IS_GLOBAL_STAFF: self._user_is_global_staff,
            ATTR_KEY_USER_IS_STAFF: self._user_is_staff,
            ATTR_KEY_USER_PREFERENCES: {},
            ATTR_KEY_USER_ROLE: self._user_role,
        })
        return xblock_user


class StudioPermissionsService:
    """Studio's ``studio_user_permissions``: ``can_read``/``can_write`` of a course for the user asking."""

    def __init__(self, user):
        self._user = user

    def can_read(self, course_key) -> bool:
        return course_access.has_studio_read_access(self._user, course_key)

    def can_write(self, course_key) -> bool:
        return course_access.has_studio_write_access(self._user, course_key)
