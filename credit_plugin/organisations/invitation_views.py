"""The page a pending cadre's invitation link opens: make an LMS account, or link the one signed in."""
from django import forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from credit_plugin import compat
from credit_plugin.organisations import invitations
from credit_plugin.organisations.models import CadreProfile
from credit_plugin.pages import page

PROBLEMS = {
    "unknown": gettext_lazy("This invitation link is not valid. Check that the whole link was copied from the "
                            "e-mail, or ask your training administrator for a new invitation."),
    "used": gettext_lazy("This invitation has already been used: the account is registered. Sign in with it."),
    "expired": gettext_lazy("This invitation has expired. Ask your training administrator for a new one."),
}
ACCOUNT_PROBLEMS = {
    "username_taken": gettext_lazy("This username is taken. Choose another one."),
    "email_taken": gettext_lazy("An account with your e-mail address exists already. Sign in with it, then open "
                                "this link again to link it."),
    "already_a_cadre": gettext_lazy("The account you are signed in with is already a cadre's. Sign out to make "
                                    "a new account with this invitation."),
}


class NewAccountForm(forms.Form):
    username = forms.RegexField(
        label=gettext_lazy("Username"), max_length=30, min_length=2, regex=r"^[A-Za-z0-9_.@+-]+$",
        error_messages={"invalid": gettext_lazy("Use letters, digits and _ . @ + - only.")},
    )
    password = forms.CharField(label=gettext_lazy("Password"), widget=forms.PasswordInput, max_length=128)
    password_again = forms.CharField(label=gettext_lazy("Password again"), widget=forms.PasswordInput,
                                     max_length=128)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password") and cleaned.get("password") != cleaned.get("password_again"):
            self.add_error("password_again", _("The two passwords differ."))
        elif cleaned.get("password"):
            try:
                password_validation.validate_password(cleaned["password"])
            except ValidationError as error:
                self.add_error("password", error)
        return cleaned


def _render(request, context, status=200):
    response = page(request, "credit_plugin/invitation.html", context, status=status)
    response["Referrer-Policy"] = "no-referrer"  # the token in the address goes nowhere else
    return response


@never_cache
def accept_invitation(request, token):
    """GET: who is invited, and the form; POST: make or link the account, sign in, go to the record."""
    try:
        invitation = invitations.open_invitation(token)
    except invitations.InvitationProblem as problem:
        return _render(request, {"problem": PROBLEMS[problem.reason]}, status=410 if problem.reason != "unknown"
                       else 404)
    signed_in = request.user.is_authenticated
    already_cadre = signed_in and CadreProfile.objects.filter(user=request.user).exists()
    form = NewAccountForm(request.POST if request.method == "POST" and not signed_in else None)
    context = {"pending": invitation.pending, "form": form, "signed_in": signed_in, "already_cadre": already_cadre}
    if request.method != "POST":
        return _render(request, context)
    if signed_in:
        kwargs = {"user": request.user}
    elif form.is_valid():
        kwargs = {"new_account": {"username": form.cleaned_data["username"], "password": form.cleaned_data["password"]}}
    else:
        return _render(request, context, status=400)
    try:
        user = invitations.accept_invitation(token, **kwargs)
    except invitations.InvitationProblem as problem:
        return _render(request, {"problem": PROBLEMS[problem.reason]}, status=410)
    except invitations.AccountProblem as problem:
        return _render(request, {**context, "account_problem": ACCOUNT_PROBLEMS[str(problem)]}, status=400)
    if not signed_in:
        compat.log_in(request, user)
    return redirect("credit_plugin:my_record")
