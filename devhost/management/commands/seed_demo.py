"""Seed the devhost with its demo logins and the switches the LMS would have on."""
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from waffle.models import Switch

from devhost.demo_credits import seed_demo_credit_rules
from devhost.demo_users import DEMO_USERS

# edx-completion records completions only while this switch is on, as in the LMS.
COMPLETION_TRACKING_SWITCH = "completion.enable_completion_tracking"


class Command(BaseCommand):
    help = "Create (or reset) the demo users and turn on completion tracking. Safe to run again."

    def handle(self, *args, **options):
        Switch.objects.update_or_create(name=COMPLETION_TRACKING_SWITCH, defaults={"active": True})
        user_model = get_user_model()
        for demo in DEMO_USERS:
            user, _ = user_model.objects.get_or_create(username=demo.username)
            # One full-name field, like the LMS's UserProfile.name; Chinese names have no space.
            user.first_name, user.last_name = demo.full_name, ""
            user.email = f"{demo.username}@example.com"
            user.is_staff, user.is_superuser = demo.is_staff, demo.is_superuser
            user.set_password(demo.password)
            user.save()
        seed_demo_credit_rules()
        self.stdout.write(self.style.SUCCESS("Demo data ready. Logins:"))
        for demo in DEMO_USERS:
            self.stdout.write(f"  {demo.username:<15} {demo.password:<22} {demo.role}")
        self.stdout.write("Demo offline roster to import: devhost/demo_data/offline_roster.xlsx (or .csv)")
