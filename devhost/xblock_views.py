"""
STANDS IN FOR the platform's views that render blocks and run their handlers:

* the LMS's unit page and ``handle_xblock_callback`` (URL name ``xblock_handler``,
  ``courses/<course>/xblock/<usage>/handler/<handler>``);
* Studio's editor (``xblock_view_handler`` for ``studio_view``) and ``component_handler``
  (``xblock/<usage>/handler/<handler>``), and its unit preview with ``preview_handler``
  (``preview/xblock/<usage>/handler/<handler>``).
"""
import logging

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import render
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import ensure_csrf_cookie
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey, UsageKey
from workbench.scenarios import get_scenarios
from xblock.django.request import django_to_webob_request, webob_to_django_response
from xblock.exceptions import NoSuchHandlerError, NoSuchUsage

from devhost import course_access, course_structure
from devhost.runtimes.lms import LmsRuntime
from devhost.runtimes.studio import StudioPreviewRuntime, StudioRuntime

log = logging.getLogger(__name__)

PAGES = {  # page -> (the view it renders, where it is in the platform)
    "lms": ("student_view", "LMS"),
    "studio": ("studio_view", "Studio"),
    "preview": ("student_view", "Studio preview"),
}


def _scenario(scenario_id: str):
    course_structure.unit_scenarios()
    scenario = get_scenarios().get(scenario_id)
    if scenario is None:
        raise Http404
    return scenario


def _page_runtime(page: str, request, course_key: CourseKey):
    if page == "lms":
        return LmsRuntime(request.user, course_key)
    if not course_access.has_studio_read_access(request.user, course_key):
        raise PermissionDenied  # Studio answers 403 to a user without access to the course
    if page == "studio":
        return StudioRuntime(request.user, course_key)
    return StudioPreviewRuntime(request.user, course_key, request.session)


@login_required
@ensure_csrf_cookie
def unit(request, scenario_id, page="lms"):
    """One unit's blocks, rendered for the logged-in user by the LMS, Studio's editor or its preview."""
    scenario = _scenario(scenario_id)
    runtime = _page_runtime(page, request, course_structure.course_of_scenario(scenario_id))
    view_name, where = PAGES[page]
    fragment = runtime.get_block(scenario.usage_id).render(view_name, {})
    return render(request, "devhost/unit.html", {
        "scenario_id": scenario_id, "scenario": scenario, "page": page, "where": where, "view_name": view_name,
        "body": fragment.body_html(), "head_html": fragment.head_html(), "foot_html": fragment.foot_html(),
    })


def _keys(usage_key_string: str, course_id: str | None = None) -> tuple[CourseKey, UsageKey]:
    try:
        usage_key = UsageKey.from_string(usage_key_string)
        course_key = CourseKey.from_string(course_id) if course_id else usage_key.course_key
    except InvalidKeyError as error:
        raise Http404 from error
    return course_key, usage_key


def _run_handler(runtime, usage_key, request, handler, suffix):
    try:
        block = runtime.get_block(usage_key)
        return runtime.handle(block, handler, django_to_webob_request(request), suffix)
    except (NoSuchUsage, NoSuchHandlerError) as error:
        raise Http404 from error


def xblock_handler(request, course_id, usage_id, handler, suffix=""):
    """The LMS's ``handle_xblock_callback``: a non-GET from an anonymous user is refused before anything runs."""
    if not request.user.is_authenticated and request.method != "GET":
        return HttpResponseForbidden("Unauthenticated")
    course_key, usage_key = _keys(usage_id, course_id)
    if not request.user.is_authenticated:
        raise Http404  # the demo course is not public: ``has_access(user, 'load', block)`` fails
    response = _run_handler(LmsRuntime(request.user, course_key), usage_key, request, handler, suffix)
    return webob_to_django_response(response)


@login_required
def component_handler(request, usage_key_string, handler, suffix=""):
    """
    Studio's ``component_handler``: the handler runs for any logged-in user; its changes are saved
    only when the user has author access (otherwise logged and dropped, as Studio does).
    """
    course_key, usage_key = _keys(usage_key_string)
    runtime = StudioRuntime(request.user, course_key)
    response = _run_handler(runtime, usage_key, request, handler, suffix)
    if not runtime.persist_for_author():
        log.warning("%s is not an author of %s; %s's changes were not saved", request.user, course_key, handler)
    return webob_to_django_response(response)


@login_required
@xframe_options_exempt
def preview_handler(request, usage_key_string, handler, suffix=""):
    """Studio's ``preview_handler``: the unit preview's handlers, learner state in the session, nothing saved."""
    course_key, usage_key = _keys(usage_key_string)
    runtime = StudioPreviewRuntime(request.user, course_key, request.session)
    return webob_to_django_response(_run_handler(runtime, usage_key, request, handler, suffix))
