"""Fictional content for the browser tests, in French with English translations.

Enough to make every public page type render with real data and to give the facets counts
that change when a filter is ticked: case files in two regions and several risks, a brief
citing one of them, an agreement. The main case file carries every body block a reader can meet
(heading, image with alternative text, quote, timeline, official response) and a testimony, so
the accessibility audit sees them; one case file has no English translation ("untranslated
casefile"), so the English site shows it in French through the index's fallback route. A
glossary term, in both languages, is used in the main case file's body. Every page says it is
fictional, as the demo does.

The register holds one entry, the system that sorts the housing requests: the organization's
published declaration withholds some fields, the community documented others, the main case file
and the agreement link to it, and it has an English translation. Its summaries do not hold the
search journey's phrase, so the search counts stay those of the case files, brief and agreement.
"""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.utils import timezone

from dialogues.models import RegistrationMode, SessionFormat, SessionStatus
from followup.following import follower_urls
from followup.models import CommitmentStatus, Follower
from hub.models import Organization
from hub.subscriptions import subscription_urls
from search.models import SearchAlert
from tests.browser.learning_content import learning_content
from tests.factories import (
    QUEBEC,
    AdvocacyBriefPageFactory,
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    DeclaredRecordFactory,
    DialoguePageFactory,
    GlossaryTermFactory,
    ImageFactory,
    OrganizationFactory,
    ReportPageFactory,
    SystemPageFactory,
    TestimonyFactory,
    VenueFactory,
    commitment,
    evidence,
    locale,
    paragraph,
    progress_update,
    recommendation,
    session,
    show_testimony,
    site_skeleton,
    theme,
    translate_page,
)

FICTIONAL = "Cas fictif créé pour les tests."
FICTIONAL_EN = "Fictional case made for the tests."

PLAIN_SUMMARY_FR = "Un logiciel trie les demandes d'aide au logement. Des familles attendent plus longtemps."
PLAIN_SUMMARY_EN = "A computer program sorts requests for housing help. Some families wait longer."

SYSTEM_PLAIN_SUMMARY = {
    "fr": "Un logiciel donne un score aux demandes de logement. Le score décide de l'ordre d'attente.",
    "en": "A computer program gives housing requests a score. The score decides the waiting order.",
}


@dataclass
class BrowserContent:
    """The pages a browser test visits, by name; ``paths[name]`` is ``{"fr": url, "en": url}``."""

    pages: dict = field(default_factory=dict)
    paths: dict = field(default_factory=dict)

    def add(self, name, french, english):
        self.pages[name] = {"fr": french, "en": english}
        self.paths[name] = {"fr": french.url, "en": english.url}


# The main case file's body in each language: every block a reader can meet, the first
# paragraph using a glossary term (linked to its definition on the page).
HOUSING_TEXT = {
    "fr": {
        "paragraph": f"Un algorithme attribue un score à chaque demande. {FICTIONAL}",
        "evidence": "Article fictif sur le tri",
        "heading": "Ce qui s'est passé",
        "alt": "Une file d'attente fictive devant un comptoir de service",
        "caption": "Illustration fictive.",
        "quote": "On ne savait pas qu'un logiciel décidait.",
        "attribution": "Locataire fictive",
        "event": "Mise en service fictive",
        "description": FICTIONAL,
        "response": f"L'office dit que le score n'est qu'une aide. {FICTIONAL}",
    },
    "en": {
        "paragraph": f"An algorithm gives each request a score. {FICTIONAL_EN}",
        "evidence": "Fictional article on the sorting",
        "heading": "What happened",
        "alt": "A fictional queue in front of a service counter",
        "caption": "Fictional illustration.",
        "quote": "We did not know a program was deciding.",
        "attribution": "Fictional tenant",
        "event": "Fictional start of service",
        "description": FICTIONAL_EN,
        "response": f"The housing office says the score is only an aid. {FICTIONAL_EN}",
    },
}


def housing_body(text, image):
    return [
        paragraph(text["paragraph"]),
        evidence("https://journal.example.org/logement-tri", title=text["evidence"]),
        {"type": "heading", "value": {"text": text["heading"], "level": "h2"}},
        {
            "type": "image",
            "value": {
                "image": image.pk,
                "alt_text": text["alt"],
                "caption": text["caption"],
                "credit": "Vigie IA",
            },
        },
        {"type": "quote", "value": {"quote": text["quote"], "attribution": text["attribution"]}},
        {
            "type": "timeline_event",
            "value": {"date": "2025-01-15", "title": text["event"], "description": text["description"]},
        },
        {
            "type": "official_response",
            "value": {
                "organization": None,
                "date": "2025-02-01",
                "response": text["response"],
                "source_url": "https://office.example.org/reponse",
            },
        },
    ]


def glossary_term(term, definition, english_term, english_definition):
    """A French glossary term and its English translation, as a translator leaves them."""
    french = GlossaryTermFactory(term=term, definition=definition)
    english = french.copy_for_translation(locale("en"))
    english.term, english.definition, english.example = english_term, english_definition, ""
    english.save()
    return french, english


def build_browser_content():
    skeleton = site_skeleton()
    content = BrowserContent()
    for name, model_path in (
        ("home", "home"),
        ("casefile index", "impacts.CaseFileIndexPage"),
        ("brief index", "advocacy.AdvocacyBriefIndexPage"),
        ("agreement index", "advocacy.CollaborationAgreementIndexPage"),
        ("register index", "registry.SystemIndexPage"),
    ):
        content.add(name, skeleton["fr"][model_path], skeleton["en"][model_path])

    glossary_term(
        "algorithme",
        "Une suite d'instructions qu'un ordinateur suit pour arriver à un résultat.",
        "algorithm",
        "A list of steps a computer follows to reach a result.",
    )
    image = ImageFactory()
    system = register_entry()
    housing = CaseFilePageFactory(
        system=system,
        title="Tri automatisé des demandes de logement social",
        summary=f"Un système classe les demandes de logement social. {FICTIONAL}",
        plain_summary=PLAIN_SUMMARY_FR,
        services=["habitation"],
        regions=["montreal"],
        risks=["discrimination", "opacite"],
        body=housing_body(HOUSING_TEXT["fr"], image),
    )
    # A French testimony, shown on the English page too (the links are synchronised).
    housing = show_testimony(
        housing,
        TestimonyFactory(
            casefiles=[housing],
            image=ImageFactory(),
            image_alt="Une lettre de refus fictive posée sur une table",
        ),
    )
    content.add(
        "casefile",
        housing,
        translate_page(
            housing,
            title="Automated sorting of social housing requests",
            summary=f"A system ranks social housing requests. {FICTIONAL_EN}",
            plain_summary=PLAIN_SUMMARY_EN,
            body=housing_body(HOUSING_TEXT["en"], image),
        ),
    )
    others = [
        CaseFilePageFactory(
            title="Détection de fraude à l'aide sociale",
            summary=f"Un modèle signale des dossiers d'aide sociale. {FICTIONAL}",
            services=["emploi-solidarite"],
            regions=["laval"],
            risks=["erreurs"],
        ),
        CaseFilePageFactory(
            title="Caméras intelligentes au centre-ville",
            summary=f"Des caméras analysent les passants. {FICTIONAL}",
            services=["securite-publique"],
            regions=["montreal"],
            risks=["surveillance", "vie-privee"],
        ),
    ]
    for page in others:
        translate_page(page, title=f"{page.title} (EN)", summary=f"{FICTIONAL_EN} {page.pk}")

    untranslated = CaseFilePageFactory(
        title="Robot conversationnel au guichet des permis",
        summary=f"Un robot répond aux questions sur les permis. {FICTIONAL}",
        services=["securite-publique"],
        regions=["laval"],
        risks=["erreurs"],
    )
    content.pages["untranslated casefile"] = {"fr": untranslated}
    content.paths["untranslated casefile"] = {
        "fr": untranslated.url,
        "en": content.pages["casefile index"]["en"].specific.item_url(untranslated),
    }

    brief = AdvocacyBriefPageFactory(
        title="Pour un registre public des systèmes d'IA",
        summary=f"Nous demandons un registre public. {FICTIONAL}",
        citations=[housing],
    )
    content.add("brief", brief, translate_page(brief, title="For a public register of AI systems"))
    city = OrganizationFactory(name="Ville fictive de Saint-Exemple", key="ville-fictive-saint-exemple")
    agreement = CollaborationAgreementPageFactory(
        title="Entente de codesign sur le tri des demandes",
        summary=f"Une ville et un organisme suivent le système ensemble. {FICTIONAL}",
        # Two commitments for the commitment tracker: one overdue, one with a progress update.
        commitments=[
            commitment("Publier le code du système fictif.", owner=city, due_date=datetime.date(2025, 3, 31)),
            commitment("Tenir un comité de suivi fictif.", owner=city, owner_role="Direction fictive"),
        ],
    )
    progress_update(agreement.commitments.get(number=2), "Le comité fictif s'est réuni.", progress=50)
    agreement.systems = [system]
    agreement.save_revision().publish()
    english_agreement = translate_page(agreement, title="Codesign agreement on request sorting")
    content.add("agreement", agreement, english_agreement)
    add_commitment_pages(content, agreement, english_agreement)
    add_search_alert_pages(content)
    english_system = translate_page(
        system,
        title="Fictional housing request scorer",
        summary="A fictional system, made up for the browser tests, scores housing requests.",
        plain_summary=SYSTEM_PLAIN_SUMMARY["en"],
        decision_role="Ranks the requests by score.",
    )
    content.add("system", type(system).objects.get(pk=system.pk), english_system)
    dialogue = dialogue_content(content, skeleton)
    report_content(content, skeleton, dialogue)
    learning_content(content, skeleton, dialogue)
    add_registration_pages(content)
    return content


def register_entry():
    """The register's entry for the housing system, with the organization's declaration."""
    system = SystemPageFactory(
        title="Score fictif des demandes de logement",
        summary="Un système fictif, inventé pour les essais du navigateur, donne un score aux demandes.",
        plain_summary=SYSTEM_PLAIN_SUMMARY["fr"],
        services=["habitation"],
        regions=["montreal"],
        decision_role="Classe les demandes selon leur score.",
        start_month="2023-09",
        contact="registre@office-fictif.example.org",
    )
    DeclaredRecordFactory(
        system=system,
        purpose="Réduire les délais d'attribution. Déclaration fictive.",
        not_disclosed=["training_data", "source_code_url", "legal_basis"],
    )
    return system


# --- Citizen dialogues: a workshop in a library with three sessions (the second cancelled), its
# venue's page and the poster of its first session. Their summaries do not hold the search
# journey's phrase, so the search counts stay those of the case files, brief and agreement.

DIALOGUE_VENUE = "bibliotheque-fictive-du-centre"
DIALOGUE_TEXT = {
    "fr": {
        "title": "Atelier fictif : comprendre l'IA à la bibliothèque",
        "summary": "Un atelier inventé pour les essais du navigateur.",
        "plain_summary": "On explique comment une machine trie des demandes. Vous posez vos questions.",
    },
    "en": {
        "title": "Fictional workshop: understanding AI at the library",
        "summary": "A workshop made up for the browser tests.",
        "plain_summary": "We explain how a machine sorts requests. You ask your questions.",
    },
}


def dialogue_content(content, skeleton):
    """The dialogue, its English translation, its venue's page and a poster, by name."""
    venue = VenueFactory(
        key=DIALOGUE_VENUE,
        name="Bibliothèque fictive du Centre",
        transit="Métro fictif, sortie nord.",
        phone="514 555-0142",
        elevator=True,
        accessible_washroom=True,
        keroul_rating="partial",
        accessibility_notes="La porte principale est lourde. Fictif.",
    )
    first_day = timezone.localdate() + datetime.timedelta(days=20)

    def at(days, hour):
        return datetime.datetime.combine(
            first_day + datetime.timedelta(days=days), datetime.time(hour), QUEBEC
        )

    dialogue = DialoguePageFactory(
        **DIALOGUE_TEXT["fr"],
        sessions=[
            session(
                starts_at=at(0, 18),
                venue=venue,
                registration=RegistrationMode.HUB,
                capacity=20,
                registration_phone="514 555-0142",
                lsq_interpretation=True,
            ),
            session(
                starts_at=at(7, 18),
                venue=venue,
                status=SessionStatus.CANCELLED,
                status_note="Annulée : la salle est fermée. Fictif.",
            ),
            session(
                starts_at=at(14, 13),
                venue=venue,
                format=SessionFormat.HYBRID,
                registration=RegistrationMode.EXTERNAL,
                registration_url="https://inscription.example.org/atelier",
            ),
        ],
    )
    content.add(
        "dialogue index",
        skeleton["fr"]["dialogues.DialogueIndexPage"],
        skeleton["en"]["dialogues.DialogueIndexPage"],
    )
    content.add("dialogue", dialogue, translate_page(dialogue, **DIALOGUE_TEXT["en"]))
    first, cancelled, _hybrid = dialogue.schedule()
    indexes = {language: skeleton[language]["dialogues.DialogueIndexPage"] for language in ("fr", "en")}
    content.paths["venue"] = {
        language: index.venue_url(DIALOGUE_VENUE) for language, index in indexes.items()
    }
    content.paths["poster"] = {language: index.poster_url(first.key) for language, index in indexes.items()}
    content.paths["cancelled poster"] = {
        language: index.poster_url(cancelled.key) for language, index in indexes.items()
    }
    return dialogue


# Consultation reports (issue 17): a report on the workshop with eight recommendations in every
# state of response and ten commitments, in both languages, as long as a real one: the page is
# audited and printed (at most three Letter pages).

REPORT_TEXT = {
    "fr": {
        "title": "Bilan fictif de l'atelier sur le tri des demandes",
        "slug": "bilan-fictif-atelier",
        "summary": "Un bilan fictif, fait pour les tests du navigateur.",
        "plain_summary": "Des gens ont parlé d'une machine. Ils ont fait des demandes.",
        "decided_by": "Le conseil fictif de la ville, d'ici juin.",
        "could_change": "Les critères de tri et le droit de parler à une personne.",
        "method": "Trois séances en bibliothèque, annoncées par affiches et par les groupes du quartier.",
        "missing": "Les parents de jeunes enfants : les séances finissaient tard.",
    },
    "en": {
        "title": "Fictional report of the workshop on sorting requests",
        "slug": "fictional-workshop-report",
        "summary": "A fictional report, made up for the browser tests.",
        "plain_summary": "People talked about a machine. They made requests.",
        "decided_by": "The fictional town council, by June.",
        "could_change": "The sorting criteria and the right to talk to a person.",
        "method": "Three sessions in a library, announced by posters and local groups.",
        "missing": "Parents of young children: the sessions ended late.",
    },
}
RESPONSES = ["accepted", "partly-accepted", "rejected", "under-study", "", "accepted", "rejected", ""]


def report_content(content, skeleton, dialogue):
    """The report and its English translation, by name ("report")."""
    body = OrganizationFactory(name="Ville fictive du Centre", kind=Organization.Kind.MUNICIPALITY)
    answered = timezone.localdate() - datetime.timedelta(days=10)
    recommendations = [
        recommendation(
            f"Recommandation fictive {number} : expliquer chaque décision de la machine en mots simples.",
            response=response,
            response_date=answered if response else None,
            response_reasons="Raisons fictives données par la ville." if response else "",
        )
        for number, response in enumerate(RESPONSES, start=1)
    ]
    statuses = [*CommitmentStatus.values, *CommitmentStatus.values][:10]
    commitments = [
        commitment(
            f"Engagement fictif {number} : publier un compte rendu.",
            owner=body,
            owner_role="Direction fictive",
            due_date=timezone.localdate() + datetime.timedelta(days=60 * (number % 3) - 30),
            recommendation=(number % 8) + 1,
        )
        for number in range(1, 11)
    ]
    report = ReportPageFactory(
        **REPORT_TEXT["fr"],
        dialogues=[dialogue],
        addressed_to=body,
        commissioned_by=body,
        participants=42,
        next_review_date=timezone.localdate() + datetime.timedelta(days=90),
        themes=[
            theme(
                "Parler à une personne",
                "Les gens veulent parler à quelqu'un.",
                [("Je veux qu'on m'écoute.", None)],
            ),
            theme(
                "Comprendre le tri", "Les critères ne sont pas connus.", [("Personne ne m'a expliqué.", None)]
            ),
        ],
        recommendations=recommendations,
        commitments=commitments,
    )
    for shown, status in zip(report.commitments.order_by("number"), statuses, strict=True):
        if status != CommitmentStatus.PLANNED:
            progress_update(shown, f"Mise à jour fictive : {status}.", status=status)
    content.add(
        "report index",
        skeleton["fr"]["followup.ReportIndexPage"],
        skeleton["en"]["followup.ReportIndexPage"],
    )
    content.add("report", report, translate_page(report, **REPORT_TEXT["en"]))


# Dialogues: registration on the hub (issue 16) --------------------------------------------------
# A workshop whose session takes registrations on the hub, with one person registered: the
# registration form and the person's confirmation page are audited in both languages.

REGISTRATION_WORKSHOP = {
    "fr": "Atelier fictif : s'inscrire pour comprendre l'IA",
    "en": "Fictional workshop: signing up to understand AI",
}


def add_registration_pages(content):
    import datetime
    from zoneinfo import ZoneInfo

    from dialogues.models import Registration, RegistrationMode, SessionFormat
    from tests.factories import DialoguePageFactory, session

    starts = datetime.datetime.combine(
        datetime.date.today() + datetime.timedelta(days=21),
        datetime.time(18, 30),
        tzinfo=ZoneInfo("America/Toronto"),
    )
    workshop = DialoguePageFactory(
        title=REGISTRATION_WORKSHOP["fr"],
        summary=f"Un atelier pour comprendre comment une machine trie des demandes. {FICTIONAL}",
        sessions=[
            session(
                starts_at=starts,
                format=SessionFormat.HYBRID,
                online_url="https://visio.example.org/atelier-fictif",
                registration=RegistrationMode.HUB,
                capacity=12,
                lsq_interpretation=True,
            )
        ],
    )
    english = translate_page(
        workshop, title=REGISTRATION_WORKSHOP["en"], summary=f"A workshop on sorting machines. {FICTIONAL_EN}"
    )
    key = workshop.schedule()[0].key
    content.paths["registration form"] = {
        "fr": f"{workshop.url}inscription/{key}/",
        "en": f"{english.url}register/{key}/",
    }
    content.paths["registration confirmation"] = {}
    for language, version, word in (("fr", workshop, "inscription"), ("en", english, "register")):
        registration = Registration.objects.create(
            session_key=key,
            dialogue=workshop,
            name="Personne fictive",
            email="personne.fictive@example.org",
            accommodations=["lsq", "large-print"],
            accommodations_details="Fictif : une place près de l'interprète.",
            consent_to_contact=True,
            language=language,
            status="confirmed",
        )
        content.paths["registration confirmation"][language] = (
            f"{version.url}{word}/{registration.reference}/{registration.token}/"
        )
    return content


def add_commitment_pages(content, agreement, english):
    """A commitment's page, with a history of two updates and the form to follow it by e-mail, and
    the page a follower's confirmation link opens."""
    row = agreement.commitments.get(number=1)
    progress_update(
        row,
        "Le code est inventorié; il sera publié après une revue de sécurité.",
        status=CommitmentStatus.IN_PROGRESS,
        progress=40,
        happened_on=datetime.date(2025, 5, 1),
    )
    progress_update(row, "La revue de sécurité a pris du retard.", status=CommitmentStatus.POSTPONED)
    content.paths["commitment"] = {"fr": agreement.commitment_url(1), "en": english.commitment_url(1)}
    content.paths["follow confirmation"] = {}
    for language in ("fr", "en"):
        follower = Follower.objects.create(
            commitment_key=row.translation_key, email=f"personne-{language}@example.org", language=language
        )
        confirm_url, _unsubscribe_url = follower_urls(follower)
        content.paths["follow confirmation"][language] = urlsplit(confirm_url).path


def add_search_alert_pages(content):
    """The pages a search alert's links open: its confirmation and its unsubscription."""
    content.paths["search alert confirmation"] = {}
    content.paths["search alert unsubscription"] = {}
    for language in ("fr", "en"):
        alert = SearchAlert.objects.create(
            query_string="region=montreal&risk=discrimination",
            frequency="weekly",
            email=f"journaliste-{language}@example.org",
            language=language,
        )
        confirm_url, unsubscribe_url = subscription_urls(alert)
        content.paths["search alert confirmation"][language] = urlsplit(confirm_url).path
        content.paths["search alert unsubscription"][language] = urlsplit(unsubscribe_url).path
