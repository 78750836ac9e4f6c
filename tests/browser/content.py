"""Fictional content for the browser tests, in French with English translations.

Enough to make every public page type render with real data and to give the facets counts
that change when a filter is ticked: three case files in two regions and two risks, a brief
citing one of them, an agreement. Every page says it is fictional, as the demo does.
"""

from dataclasses import dataclass, field

from tests.factories import (
    AdvocacyBriefPageFactory,
    CaseFilePageFactory,
    CollaborationAgreementPageFactory,
    evidence,
    paragraph,
    site_skeleton,
    translate_page,
)

FICTIONAL = "Cas fictif créé pour les tests."
FICTIONAL_EN = "Fictional case made for the tests."

PLAIN_SUMMARY_FR = "Un logiciel trie les demandes d'aide au logement. Des familles attendent plus longtemps."
PLAIN_SUMMARY_EN = "A computer program sorts requests for housing help. Some families wait longer."


@dataclass
class BrowserContent:
    """The pages a browser test visits, by name; ``paths[name]`` is ``{"fr": url, "en": url}``."""

    pages: dict = field(default_factory=dict)
    paths: dict = field(default_factory=dict)

    def add(self, name, french, english):
        self.pages[name] = {"fr": french, "en": english}
        self.paths[name] = {"fr": french.url, "en": english.url}


def build_browser_content():
    skeleton = site_skeleton()
    content = BrowserContent()
    for name, model_path in (
        ("home", "home"),
        ("casefile index", "impacts.CaseFileIndexPage"),
        ("brief index", "advocacy.AdvocacyBriefIndexPage"),
        ("agreement index", "advocacy.CollaborationAgreementIndexPage"),
    ):
        content.add(name, skeleton["fr"][model_path], skeleton["en"][model_path])

    housing = CaseFilePageFactory(
        title="Tri automatisé des demandes de logement social",
        summary=f"Un système classe les demandes de logement social. {FICTIONAL}",
        plain_summary=PLAIN_SUMMARY_FR,
        services=["habitation"],
        regions=["montreal"],
        risks=["discrimination", "opacite"],
        body=[
            paragraph(f"Le système attribue un score à chaque demande. {FICTIONAL}"),
            evidence("https://journal.example.org/logement-tri", title="Article fictif sur le tri"),
        ],
    )
    content.add(
        "casefile",
        housing,
        translate_page(
            housing,
            title="Automated sorting of social housing requests",
            summary=f"A system ranks social housing requests. {FICTIONAL_EN}",
            plain_summary=PLAIN_SUMMARY_EN,
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

    brief = AdvocacyBriefPageFactory(
        title="Pour un registre public des systèmes d'IA",
        summary=f"Nous demandons un registre public. {FICTIONAL}",
        citations=[housing],
    )
    content.add("brief", brief, translate_page(brief, title="For a public register of AI systems"))
    agreement = CollaborationAgreementPageFactory(
        title="Entente de codesign sur le tri des demandes",
        summary=f"Une ville et un organisme suivent le système ensemble. {FICTIONAL}",
    )
    content.add(
        "agreement", agreement, translate_page(agreement, title="Codesign agreement on request sorting")
    )
    return content
