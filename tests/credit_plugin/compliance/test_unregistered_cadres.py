"""Appointed cadres without an account: counted at risk, then overdue after 15 days, listed and reminded."""
import csv
import io
import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from credit_plugin import api
from credit_plugin.models import CadreInvitation, PendingCadre
from credit_plugin.organisations import invitations
from tests.credit_plugin.organisations.test_cadre_import import run, workbook
from tests.factories import administrator, cadre, union_tree

pytestmark = pytest.mark.django_db
HEADER = ["姓名", "组织代码", "干部类别", "任职日期", "邮箱", "手机号"]


def today():
    return timezone.now().astimezone(ZoneInfo("Asia/Shanghai")).date()


@pytest.fixture
def appointed():
    """Three cadres appointed without accounts in city A (16, 10 and 5 days ago), one serving cadre in city B."""
    orgs = union_tree()
    rows = [HEADER,
            ["逾期者", "370102001", "主席", (today() - timedelta(days=16)).isoformat(), "late@example.com", ""],
            ["将到期", "370102", "副主席", (today() - timedelta(days=10)).isoformat(), "soon@example.com", ""],
            ["只有手机", "370102001", "兼职", (today() - timedelta(days=5)).isoformat(), "", "13800138000"]]
    result = run(workbook(rows), create_users=False)
    assert result.written and result.invitations_sent == 2  # the one with only a phone waits for an SMS sender
    cadre(orgs["union_b"], username="qingdao_one", took_office_on=today() - timedelta(days=400))
    mail.outbox.clear()
    return orgs


def test_day_16_is_overdue_and_day_10_at_risk_in_the_counts(appointed):
    admin = administrator(appointed["province"])
    overall, children = api.compliance_overview(viewer=admin, organisation_code="370000", year=today().year)
    assert overall.total == 4 and overall.overdue >= 1
    by_code = {child.organisation.code: child for child in children}
    assert (by_code["370100"].total, by_code["370100"].overdue, by_code["370100"].at_risk) == (3, 1, 2)
    report = api.compliance_report(viewer=admin, organisation_code="370000", year=today().year)
    days = {cadre.full_name: (cadre.status, cadre.days_left) for cadre in report.pending}
    assert days == {"逾期者": ("overdue", -1), "将到期": ("at_risk", 5), "只有手机": ("at_risk", 10)}
    overdue_only = api.compliance_report(viewer=admin, organisation_code="370000", year=today().year,
                                         status="overdue")
    assert [cadre.full_name for cadre in overdue_only.pending] == ["逾期者"]
    # A city B administrator sees none of them.
    other = administrator(appointed["city_b"])
    assert api.compliance_report(viewer=other, organisation_code="370200", year=today().year).pending == ()


def test_the_dashboard_lists_them_with_days_left(appointed, client):
    client.force_login(administrator(appointed["province"]))
    page = client.get(f"/cadre-credits/compliance/?org=370000&year={today().year}").content.decode()
    table = page[page.index('id="pending"'):]
    assert "逾期者" in table and "将到期" in table and "只有手机" in table
    assert re.search(r"逾期者.*?s-overdue\">\s*逾期 1 天", table, re.S)
    assert re.search(r"将到期.*?s-at_risk\">\s*还剩 5 天", table, re.S)
    assert "138****8000" in table and "l**e@example.com" in table
    assert '<b class="count-overdue">1</b>' in page  # counted in the headline


def test_accepting_takes_a_cadre_off_the_list_registered_that_day(appointed, client):
    run(workbook([HEADER, ["新来的", "370102001", "主席", (today() - timedelta(days=2)).isoformat(),
                           "new@example.com", ""]]), create_users=False)
    token = re.search(r"/cadre-credits/invitation/([A-Za-z0-9_-]+)/", mail.outbox[-1].body).group(1)
    user = invitations.accept_invitation(token, new_account={"username": "xinlaide", "password": "x" * 12})
    admin = administrator(appointed["province"])
    report = api.compliance_report(viewer=admin, organisation_code="370000", year=today().year)
    assert "新来的" not in [cadre.full_name for cadre in report.pending]
    status = api.compliance_status(user_id=user.id, year=today().year)
    registration = next(deadline for deadline in status.deadlines if deadline.rule == "registration")
    assert registration.met_on == today() and registration.met


def test_the_reminder_run_invites_them_again_and_tells_their_administrators(appointed):
    administrator(appointed["city_a"], username="jinan_admin")
    administrator(appointed["city_b"], username="qingdao_admin")
    dry = api.send_training_reminders(dry_run=True)
    # Invited today by the import: not again the same day.
    assert {cadre.full_name: outcome for cadre, outcome in dry.invitations} == {
        "逾期者": "invited_today", "将到期": "invited_today", "只有手机": "planned"}
    CadreInvitation.objects.update(created_at=timezone.now() - timedelta(days=3))
    first_link = CadreInvitation.objects.get(pending__full_name="逾期者")

    result = api.send_training_reminders()
    outcomes = {cadre.full_name: outcome for cadre, outcome in result.invitations}
    assert outcomes == {"逾期者": "sent", "将到期": "sent", "只有手机": "unreachable"}
    to_late = next(message for message in mail.outbox if message.to == ["late@example.com"])
    assert "提醒" in to_late.subject and "/cadre-credits/invitation/" in to_late.body
    # The new link replaces the old one.
    first_link.refresh_from_db()
    assert first_link.expires_at <= timezone.now()
    digest = next(message for message in mail.outbox if "jinan_admin" in message.to[0])
    assert "逾期者" in digest.body and "将到期" in digest.body and "只有手机" in digest.body
    assert "逾期 1 天" in digest.body and "还剩 5 天" in digest.body
    assert "3 名已任职未注册干部" in digest.subject
    to_qingdao = next(message for message in mail.outbox if "qingdao_admin" in message.to[0])
    assert "逾期者" not in to_qingdao.body and "未注册" not in to_qingdao.subject  # not theirs

    sent = len(mail.outbox)
    assert {outcome for _, outcome in api.send_training_reminders().invitations} == {"invited_today", "unreachable"}
    CadreInvitation.objects.update(created_at=timezone.now() - timedelta(days=3))  # later in the same month
    again = api.send_training_reminders()
    assert {outcome for _, outcome in again.invitations} == {"already_sent", "unreachable"}
    assert len(mail.outbox) == sent  # once a period
    assert PendingCadre.objects.filter(user=None).count() == 3


def test_the_command_lists_the_invitations(appointed, capsys):
    CadreInvitation.objects.update(created_at=timezone.now() - timedelta(days=3))
    call_command("send_training_reminders", "--dry-run")
    out = capsys.readouterr().out
    assert "invitation planned: 逾期者 (370102001)" in out


def test_the_dashboards_export_lists_them_too_with_their_deadline(appointed, client):
    client.force_login(administrator(appointed["province"]))
    response = client.post("/cadre-credits/compliance/export/", {"org": "370000", "year": today().year,
                                                                  "format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    listed = {row[0]: row for row in rows[1:] if not row[1]}  # no username: appointed, no account yet
    assert set(listed) == {"逾期者", "将到期", "只有手机"}
    assert listed["逾期者"][-1].startswith("尚未注册：注册期限") and listed["将到期"][-1].endswith("（还剩 5 天）。")
