"""Pages of the devhost: the home page, course units rendered by the XBlock runtime, the LMS bridge."""
import logging

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_POST
from workbench.scenarios import get_scenarios
from xblock.django.request import django_to_webob_request, webob_to_django_response
from xblock.exceptions import NoSuchUsage

from devhost import built_course, lms_bridge
from devhost.built_course import ensure_built_course_scenarios

log = logging.getLogger(__name__)

OUR_BLOCK_TYPES = ("level_challenge", "demand_survey")
STUDIO_VIEW = "studio_view"


def our_scenarios():
    """The workbench scenarios of our blocks and the demo course, not the SDK's sample blocks."""
    ensure_built_course_scenarios()
    return sorted(
        (scenario_id, scenario)
        for scenario_id, scenario in get_scenarios().items()
        if scenario_id.split(".")[0] in OUR_BLOCK_TYPES or scenario_id.startswith("cadre_demo.")
    )


@staff_member_required
def course_download(request, name):
    """The example bank, the demo outline and the course `cadre-course build` made from them."""
    if name not in built_course.DOWNLOADS:
        raise Http404
    return FileResponse(built_course.download_path(name).open("rb"), as_attachment=True, filename=name,
                        content_type=built_course.DOWNLOADS[name][0])


def home(request):
    """Everything a person can do in the devhost, by role."""
    return render(
        request,
        "devhost/home.html",
        {"scenarios": our_scenarios(), "course_key": lms_bridge.DEMO_COURSE_KEY,
         "can_author": request.user.is_authenticated and lms_bridge.course_role(request.user) != "student"},
    )


@login_required
@ensure_csrf_cookie
def unit(request, scenario_id, view_name="student_view"):
    """Render one scenario's block tree for the logged-in user, as the LMS renders a unit."""
    if view_name == STUDIO_VIEW and lms_bridge.course_role(request.user) == "student":
        raise Http404
    ensure_built_course_scenarios()
    scenario = get_scenarios().get(scenario_id)
    if scenario is None:
        raise Http404
    runtime = lms_bridge.DevhostRuntime(request.user)
    block = runtime.get_block(scenario.usage_id)
    fragment = block.render(view_name, {})
    return render(
        request,
        "devhost/unit.html",
        {
            "scenario_id": scenario_id,
            "scenario": scenario,
            "view_name": view_name,
            "body": fragment.body_html(),
            "head_html": fragment.head_html(),
            "foot_html": fragment.foot_html(),
            "student_id": runtime.user_id,
        },
    )


def handler(request, usage_id, handler_slug, suffix=""):
    """Run an XBlock handler as the logged-in user; the ``?student=`` the SDK adds is ignored."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": "not_authenticated", "message": _("Log in first.")}, status=401)
    runtime = lms_bridge.DevhostRuntime(request.user)
    try:
        block = runtime.get_block(usage_id)
    except NoSuchUsage as error:
        raise Http404 from error
    webob_request = django_to_webob_request(request)
    webob_request.path_info_pop()
    webob_request.path_info_pop()
    return webob_to_django_response(runtime.handle(block, handler_slug, webob_request, suffix))


@staff_member_required
def bridge(request):
    """The LMS bridge page: make the LMS send the events it would send for a learner."""
    return render(
        request,
        "devhost/bridge.html",
        {"learners": lms_bridge.learners(), "course_key": lms_bridge.DEMO_COURSE_KEY},
    )


_BRIDGE_ACTIONS = {
    "pass_course": lms_bridge.pass_course,
    "create_certificate": lms_bridge.create_certificate,
    "revoke_certificate": lms_bridge.revoke_certificate,
}


@staff_member_required
@require_POST
def bridge_action(request, action):
    """Run one bridge action for one learner and go back to the bridge page."""
    if action not in _BRIDGE_ACTIONS:
        raise Http404
    learner = get_user_model().objects.filter(username=request.POST.get("username", "")).first()
    if learner is None:
        messages.error(request, _("No such learner."))
        return redirect("devhost:bridge")
    try:
        _BRIDGE_ACTIONS[action](learner)
    except lms_bridge.GeneratedCertificate.DoesNotExist:
        messages.error(request, _("%(user)s has no certificate to revoke.") % {"user": learner.username})
        return redirect("devhost:bridge")
    messages.success(request, _("Sent: %(action)s for %(user)s.") % {"action": action, "user": learner.username})
    return redirect("devhost:bridge")
