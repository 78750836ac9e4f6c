"""A dialogue's registration addresses, in the language of each version: the form of a session
(``inscription/<session>/``, ``register/<session>/``), the person's page and its cancellation
(``…/<reference>/<secret>/`` and ``…/annuler/``, ``…/cancel/``). The views are in
``dialogues.registration_views``."""

from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

FORM = "<uuid:session_key>/"
PERSON = "<uuid:reference>/<str:token>/"


class RegistrationRoutes(RoutablePageMixin):
    def in_own_language(self, request):
        """A route of the other language's words answers 404: each address exists once."""
        name = request.routable_resolver_match.url_name
        if not name.endswith(f"_{self.locale.language_code}"):
            raise Http404

    def person_paths(self, request, registration):
        """The paths of a registered person's page and of its cancellation, in this version."""
        kwargs = {"reference": registration.reference, "token": registration.token}
        language = self.locale.language_code
        base = self.get_url(request)
        return (
            base + self.reverse_subpage(f"registration_status_{language}", kwargs=kwargs),
            base + self.reverse_subpage(f"registration_cancel_{language}", kwargs=kwargs),
        )

    def serve(self, request, view=None, args=None, kwargs=None, interface_index=None):
        """An untranslated dialogue served by another language's index page keeps that index."""
        if interface_index is not None:
            return super().serve(request, kwargs={"interface_index": interface_index})
        return super().serve(request, view, args, kwargs)

    @path(f"inscription/{FORM}", name="registration_form_fr")
    @path(f"register/{FORM}", name="registration_form_en")
    def registration_form(self, request, session_key):
        from ..registration_views import registration_form

        self.in_own_language(request)
        return registration_form(request, self, session_key)

    @path(f"inscription/{PERSON}", name="registration_status_fr")
    @path(f"register/{PERSON}", name="registration_status_en")
    def registration_status(self, request, reference, token):
        from ..registration_views import registration_status

        self.in_own_language(request)
        return registration_status(request, self, reference, token)

    @path(f"inscription/{PERSON}annuler/", name="registration_cancel_fr")
    @path(f"register/{PERSON}cancel/", name="registration_cancel_en")
    def registration_cancel(self, request, reference, token):
        from ..registration_views import registration_cancel

        self.in_own_language(request)
        return registration_cancel(request, self, reference, token)
