"""
People's names, read in one place: the name a certificate, a dashboard or a reminder prints.

The LMS keeps a learner's full name in its profile; until the platform's is read (through
``compat``), it is the account's first and last name, and the username where there is none.
"""
from typing import NamedTuple

from django.contrib.auth import get_user_model

# The account fields a bulk query reads to name a user (see ``full_name``).
NAME_FIELDS = ("first_name", "last_name", "username")


def full_name(first_name: str, last_name: str, username: str) -> str:
    """The name to print for an account (Chinese names have no space between the parts)."""
    return f"{first_name}{last_name}".strip() or username


def names_of(user_ids) -> dict[int, str]:
    """{user id: the name to print} for ``user_ids``, in one query."""
    rows = get_user_model().objects.filter(id__in=user_ids).values_list("id", *NAME_FIELDS)
    return {user_id: full_name(first, last, username) for user_id, first, last, username in rows}


def name_of(user_id: int) -> str:
    return names_of([user_id]).get(user_id, "")


def contacts_of(user_ids) -> dict[int, tuple[str, str, str]]:
    """{user id: (username, e-mail, name)} of the active users among ``user_ids``: who can be written to."""
    rows = get_user_model().objects.filter(id__in=user_ids, is_active=True).values_list("id", "email", *NAME_FIELDS)
    return {user_id: (username, email, full_name(first, last, username))
            for user_id, email, first, last, username in rows}


def user_ids_by_username(usernames) -> dict[str, int]:
    return dict(get_user_model().objects.filter(username__in=usernames).values_list("username", "id"))


class Account(NamedTuple):
    """An LMS account as imports match people to it; ``name`` is empty when the account has none."""

    id: int
    username: str
    email: str
    name: str


def accounts_by(field: str, values) -> dict[str, Account]:
    """{value, lower case: account} of the accounts whose ``field`` (username, email or id) is one of ``values``."""
    rows = get_user_model().objects.filter(**{f"{field}__in": list(values)}).values_list(
        "id", "username", "email", "first_name", "last_name")
    accounts = {}
    for user_id, username, email, first, last in rows:
        account = Account(user_id, username, email, full_name(first, last, ""))
        accounts[str(getattr(account, field)).lower()] = account
    return accounts
