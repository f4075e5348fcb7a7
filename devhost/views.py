"""Pages of the devhost: the home page, the example course files, the LMS bridge (units: ``xblock_views``)."""
import logging

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import get_user_model
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
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
