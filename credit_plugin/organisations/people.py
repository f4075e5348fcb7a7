"""
People's names, read in one place: the name a certificate, a dashboard or a reminder prints.

The LMS keeps a learner's full name in their profile (``UserProfile.name``, reached as
``user.profile``); the account's first and last names are usually empty. A learner without a name
there is shown by username.
"""
from typing import NamedTuple

from django.contrib.auth import get_user_model

from cadre_common.chunks import chunked
from credit_plugin.compat import PROFILE_NAME


def full_name(name: str | None, username: str) -> str:
    """The name to print for an account."""
    return (name or "").strip() or username


def names_of(user_ids) -> dict[int, str]:
    """{user id: the name to print} for ``user_ids``, in one query."""
    rows = [row for chunk in chunked(user_ids) for row in
            get_user_model().objects.filter(id__in=chunk).values_list("id", PROFILE_NAME, "username")]
    return {user_id: full_name(name, username) for user_id, name, username in rows}


def name_of(user_id: int) -> str:
    return names_of([user_id]).get(user_id, "")


def contacts_of(user_ids) -> dict[int, tuple[str, str, str]]:
    """{user id: (username, e-mail, name)} of the active users among ``user_ids``: who can be written to."""
    rows = [row for chunk in chunked(user_ids) for row in get_user_model().objects.filter(
        id__in=chunk, is_active=True).values_list("id", "username", "email", PROFILE_NAME)]
    return {user_id: (username, email, full_name(name, username)) for user_id, username, email, name in rows}


def user_ids_by_username(usernames) -> dict[str, int]:
    return {username: user_id for chunk in chunked(usernames) for username, user_id in
            get_user_model().objects.filter(username__in=chunk).values_list("username", "id")}


class Account(NamedTuple):
    """An LMS account as imports match people to it; ``name`` is empty when the profile has none."""

    id: int
    username: str
    email: str
    name: str


def accounts_by(field: str, values) -> dict[str, Account]:
    """{value, lower case: account} of the accounts whose ``field`` (username, email or id) is one of ``values``."""
    rows = [row for chunk in chunked(values) for row in get_user_model().objects.filter(
        **{f"{field}__in": chunk}).values_list("id", "username", "email", PROFILE_NAME)]
    accounts = {}
    for user_id, username, email, name in rows:
        account = Account(user_id, username, email, (name or "").strip())
        accounts[str(getattr(account, field)).lower()] = account
    return accounts
