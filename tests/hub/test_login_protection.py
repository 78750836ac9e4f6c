"""Login protection: 5 failures for one account from one address lock that pair for 15 minutes."""

from datetime import timedelta

from axes.models import AccessAttempt
from django.test import TestCase, override_settings
from django.urls import reverse

from hub.settings import base
from tests.factories import role_user

LOGIN = reverse("wagtailadmin_login")


@override_settings(AXES_ENABLED=True, AUTHENTICATION_BACKENDS=base.AUTHENTICATION_BACKENDS)
class LockoutTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = role_user("Reviewers", "reviewer")
        cls.other = role_user("Reviewers", "other-reviewer")

    def attempt(self, username, password, address="203.0.113.7"):
        self.client.logout()
        response = self.client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)
        logged_in = "_auth_user_id" in self.client.session
        return response, logged_in

    def fail(self, times, username="reviewer", address="203.0.113.7"):
        for _attempt in range(times):
            response, logged_in = self.attempt(username, "wrong-password", address)
            self.assertFalse(logged_in)

    def test_the_right_password_works_before_the_limit(self):
        self.fail(4)
        _response, logged_in = self.attempt("reviewer", "password")
        self.assertTrue(logged_in)

    def test_after_five_failures_even_the_right_password_is_refused(self):
        self.fail(5)
        response, logged_in = self.attempt("reviewer", "password")
        self.assertFalse(logged_in)
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "15", status_code=429)

    def test_the_lock_is_for_that_account_from_that_address(self):
        self.fail(5)
        self.assertTrue(self.attempt("reviewer", "password", address="198.51.100.9")[1])
        self.assertTrue(self.attempt("other-reviewer", "password")[1])

    def test_the_lock_ends_after_fifteen_minutes(self):
        self.fail(5)
        AccessAttempt.objects.update(
            attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=14)
        )
        self.assertFalse(self.attempt("reviewer", "password")[1])
        AccessAttempt.objects.update(
            attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=2)
        )
        self.assertTrue(self.attempt("reviewer", "password")[1])
