"""Training reminders: who is written to, in Chinese, once a period, and what a dry run lists."""
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from credit_plugin import api
from credit_plugin.api import NewLedgerEntry, SourceKind
from credit_plugin.models import ReminderSent
from tests.factories import administrator, cadre, union_tree

pytestmark = pytest.mark.django_db
# In October a cadre with a handful of credits is well behind the pace; one who took office on
# 1 September and has not registered by 16 September is overdue.
TODAY = date(2026, 10, 20)


def grant(user, credits, hours):
    api.bulk_record_entries(entries=[NewLedgerEntry(
        user_id=user.id, credits=Decimal(credits), hours=Decimal(hours),
        earned_at=datetime(2026, 6, 1, tzinfo=UTC), source_kind=SourceKind.MANUAL_ADJUSTMENT,
        reference="", title="补录", recorded_by="test", reason="test", idempotency_key=f"grant-{user.id}",
    )])


@pytest.fixture
def people():
    orgs = union_tree()
    behind = cadre(orgs["union_a"], username="behind", took_office_on=date(2020, 1, 1))
    grant(behind, "10", "4")
    on_pace = cadre(orgs["union_a"], username="on_pace", took_office_on=date(2020, 1, 1))
    grant(on_pace, "80", "35")
    late = cadre(orgs["union_b"], username="late", took_office_on=date(2026, 9, 1), registered_on=date(2026, 10, 1))
    gone = cadre(orgs["union_a"], username="gone", status="left")
    city_a_admin = administrator(orgs["city_a"], username="jinan_admin")
    province_admin = administrator(orgs["province"], username="province_admin")
    return {"behind": behind, "on_pace": on_pace, "late": late, "gone": gone,
            "city_a_admin": city_a_admin, "province_admin": province_admin}


def recipients(run):
    return sorted((reminder.recipient_username, reminder.kind) for reminder in run.sent)


def test_a_dry_run_lists_the_cadres_behind_and_their_administrators_and_sends_nothing(people):
    run = api.send_training_reminders(dry_run=True, today=TODAY)
    assert recipients(run) == [
        ("behind", "at_risk"), ("jinan_admin", "digest"), ("late", "overdue"), ("province_admin", "digest"),
    ]
    digests = {reminder.recipient_username: reminder for reminder in run.sent if reminder.kind == "digest"}
    assert [c.username for c in digests["jinan_admin"].cadres] == ["behind"]  # Qingdao's cadre is not theirs
    assert [c.username for c in digests["province_admin"].cadres] == ["late", "behind"]  # overdue first
    assert mail.outbox == [] and not ReminderSent.objects.exists()


def test_reminders_are_chinese_e_mails_with_the_figures_and_the_reason(people):
    run = api.send_training_reminders(today=TODAY)
    assert len(run.sent) == 4 and len(mail.outbox) == 4
    to_behind = next(message for message in mail.outbox if message.to == ["behind@example.com"])
    assert "学习进度落后" in to_behind.subject
    assert "10.00 学分" in to_behind.body and "90 学分" in to_behind.body
    assert "/cadre-credits/my-record/" in to_behind.body
    to_late = next(message for message in mail.outbox if message.to == ["late@example.com"])
    assert "已逾期" in to_late.subject and "2026-09-16" in to_late.body
    digest = next(message for message in mail.outbox if message.to == ["province_admin@example.com"])
    assert "2 名干部" in digest.subject
    assert "逾期：1" in digest.body and "有风险：1" in digest.body and "/cadre-credits/compliance/" in digest.body


def test_nobody_gets_the_same_reminder_twice_in_a_period(people):
    api.send_training_reminders(today=TODAY)
    mail.outbox.clear()
    again = api.send_training_reminders(today=date(2026, 10, 31))
    assert (again.sent, len(again.already_sent), mail.outbox) == ((), 4, [])
    next_month = api.send_training_reminders(today=date(2026, 11, 2))
    assert len(next_month.sent) == 4 and next_month.period == "2026-11"


def test_a_weekly_period_is_the_iso_week(people, settings):
    settings.CADRE_TRAINING_REMINDER_PERIOD = "week"
    assert api.send_training_reminders(dry_run=True, today=TODAY).period == "2026-W43"


def test_a_failed_e_mail_is_not_recorded_so_the_next_run_tries_again(people, monkeypatch):
    from django.core.mail import EmailMessage

    original = EmailMessage.send

    def refuse_one(message, *args, **kwargs):
        if message.to == ["late@example.com"]:
            raise ConnectionRefusedError("mail server down")
        return original(message, *args, **kwargs)

    monkeypatch.setattr(EmailMessage, "send", refuse_one)
    run = api.send_training_reminders(today=TODAY)
    assert [reminder.recipient_username for reminder, _ in run.failed] == ["late"]
    assert not ReminderSent.objects.filter(recipient=people["late"]).exists()
    monkeypatch.setattr(EmailMessage, "send", original)
    retry = api.send_training_reminders(today=TODAY)
    assert recipients(retry) == [("late", "overdue")]


def test_a_cadre_without_an_e_mail_address_is_listed_not_written_to(people):
    people["behind"].email = ""
    people["behind"].save()
    run = api.send_training_reminders(today=TODAY)
    assert [reminder.recipient_username for reminder in run.without_email] == ["behind"]
    assert all(message.to != [""] for message in mail.outbox)


def test_the_command_dry_run_names_who_would_be_written_to(people, capsys):
    call_command("send_training_reminders", "--dry-run", "--today", "2026-10-20")
    out = capsys.readouterr().out
    assert "would write to 王小纲 (behind) <behind@example.com>: at_risk" in out
    assert "would write to 王小纲 (jinan_admin) <jinan_admin@example.com>: digest of 1 cadres in 济南市总工会" in out
    assert "on_pace" not in out and "gone" not in out
    assert "period 2026-10: 4 to send, 0 already sent" in out
    assert mail.outbox == []


def test_the_command_rejects_a_malformed_day(people):
    with pytest.raises(CommandError, match="'20-10-2026' is not a date"):
        call_command("send_training_reminders", "--today", "20-10-2026")


def test_the_celery_task_sends_and_reports(people):
    from credit_plugin.tasks import send_training_reminders

    result = send_training_reminders.delay().get()
    assert result["sent"] == len(mail.outbox) > 0
