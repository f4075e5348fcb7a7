"""Cadres without an account: imported as pending, invited, registered the day they accept (decision 0024)."""
import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from credit_plugin import api
from credit_plugin.models import CadreInvitation, CadreProfile, PendingCadre
from credit_plugin.organisations import invitations
from tests.credit_plugin.organisations.test_cadre_import import csv_bytes, messages, run, workbook
from tests.factories import UserFactory, administrator, cadre, union_tree

pytestmark = [pytest.mark.django_db]
HEADER = ["姓名", "组织代码", "干部类别", "任职日期", "邮箱", "手机号", "职务"]


def today():
    return timezone.now().astimezone(ZoneInfo("Asia/Shanghai")).date()


def roster(took_office_on, count=10):
    return [HEADER] + [
        [f"新干部{index}", "370102001", "主席", took_office_on.isoformat(), f"new{index}@example.com", "", "工会主席"]
        for index in range(count)
    ]


def link_token(message):
    return re.search(r"/cadre-credits/invitation/([A-Za-z0-9_-]+)/", message.body).group(1)


@pytest.fixture
def orgs():
    return union_tree()


@pytest.mark.usefixtures("english")
def test_ten_cadres_without_accounts_preview_then_import_and_are_each_invited(orgs):
    data = workbook(roster(today() - timedelta(days=3)))
    preview = run(data, dry_run=True, create_users=False)
    assert messages(preview) == [] and (preview.pending, preview.users_to_create) == (10, 0)
    assert not PendingCadre.objects.exists() and mail.outbox == []

    result = run(data, create_users=False)
    assert result.written and result.invitations_sent == 10
    assert PendingCadre.objects.filter(user=None).count() == 10 and not get_user_model().objects.exists()
    assert sorted(message.to[0] for message in mail.outbox) == sorted(f"new{i}@example.com" for i in range(10))
    # Only a hash of each token is kept: the link's token is nowhere in the database.
    token = link_token(mail.outbox[0])
    assert not CadreInvitation.objects.filter(token_hash=token).exists()
    assert CadreInvitation.objects.filter(token_hash=invitations.hash_token(token)).count() == 1

    run(data, create_users=False)  # the same roster again: nobody twice, nobody invited twice
    assert PendingCadre.objects.count() == 10 and len(mail.outbox) == 10


def test_the_invitation_e_mail_is_in_chinese_with_the_deadline(orgs):
    run(workbook(roster(datetime(2026, 12, 1).date(), count=1)), create_users=False)
    message = mail.outbox[0]
    assert "邀请" in message.subject and "新干部0" in message.body
    assert "2026-12-16" in message.body and "历下区某公司工会" in message.body


@pytest.mark.usefixtures("english")
def test_a_pending_row_is_checked_in_the_dry_run_and_nothing_is_written(orgs):
    rows = [HEADER,
            ["", "370102001", "主席", "2026-09-01", "a@example.com", "", ""],            # no name
            ["李四", "370102001", "主席", "2026-09-01", "", "", ""],                      # nobody to invite
            ["王五", "370102001", "主席", "2026-09-01", "not-an-address", "", ""],
            ["赵六", "370102001", "主席", "2026-09-01", "a@example.com", "", ""],          # same as row 2
            ["钱七", "370102001", "主席", "2026-09-01", "q" * 250 + "@example.com", "", ""],
            ["孙八", "370102001", "主席", "2026-09-01", "ok@example.com", "", "职" * 129]]
    result = run(csv_bytes(rows), "cadres.csv", create_users=False)
    found = messages(result)
    assert any("row 2" in problem and "needs a name" in problem for problem in found)
    assert any("row 3" in problem and "e-mail address or a phone number" in problem for problem in found)
    assert any("row 4" in problem and "not an e-mail address" in problem for problem in found)
    assert any("row 5" in problem and "already on row 2" in problem for problem in found)
    assert any("row 6" in problem and "邮箱" in problem for problem in found)
    assert any("row 7" in problem and "职务" in problem for problem in found)
    assert not result.written and not PendingCadre.objects.exists() and mail.outbox == []


def accept(client, token, username="xinganbu", password="a long passphrase 2026"):
    return client.post(f"/cadre-credits/invitation/{token}/",
                       {"username": username, "password": password, "password_again": password})


def test_a_cadre_who_accepts_on_day_5_is_registered_on_day_5(orgs, client):
    took_office_on = today() - timedelta(days=5)
    run(workbook(roster(took_office_on, count=1)), create_users=False)
    token = link_token(mail.outbox[0])
    page = client.get(f"/cadre-credits/invitation/{token}/")
    assert page.status_code == 200 and "新干部0" in page.content.decode()
    assert page["Referrer-Policy"] == "no-referrer"

    response = accept(client, token)
    assert response.status_code == 302 and response["Location"].endswith("/cadre-credits/my-record/")
    user = get_user_model().objects.get(username="xinganbu")
    assert (user.profile.name, user.email, user.check_password("a long passphrase 2026")) == (
        "新干部0", "new0@example.com", True)
    profile = CadreProfile.objects.get(user=user)
    assert (profile.registered_on - profile.took_office_on).days == 5
    assert api.cadre_profile(user_id=user.id).registered_on == took_office_on + timedelta(days=5)
    assert PendingCadre.objects.get().user == user
    assert client.get("/cadre-credits/my-record/").status_code == 200  # signed in


def test_a_signed_in_account_is_linked_not_a_new_one_made(orgs, client):
    run(workbook(roster(today() - timedelta(days=2), count=1)), create_users=False)
    token = link_token(mail.outbox[0])
    own = UserFactory(username="had_one")
    client.force_login(own)
    assert "had_one" in client.get(f"/cadre-credits/invitation/{token}/").content.decode()
    client.post(f"/cadre-credits/invitation/{token}/")
    assert CadreProfile.objects.get(user=own).registered_on == today()
    assert get_user_model().objects.count() == 1


def test_an_account_that_is_already_a_cadre_is_not_linked(orgs, client):
    run(workbook(roster(today() - timedelta(days=2), count=1)), create_users=False)
    token = link_token(mail.outbox[0])
    client.force_login(cadre(orgs["union_a"], username="someone_else"))
    assert client.post(f"/cadre-credits/invitation/{token}/").status_code == 400
    assert PendingCadre.objects.get().user is None


def test_a_token_works_once_and_a_wrong_one_says_so(orgs, client):
    run(workbook(roster(today() - timedelta(days=2), count=1)), create_users=False)
    token = link_token(mail.outbox[0])
    assert accept(client, token).status_code == 302
    client.logout()
    again = client.get(f"/cadre-credits/invitation/{token}/")
    assert again.status_code == 410 and "此邀请已使用过" in again.content.decode()
    assert accept(client, token, username="second").status_code == 410
    assert not get_user_model().objects.filter(username="second").exists()
    for wrong_token in (f"{token[:-2]}xx", "x" * 10_000):
        wrong = client.get(f"/cadre-credits/invitation/{wrong_token}/")
        assert wrong.status_code == 404 and "此邀请链接无效" in wrong.content.decode()


def test_an_expired_token_opens_nothing_and_says_so(orgs, client, settings):
    run(workbook(roster(today() - timedelta(days=2), count=1)), create_users=False)
    token = link_token(mail.outbox[0])
    CadreInvitation.objects.update(expires_at=datetime(2026, 1, 1, tzinfo=UTC))
    page = client.get(f"/cadre-credits/invitation/{token}/")
    assert page.status_code == 410 and "此邀请已过期" in page.content.decode()
    assert accept(client, token).status_code == 410 and not get_user_model().objects.exists()
    with pytest.raises(invitations.InvitationProblem):
        invitations.accept_invitation(token, new_account={"username": "late", "password": "x" * 12})


def test_the_invitation_page_is_in_chinese(orgs, client):
    run(workbook(roster(today() - timedelta(days=2), count=1)), create_users=False)
    token = link_token(mail.outbox[0])
    assert "注册" in client.get(f"/cadre-credits/invitation/{token}/", HTTP_ACCEPT_LANGUAGE="zh-cn").content.decode()
    wrong = client.get("/cadre-credits/invitation/nothing-here/", HTTP_ACCEPT_LANGUAGE="zh-cn")
    assert "无效" in wrong.content.decode()


def test_the_import_page_and_command_say_who_is_invited(orgs, client, tmp_path, capsys):
    path = tmp_path / "干部.xlsx"
    path.write_bytes(workbook(roster(today() - timedelta(days=1), count=2)))
    call_command("import_cadres", str(path), "--dry-run")
    out = capsys.readouterr().out
    assert "row 3: cadre 新干部0 → 370102001 [no account yet: to be invited]" in out
    assert "2 without an account" in out and mail.outbox == []

    client.force_login(administrator(orgs["province"]))
    with path.open("rb") as upload:
        page = client.post("/cadre-credits/admin/cadres/import/", {"roster": upload, "dry_run": ""})
    text = page.content.decode()
    assert "2 名干部尚无账号" in text and "已发送邀请：2 封" in text and len(mail.outbox) == 2


def test_a_taken_username_or_differing_passwords_are_said_and_nothing_is_made(orgs, client):
    run(workbook(roster(today() - timedelta(days=2), count=1)), create_users=False)
    token = link_token(mail.outbox[0])
    UserFactory(username="taken")
    taken = accept(client, token, username="Taken")
    assert taken.status_code == 400 and "该用户名已被占用" in taken.content.decode()
    differ = client.post(f"/cadre-credits/invitation/{token}/",
                         {"username": "fresh", "password": "one passphrase", "password_again": "another one"})
    assert differ.status_code == 400 and "两次输入的密码不一致" in differ.content.decode()
    assert not get_user_model().objects.filter(username="fresh").exists()
    assert PendingCadre.objects.get().registered_on is None
    assert accept(client, token, username="fresh").status_code == 302  # the link still works


def test_an_address_that_has_an_account_already_is_linked_not_made_twice(orgs, client):
    run(workbook(roster(today() - timedelta(days=2), count=1)), create_users=False)
    token = link_token(mail.outbox[0])
    own = UserFactory(username="has_address", email="NEW0@example.com")
    made = accept(client, token, username="second_account")
    assert made.status_code == 400 and "已有使用您电子邮箱的账号" in made.content.decode()
    assert not get_user_model().objects.filter(username="second_account").exists()
    client.force_login(own)
    assert client.post(f"/cadre-credits/invitation/{token}/").status_code == 302
    assert CadreProfile.objects.get(user=own).registered_on == today()


class TextMessageSender:
    """A second channel as an SMS gateway's sender would plug in: the same three members, messages kept here."""

    channel = "sms"
    sent = []

    def can_reach(self, invitee):
        return bool(invitee.phone)

    def send(self, invitation):
        self.sent.append((invitation.phone, invitation.url))


def test_another_channel_plugs_in_behind_the_same_interface(orgs, settings):
    settings.CADRE_TRAINING_INVITATION_SENDERS = [
        "credit_plugin.organisations.invitations.EmailInvitationSender",
        f"{__name__}.TextMessageSender",
    ]
    TextMessageSender.sent.clear()
    rows = [HEADER, ["有邮箱", "370102001", "主席", "2026-09-01", "mail@example.com", "13800138000", ""],
            ["只有手机", "370102001", "主席", "2026-09-01", "", "13900139000", ""]]
    result = run(workbook(rows), create_users=False)
    assert dict(result.invitations) == {"有邮箱": "sent", "只有手机": "sent"}
    assert [message.to for message in mail.outbox] == [["mail@example.com"]]  # e-mail first where it reaches
    assert [phone for phone, _ in TextMessageSender.sent] == ["13900139000"]
    assert CadreInvitation.objects.get(pending__full_name="只有手机").channel == "sms"
    token = TextMessageSender.sent[0][1].rstrip("/").rsplit("/", 1)[1]
    assert invitations.open_invitation(token).pending.full_name == "只有手机"
