"""Pages of the devhost: the home page, the example course files, the LMS bridge (units: ``xblock_views``)."""
import logging

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import get_user_model
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from devhost import built_course, course_access, course_structure, lms_bridge
from devhost.course_structure import DEMO_COURSE_KEY

log = logging.getLogger(__name__)


@staff_member_required
def course_download(request, name):
    """The example bank, the demo outline and the course `cadre-course build` made from them."""
    if name not in built_course.DOWNLOADS:
        raise Http404
    return FileResponse(built_course.download_path(name).open("rb"), as_attachment=True, filename=name,
                        content_type=built_course.DOWNLOADS[name][0])


def home(request):
    """Everything a person can do in the devhost, by role."""
    can_author = request.user.is_authenticated and course_access.is_course_staff(request.user, DEMO_COURSE_KEY)
    return render(request, "devhost/home.html", {
        "scenarios": course_structure.unit_scenarios(), "course_key": DEMO_COURSE_KEY, "can_author": can_author,
    })


@staff_member_required
def bridge(request):
    """The LMS bridge page: make the LMS send the events it would send for a learner found by name or username."""
    search = request.GET.get("q", "")[:150]
    return render(request, "devhost/bridge.html", {
        "learners": lms_bridge.learners(search), "search": search, "course_key": lms_bridge.DEMO_COURSE_KEY,
    })


# What each action makes the LMS do, and how the page says it was done.
_BRIDGE_ACTIONS = {
    "pass_course": (lms_bridge.pass_course, gettext_lazy("passed the course")),
    "create_certificate": (lms_bridge.create_certificate, gettext_lazy("was given a course certificate")),
    "revoke_certificate": (lms_bridge.revoke_certificate, gettext_lazy("had the course certificate revoked")),
}


@staff_member_required
@require_POST
def bridge_action(request, action):
    """Run one bridge action for one learner and go back to the bridge page, with what the LMS sent."""
    if action not in _BRIDGE_ACTIONS:
        raise Http404
    learner = get_user_model().objects.filter(username=request.POST.get("username", "")).first()
    if learner is None:
        messages.error(request, _("Choose a learner first."))
        return redirect("devhost:bridge")
    run, done = _BRIDGE_ACTIONS[action]
    name = lms_bridge.profile_name(learner) or learner.username
    try:
        run(learner)
    except lms_bridge.GeneratedCertificate.DoesNotExist:
        messages.error(request, _("%(name)s (%(user)s) has no certificate to revoke.") % {
            "name": name, "user": learner.username})
        return redirect("devhost:bridge")
    messages.success(request, _("%(name)s (%(user)s) %(done)s in %(course)s; the LMS sent its event.") % {
        "name": name, "user": learner.username, "done": done, "course": course_structure.DEMO_COURSE_NAME})
    return redirect("devhost:bridge")
