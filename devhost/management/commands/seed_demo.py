"""Seed the devhost with its demo logins, union tree, cadres and credits, and the switches the LMS would have on."""
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from waffle.models import Switch

from credit_plugin import api
from devhost import built_course
from devhost.course_access import COURSE_STAFF_GROUP
from devhost.demo_cadres import seed_demo_cadres
from devhost.demo_credits import seed_demo_credit_rules
from devhost.demo_topics import seed_demo_demand, seed_demo_topics
from devhost.demo_users import DEMO_USERS
from devhost.lms_bridge import set_full_name

# edx-completion records completions only while this switch is on, as in the LMS.
COMPLETION_TRACKING_SWITCH = "completion.enable_completion_tracking"


class Command(BaseCommand):
    help = (
        "Create (or reset) the demo users, the demo union tree with its cadres and their credits, and turn on "
        "completion tracking. Safe to run again."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        with transaction.atomic():
            Switch.objects.update_or_create(name=COMPLETION_TRACKING_SWITCH, defaults={"active": True})
            users = self.seed_users()
            seed_demo_credit_rules()
            seeded = seed_demo_cadres()
            seed_demo_topics()
            answered = seed_demo_demand()
            for demo in DEMO_USERS:
                if demo.administers:
                    api.assign_training_administrator(user_id=users[demo.username].id,
                                                      organisation_code=demo.administers)
        self.stdout.write(self.style.SUCCESS("Demo data ready. Logins:"))
        for demo in DEMO_USERS:
            self.stdout.write(f"  {demo.username:<15} {demo.password:<22} {demo.role}")
        self.stdout.write(
            f"Demo union tree: {seeded.organisations} organisations under 山东省总工会; "
            f"{seeded.cadres_created} cadres and {seeded.entries_recorded} ledger entries added "
            f"({time.monotonic() - started:.1f} s). Compliance dashboard: /cadre-credits/compliance/"
        )
        self.stdout.write(f"Demo topic catalogue and last year's demand survey: {answered} new answers. "
                          "Demand dashboard: /cadre-surveys/demand/")
        roster = built_course.download_path("offline_roster.xlsx")
        self.stdout.write(f"Demo offline roster to import, for this year: {roster} (or .csv; also on the home page)")

    def seed_users(self):
        user_model = get_user_model()
        users = {}
        for demo in DEMO_USERS:
            user, _ = user_model.objects.get_or_create(username=demo.username)
            user.email = f"{demo.username}@example.com"
            user.is_staff, user.is_superuser = demo.is_staff, demo.is_superuser
            if not user.check_password(demo.password):  # a new hash would log the demo user out of every session
                user.set_password(demo.password)
            user.save()
            set_full_name(user, demo.full_name)  # the LMS keeps it in UserProfile.name; Chinese names have no space
            if demo.course_staff:
                user.groups.add(Group.objects.get_or_create(name=COURSE_STAFF_GROUP)[0])
            users[demo.username] = user
        return users
