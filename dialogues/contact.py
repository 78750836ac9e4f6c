"""Writing to a dialogue's registrants after it, and withdrawing their consent to it.

A registration may be written to afterwards (a report of the dialogue published, for instance)
only while all of this holds:
- the person ticked "tell me when the report is published" (``wants_report``, optional and apart
  from the consent to be contacted about the session, which registering requires), and gave an
  e-mail address;
- it is confirmed or on the waiting list: someone waiting asked to take part as much as someone
  who got a place, while a cancelled registration is a person who withdrew from the dialogue;
- it still exists: ``apply_retention`` deletes registrations some days after their session, but
  keeps what writing to such a person needs (address, language, dialogue) for
  ``DIALOGUE_CONTACT_RETENTION_DAYS`` after it; nothing of them is kept elsewhere.

The person withdraws that consent with one click from any such e-mail (RFC 8058): the consent of
every registration made with the same address is withdrawn, since it is the address that asks
not to be written to."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation

from .models import Registration, RegistrationStatus

CONTACTABLE_STATUSES = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)


def contactable_registrations(registrations):
    """Those of ``registrations`` that may be written to."""
    return registrations.filter(wants_report=True, status__in=CONTACTABLE_STATUSES).exclude(email="")


def contactable(dialogue_keys):
    """The registrations for the dialogues whose ``translation_key`` is in ``dialogue_keys`` that
    may be written to, oldest first."""
    return contactable_registrations(
        Registration.objects.filter(dialogue__translation_key__in=list(dialogue_keys))
    ).select_related("dialogue")


def withdrawal_path(registration):
    """The path of the link that withdraws ``registration``'s consent, in the person's language:
    it works whatever becomes of the dialogue's page."""
    kwargs = {"reference": registration.reference, "token": registration.token}
    with translation.override(registration.language):
        return reverse("dialogue-contact-withdraw", kwargs=kwargs)


def withdraw(registration):
    """No more writing to ``registration``'s address about any dialogue. Idempotent."""
    same_person = Q(pk=registration.pk)
    if registration.email:
        same_person |= Q(email__iexact=registration.email)
    Registration.objects.filter(same_person, wants_report=True).update(
        wants_report=False, changed_at=timezone.now()
    )
