"""The public registration form: no account, a name or a pseudonym, an e-mail or a phone, the
accommodations a person needs, their consent to be contacted about the session and, if they wish,
to be told of the dialogue's report. Every error names its field."""

import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import REQUESTED_ACCOMMODATIONS, Registration

PHONE = re.compile(r"^\+?[0-9 ().-]{7,25}(\s*(#|x|ext\.?|poste)\s*[0-9]{1,6})?$", re.IGNORECASE)


class RegistrationForm(forms.ModelForm):
    accommodations = forms.MultipleChoiceField(
        label=_("What would help you take part?"),
        choices=REQUESTED_ACCOMMODATIONS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    consent_to_contact = forms.BooleanField(
        label=_("I agree that the organizers contact me about this session."),
        error_messages={"required": _("Tick this box: the organizers need it to confirm your place.")},
    )

    class Meta:
        model = Registration
        fields = [
            "name",
            "email",
            "phone",
            "accommodations",
            "accommodations_details",
            "consent_to_contact",
            "wants_report",
        ]
        labels = {
            "name": _("Your name or a pseudonym"),
            "email": _("E-mail"),
            "phone": _("Phone"),
            "accommodations_details": _("Anything else we should know? (optional)"),
            "wants_report": _("Tell me by e-mail when the report of this dialogue is published (optional)."),
        }
        help_texts = {
            "name": _("What the organizers will call you. It does not have to be your real name."),
            "email": _("To receive the confirmation and the link to cancel."),
            "phone": _("If you have no e-mail: the organizers will call you."),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "accommodations_details": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "name": {"required": _("Write a name or a pseudonym.")},
            "email": {"invalid": _("Write a valid e-mail address, like nom@exemple.org.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        days = settings.DIALOGUE_CONTACT_RETENTION_DAYS
        self.fields["wants_report"].help_text = ngettext(
            "Your e-mail address is then kept for that, at most %(days)s day after the session.",
            "Your e-mail address is then kept for that, at most %(days)s days after the session.",
            days,
        ) % {"days": days}

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(_("Write a phone number with its area code, like 514 555-0123."))
        return phone

    def clean(self):
        cleaned = super().clean()
        unreachable = not cleaned.get("email") and not cleaned.get("phone")
        if unreachable and "email" not in self.errors and "phone" not in self.errors:
            self.add_error("email", _("Give an e-mail address or a phone number, so we can reach you."))
        if cleaned.get("wants_report") and not cleaned.get("email") and "email" not in self.errors:
            self.add_error("wants_report", _("Give an e-mail address to be told of the report."))
        if "other" in (cleaned.get("accommodations") or []) and not cleaned.get("accommodations_details"):
            self.add_error(
                "accommodations_details", _("You ticked “Something else”: say what would help you.")
            )
        return cleaned
