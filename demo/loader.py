"""Fictional demonstration content for Vigie IA, and the code that loads it.

Every agency, company, municipality, person and case below is invented; names carry the word
« fictif » and every summary says the case is fictional. Each item has a fixed public id and a
translation key derived from it, by which the loader recognises it later; images and documents
are recognised by title, accounts by username. Loading twice therefore changes nothing.
Run it with ``python manage.py load_demo``.
"""

import functools
import unicodedata
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time
from io import BytesIO

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import slugify
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.coreutils import find_available_slug
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, PageLogEntry

from advocacy.models import (
    AdvocacyBriefPage,
    AgreementParty,
    AgreementSignatory,
    BriefAuthor,
    BriefCitation,
    CollaborationAgreementPage,
)
from hub.demo import DEMO_FLAG_CACHE_KEY
from hub.models import (
    DemoMarker,
    GlossaryTerm,
    Organization,
    PartnerMembership,
    PublicIdSequence,
    Region,
    Risk,
    Service,
)
from hub.roles import apply_roles, media_collection
from hub.site_setup import ensure_site
from impacts.models import CaseFilePage, CaseFileTestimony, Testimony

# --- Accounts and roles -----------------------------------------------------------------------

# Fixed, published passwords are acceptable only because the command refuses to run with DEBUG
# off unless forced: these accounts exist to let a visitor try each role on a local copy.
ACCOUNTS = [
    {
        "username": "demo-admin",
        "password": "vigie-demo-admin",
        "role": "Administrator (superuser)",
        "group": None,
        "first_name": "Alex",
        "last_name": "Administration (démo)",
    },
    {
        "username": "demo-editor",
        "password": "vigie-demo-editor",
        "role": "Community editor",
        "group": "Community editors",
        "first_name": "Camille",
        "last_name": "Rédaction (démo)",
    },
    {
        "username": "demo-reviewer",
        "password": "vigie-demo-reviewer",
        "role": "Reviewer",
        "group": "Reviewers",
        "first_name": "Sam",
        "last_name": "Révision (démo)",
    },
    {
        "username": "demo-partner",
        "password": "vigie-demo-partner",
        "role": "Municipal partner",
        "group": "Municipal partners",
        "organization": "ville-fictive-val-fleuri",
        "first_name": "Dominique",
        "last_name": "Partenaire (démo)",
    },
]

# --- Testimonies ------------------------------------------------------------------------------

# Fictional people, fictional words: each context says so. Consent records are complete so the
# case files can show them; the retention dates are far enough away not to expire in a demo.
TESTIMONIES = [
    {
        "casefile": "CF-2026-0001",
        "text": "J'ai appelé la clinique trois fois. On m'a dit que l'ordinateur avait déjà choisi et que je devais attendre. J'ai attendu six semaines pour une infection.",
        "plain_text": "J'ai appelé la clinique. On m'a dit d'attendre. J'ai attendu six semaines.",
        "identification": "pseudonym",
        "display_name": "Lucie",
        "context": "Personne fictive de Pré-Vert, témoignage inventé pour la démonstration",
    },
    {
        "casefile": "CF-2026-0001",
        "text": "Ma mère n'a pas Internet. Avec le nouveau système, elle passe toujours après les autres.",
        "plain_text": "",
        "identification": "anonymous",
        "display_name": "",
        "context": "Proche aidant fictif, témoignage inventé pour la démonstration",
    },
    {
        "casefile": "CF-2026-0002",
        "text": "I sent my bank statements twice. The letter said the computer had found an error, but nobody could tell me which one.",
        "language": "en",
        "plain_text": "I sent my papers twice. Nobody could tell me what was wrong.",
        "identification": "named",
        "display_name": "Sam Tremblay (fictional)",
        "context": "Fictional person, account invented for the demonstration",
    },
]


# --- Organizations ----------------------------------------------------------------------------

ORGANIZATIONS = [
    # Public bodies
    {
        "key": "ministere-fictif-sante",
        "kind": "public-body",
        "region": "tout-le-quebec",
        "website": "https://sante.example.org/",
        "name": {"fr": "Ministère fictif de la Santé", "en": "Fictional Ministry of Health"},
    },
    {
        "key": "ministere-fictif-solidarite",
        "kind": "public-body",
        "region": "tout-le-quebec",
        "website": "https://solidarite.example.org/",
        "name": {
            "fr": "Ministère fictif de l'Emploi et de la Solidarité sociale",
            "en": "Fictional Ministry of Employment and Social Solidarity",
        },
    },
    {
        "key": "ministere-fictif-immigration",
        "kind": "public-body",
        "region": "tout-le-quebec",
        "website": "https://immigration.example.org/",
        "name": {
            "fr": "Ministère fictif de l'Immigration et de l'Accueil",
            "en": "Fictional Ministry of Immigration and Welcome",
        },
    },
    {
        "key": "ministere-fictif-justice",
        "kind": "public-body",
        "region": "tout-le-quebec",
        "website": "https://justice.example.org/",
        "name": {"fr": "Ministère fictif de la Justice", "en": "Fictional Ministry of Justice"},
    },
    {
        "key": "ministere-fictif-environnement",
        "kind": "public-body",
        "region": "tout-le-quebec",
        "website": "https://environnement.example.org/",
        "name": {"fr": "Ministère fictif de l'Environnement", "en": "Fictional Ministry of the Environment"},
    },
    {
        "key": "agence-fictive-revenu",
        "kind": "public-body",
        "region": "tout-le-quebec",
        "website": "https://revenu.example.org/",
        "name": {"fr": "Agence fictive du revenu", "en": "Fictional Revenue Agency"},
    },
    {
        "key": "office-fictif-habitation",
        "kind": "public-body",
        "region": "tout-le-quebec",
        "website": "https://habitation.example.org/",
        "name": {"fr": "Office fictif de l'habitation", "en": "Fictional Housing Office"},
    },
    {
        "key": "cisss-fictif-estrie",
        "kind": "public-body",
        "region": "estrie",
        "website": "https://cisss-estrie.example.org/",
        "name": {
            "fr": "Centre fictif de santé et de services sociaux de l'Estrie",
            "en": "Fictional Estrie Health and Social Services Centre",
        },
    },
    {
        "key": "cisss-fictif-gaspesie",
        "kind": "public-body",
        "region": "gaspesie-iles-de-la-madeleine",
        "website": "https://cisss-gaspesie.example.org/",
        "name": {"fr": "Centre fictif de santé et de services sociaux de la Gaspésie"},
    },
    {
        "key": "cisss-fictif-bois-dore",
        "kind": "public-body",
        "region": "laval",
        "website": "https://cisss-bois-dore.example.org/",
        "name": {"fr": "Centre fictif de santé et de services sociaux de Bois-Doré"},
    },
    {
        "key": "cegep-fictif-du-fjord",
        "kind": "public-body",
        "region": "saguenay-lac-saint-jean",
        "website": "https://cegep-fjord.example.org/",
        "name": {"fr": "Cégep fictif du Fjord", "en": "Fictional Fjord CEGEP"},
    },
    {
        "key": "centre-fictif-services-scolaires-rive",
        "kind": "public-body",
        "region": "monteregie",
        "website": "https://css-rive.example.org/",
        "name": {"fr": "Centre fictif de services scolaires de la Rive"},
    },
    {
        "key": "societe-fictive-transport-capitale",
        "kind": "public-body",
        "region": "capitale-nationale",
        "website": "https://transport-capitale.example.org/",
        "name": {
            "fr": "Société fictive de transport de la Capitale",
            "en": "Fictional Capital Transit Corporation",
        },
    },
    {
        "key": "transport-adapte-fictif-ile",
        "kind": "public-body",
        "region": "montreal",
        "website": "https://transport-adapte.example.org/",
        "name": {"fr": "Service fictif de transport adapté de l'Île"},
    },
    {
        "key": "police-fictive-bois-dore",
        "kind": "public-body",
        "region": "laval",
        "website": "https://police-bois-dore.example.org/",
        "name": {"fr": "Service de police fictif de Bois-Doré", "en": "Fictional Bois-Doré Police Service"},
    },
    # Municipalities
    {
        "key": "ville-fictive-val-fleuri",
        "kind": "municipality",
        "region": "mauricie",
        "website": "https://val-fleuri.example.org/",
        "name": {"fr": "Ville fictive de Val-Fleuri", "en": "Fictional City of Val-Fleuri"},
    },
    {
        "key": "ville-fictive-lac-argente",
        "kind": "municipality",
        "region": "laurentides",
        "website": "https://lac-argente.example.org/",
        "name": {"fr": "Ville fictive de Lac-Argenté", "en": "Fictional Town of Lac-Argenté"},
    },
    {
        "key": "ville-fictive-bois-dore",
        "kind": "municipality",
        "region": "laval",
        "website": "https://bois-dore.example.org/",
        "name": {"fr": "Ville fictive de Bois-Doré", "en": "Fictional City of Bois-Doré"},
    },
    {
        "key": "ville-fictive-pointe-aux-brumes",
        "kind": "municipality",
        "region": "bas-saint-laurent",
        "website": "https://pointe-aux-brumes.example.org/",
        "name": {"fr": "Ville fictive de Pointe-aux-Brumes"},
    },
    # Vendors
    {
        "key": "boreal-analytique",
        "kind": "vendor",
        "region": "capitale-nationale",
        "website": "https://boreal-analytique.example.org/",
        "name": {
            "fr": "Boréal Analytique (entreprise fictive)",
            "en": "Boréal Analytique (fictional company)",
        },
    },
    {
        "key": "donnees-castor",
        "kind": "vendor",
        "region": "montreal",
        "website": "https://donnees-castor.example.org/",
        "name": {
            "fr": "Données Castor inc. (entreprise fictive)",
            "en": "Données Castor Inc. (fictional company)",
        },
    },
    {
        "key": "algopolis",
        "kind": "vendor",
        "region": "montreal",
        "website": "https://algopolis.example.org/",
        "name": {
            "fr": "Algopolis Solutions (entreprise fictive)",
            "en": "Algopolis Solutions (fictional company)",
        },
    },
    {
        "key": "vision-nordique",
        "kind": "vendor",
        "region": "capitale-nationale",
        "website": "https://vision-nordique.example.org/",
        "name": {"fr": "Vision Nordique (entreprise fictive)", "en": "Vision Nordique (fictional company)"},
    },
    {
        "key": "quantix-services-publics",
        "kind": "vendor",
        "region": "outaouais",
        "website": "https://quantix.example.org/",
        "name": {"fr": "Quantix Services publics (entreprise fictive)"},
    },
    # Non-profits and research
    {
        "key": "collectif-fictif-droits-numeriques",
        "kind": "non-profit",
        "region": "montreal",
        "website": "https://droits-numeriques.example.org/",
        "name": {
            "fr": "Collectif fictif pour les droits numériques",
            "en": "Fictional Digital Rights Collective",
        },
    },
    {
        "key": "table-citoyenne-fictive-mauricie",
        "kind": "non-profit",
        "region": "mauricie",
        "website": "https://table-mauricie.example.org/",
        "name": {
            "fr": "Table citoyenne fictive de la Mauricie",
            "en": "Fictional Mauricie Citizens' Roundtable",
        },
    },
    {
        "key": "regroupement-fictif-aines-laurentides",
        "kind": "non-profit",
        "region": "laurentides",
        "website": "https://aines-laurentides.example.org/",
        "name": {
            "fr": "Regroupement fictif des personnes aînées des Laurentides",
            "en": "Fictional Laurentides Seniors' Association",
        },
    },
    {
        "key": "comite-citoyen-fictif-lac-argente",
        "kind": "non-profit",
        "region": "laurentides",
        "website": "",
        "name": {"fr": "Comité citoyen fictif du tri de Lac-Argenté"},
    },
    {
        "key": "comite-citoyens-fictif-tilleuls",
        "kind": "non-profit",
        "region": "laval",
        "website": "",
        "name": {"fr": "Comité de citoyens fictif du quartier des Tilleuls"},
    },
    {
        "key": "syndicat-fictif-services-publics",
        "kind": "non-profit",
        "region": "tout-le-quebec",
        "website": "https://syndicat-services-publics.example.org/",
        "name": {"fr": "Syndicat fictif des services publics", "en": "Fictional Public Service Union"},
    },
    {
        "key": "labo-fictif-ethique-algorithmique",
        "kind": "research",
        "region": "capitale-nationale",
        "website": "https://labo-ethique.example.org/",
        "name": {
            "fr": "Laboratoire fictif d'éthique algorithmique",
            "en": "Fictional Algorithmic Ethics Lab",
        },
    },
]

# --- Images (drawn with Pillow at load time; text inside the images is in French) ----------------

IMAGES = [
    {
        "key": "attente-triaclic",
        "title": "Démo — Délai avant un rendez-vous selon la façon de faire la demande (TriaClic)",
        "kind": "bars",
        "heading": "Délai médian avant un rendez-vous (jours)",
        "bars": [
            ("En ligne, par la personne", 6),
            ("Par téléphone", 14),
            ("Saisie par une intervenante", 19),
        ],
        "unit": " j",
    },
    {
        "key": "parcours-verifaide",
        "title": "Démo — Parcours d'un dossier dans VérifAide",
        "kind": "flow",
        "heading": "Parcours d'un dossier dans VérifAide",
        "steps": [
            "Revenus déclarés",
            "Comparaison automatique",
            "Écart détecté",
            "Aide suspendue",
            "Lettre envoyée",
        ],
        "note": "Aucune vérification par une personne avant la suspension",
    },
    {
        "key": "carte-patrouilles",
        "title": "Démo — Zones chaudes désignées à Bois-Doré en six mois",
        "kind": "districts",
        "heading": "Zones chaudes désignées en six mois, par quartier",
        "districts": [
            ("Les Tilleuls", 41),
            ("Vieux-Moulin", 33),
            ("Bord-de-l'Eau", 7),
            ("Les Érables", 5),
            ("Haut-Bois", 4),
            ("Parc-Central", 3),
        ],
    },
    {
        "key": "incomplets-priorilog",
        "title": "Démo — Demandes de logement jugées incomplètes selon le mode de dépôt (Priorilog)",
        "kind": "bars",
        "heading": "Demandes jugées incomplètes (%)",
        "bars": [("En ligne", 10), ("Par téléphone", 31), ("Sur papier", 48)],
        "unit": " %",
    },
    {
        "key": "chronologie-perseverance",
        "title": "Démo — Chronologie du projet pilote Persévérance+",
        "kind": "timeline",
        "heading": "Projet pilote Persévérance+",
        "events": [
            ("25 août 2025", "Début dans 6 écoles"),
            ("20 nov. 2025", "Un comité de parents découvre le projet"),
            ("10 févr. 2026", "Séance d'information publique"),
            ("19 juin 2026", "Fin prévue du projet pilote"),
        ],
    },
]

# --- Case files -------------------------------------------------------------------------------
# Text that is translated lives under "fr" and, for the items translated into English, "en".
# Timeline events, evidence titles, official responses and image descriptions sit next to
# their shared facts, with one text per language.

CASE_FILES = [
    {
        "id": "CF-2026-0001",
        "services": ["sante"],
        "regions": ["montreal"],
        "municipality": "Pré-Vert (fictive)",
        "risks": ["discrimination", "erreurs", "exclusion-numerique"],
        "impact_level": 3,
        "agency": "ministere-fictif-sante",
        "vendor": "boreal-analytique",
        "ai_system": "TriaClic",
        "automation": "human-in-the-loop",
        "status": "deployed",
        "first_reported": "2025-02-11",
        "related": [],
        "fr": {
            "title": "TriaClic classe les demandes de rendez-vous en clinique",
            "summary": "Depuis 2024, le système TriaClic attribue une priorité aux demandes de rendez-vous déposées en ligne dans les cliniques du quartier fictif de Pré-Vert. Des organismes communautaires rapportent que les personnes qui font leur demande par téléphone ou avec de l'aide attendent beaucoup plus longtemps.",
            "plain_summary": "Une clinique utilise un ordinateur pour choisir qui passe en premier. Les gens qui n'utilisent pas Internet attendent plus longtemps. Un groupe du quartier demande des explications.",
            "decision_role": "Attribue une priorité de 1 à 5 à chaque demande de rendez-vous à partir des réponses au formulaire. Une infirmière peut changer la priorité, mais le fait rarement faute de temps.",
            "story": [
                "Le formulaire de demande comporte douze questions sur les symptômes et leur durée. L'algorithme de TriaClic transforme les réponses en score de priorité. Les demandes prioritaires obtiennent un rendez-vous dans les 48 heures ; les autres vont sur une liste d'attente.",
                "Le centre communautaire fictif de Pré-Vert a suivi pendant trois mois les délais obtenus par les personnes qu'il accompagne. Quand une intervenante remplissait la demande au nom d'une personne âgée ou allophone, les réponses étaient plus courtes et le score plus bas. Le délai médian passait alors de 6 à 19 jours.",
                "Le ministère affirme qu'une infirmière révise chaque demande. Les notes internes obtenues par le groupe indiquent pourtant que moins de 3 % des priorités ont été modifiées en 2025.",
            ],
        },
        "en": {
            "title": "TriaClic ranks clinic appointment requests",
            "summary": "Since 2024, the TriaClic system has given a priority to appointment requests submitted online to clinics in the fictional neighbourhood of Pré-Vert. Community groups report that people who apply by phone or with help wait much longer.",
            "plain_summary": "A clinic uses a computer to choose who goes first. People who do not use the Internet wait longer. A local group is asking for answers.",
            "decision_role": "Gives each appointment request a priority from 1 to 5 based on the answers to the form. A nurse can change the priority but rarely does for lack of time.",
            "story": [
                "The request form has twelve questions about symptoms and how long they have lasted. TriaClic's algorithm turns the answers into a priority score. Priority requests get an appointment within 48 hours; the others go on a waiting list.",
                "For three months, the fictional Pré-Vert community centre tracked the waits of the people it supports. When a community worker filled in the request for an older person or someone who does not speak French, the answers were shorter and the score lower. The median wait then rose from 6 to 19 days.",
                "The ministry says a nurse reviews every request. Internal notes obtained by the group show, however, that fewer than 3% of priorities were changed in 2025.",
            ],
        },
        "image": {
            "key": "attente-triaclic",
            "fr": {
                "alt": "Diagramme à barres : le délai médian est de 6 jours quand la personne fait sa demande en ligne, de 14 jours par téléphone et de 19 jours quand une intervenante saisit la demande.",
                "caption": "Délais observés par le centre communautaire fictif de Pré-Vert, février à avril 2025 (données inventées).",
            },
            "en": {
                "alt": "Bar chart: the median wait is 6 days when people apply online themselves, 14 days by phone and 19 days when a community worker enters the request.",
                "caption": "Waits observed by the fictional Pré-Vert community centre, February to April 2025 (invented data).",
            },
        },
        "timeline": [
            {
                "date": "2024-05-06",
                "fr": (
                    "Mise en service de TriaClic dans trois cliniques",
                    "Le ministère annonce un guichet numérique « plus rapide ».",
                ),
                "en": (
                    "TriaClic goes live in three clinics",
                    "The ministry announces a “faster” digital front desk.",
                ),
            },
            {
                "date": "2025-02-11",
                "fr": (
                    "Premier signalement par le centre communautaire",
                    "Le centre transmet ses observations au comité des usagers.",
                ),
                "en": (
                    "First report by the community centre",
                    "The centre sends its observations to the users' committee.",
                ),
            },
            {
                "date": "2025-09-30",
                "fr": (
                    "Réponse à une demande d'accès à l'information",
                    "Le groupe obtient une partie des notes internes sur le système.",
                ),
                "en": (
                    "Reply to an access-to-information request",
                    "The group obtains some of the internal notes on the system.",
                ),
            },
        ],
        "evidence": [
            {
                "url": "https://journal-fictif.example.org/2025/02/triaclic-delais",
                "publisher": "Le Courrier fictif de Pré-Vert",
                "date": "2025-02-20",
                "fr": "Rendez-vous en clinique : l'ordinateur décide qui passe en premier",
                "en": "Clinic appointments: the computer decides who goes first",
            },
            {
                "url": "https://sante.example.org/acces-information/2025-118",
                "publisher": "Ministère fictif de la Santé",
                "date": "2025-09-30",
                "fr": "Réponse à la demande d'accès à l'information 2025-118",
                "en": "Reply to access-to-information request 2025-118",
            },
        ],
        "response": {
            "by": "ministere-fictif-sante",
            "date": "2025-03-04",
            "url": "https://sante.example.org/communiques/triaclic",
            "fr": "TriaClic est un outil d'aide à la décision. Chaque demande est vue par un membre du personnel infirmier, qui reste responsable de la priorité accordée.",
            "en": "TriaClic is a decision-support tool. Every request is seen by a member of the nursing staff, who remains responsible for the priority given.",
        },
    },
    {
        "id": "CF-2026-0002",
        "services": ["services-sociaux"],
        "regions": ["estrie"],
        "municipality": "Mont-Clairval (fictive)",
        "risks": ["vie-privee", "opacite", "discrimination"],
        "impact_level": 4,
        "agency": "cisss-fictif-estrie",
        "vendor": "donnees-castor",
        "ai_system": "Boussole Famille",
        "automation": "advisory",
        "status": "pilot",
        "first_reported": "2025-06-17",
        "related": [],
        "fr": {
            "title": "Boussole Famille donne un score de vulnérabilité aux familles suivies",
            "summary": "Un projet pilote du centre fictif de santé et de services sociaux de l'Estrie calcule un « indice de vulnérabilité » pour les familles suivies, à partir de données de plusieurs services publics. Les familles ne savent pas qu'elles ont un score et ne peuvent pas le consulter.",
            "plain_summary": "Un ordinateur donne une note aux familles. La note dit si un enfant pourrait être en danger. Les familles ne voient pas cette note. Elles ne savent pas comment elle est calculée.",
            "decision_role": "Suggère aux intervenantes les familles à visiter en priorité. La décision d'ouvrir un dossier reste humaine.",
            "story": [
                "L'indice combine une quarantaine de données : visites à l'urgence, retards de loyer signalés à l'office d'habitation, absences scolaires, recours à l'aide sociale. Les familles à faible revenu se retrouvent donc plus souvent en haut de la liste, même sans aucun signe de négligence.",
                "Des intervenantes disent devoir justifier par écrit toute décision qui contredit l'indice. Aucune évaluation des facteurs relatifs à la vie privée n'a été rendue publique pour ce projet pilote.",
            ],
        },
        "en": {
            "title": "Boussole Famille gives families a vulnerability score",
            "summary": "A pilot project of the fictional Estrie health and social services centre computes a “vulnerability index” for the families it follows, using data from several public services. Families do not know they have a score and cannot see it.",
            "plain_summary": "A computer gives families a score. The score says if a child might be in danger. Families do not see this score. They do not know how it is calculated.",
            "decision_role": "Suggests which families social workers should visit first. The decision to open a file stays with a person.",
            "story": [
                "The index combines about forty pieces of data: emergency room visits, late rent reported to the housing office, school absences, use of social assistance. Low-income families therefore end up at the top of the list more often, even without any sign of neglect.",
                "Social workers say they must justify in writing any decision that goes against the index. No privacy impact assessment has been made public for this pilot project.",
            ],
        },
        "timeline": [
            {
                "date": "2025-01-13",
                "fr": ("Début du projet pilote dans deux territoires", ""),
                "en": ("Pilot project begins in two areas", ""),
            },
            {
                "date": "2025-06-17",
                "fr": (
                    "Des intervenantes alertent un organisme de défense des droits",
                    "Elles demandent à rester anonymes.",
                ),
                "en": ("Social workers alert a rights group", "They ask to remain anonymous."),
            },
            {
                "date": "2025-11-05",
                "fr": ("Le comité d'éthique demande une évaluation externe", ""),
                "en": ("The ethics committee asks for an external evaluation", ""),
            },
        ],
        "evidence": [
            {
                "url": "https://tribune-fictive.example.org/2025/06/score-secret-familles",
                "publisher": "La Tribune fictive de l'Estrie",
                "date": "2025-06-25",
                "fr": "Un score secret pour les familles suivies",
                "en": "A secret score for families receiving services",
            },
            {
                "url": "https://cisss-estrie.example.org/ethique/avis-boussole-famille",
                "publisher": "Comité d'éthique fictif de la recherche",
                "date": "2025-11-05",
                "fr": "Avis du comité d'éthique sur le projet Boussole Famille",
                "en": "Ethics committee opinion on the Boussole Famille project",
            },
        ],
        "response": {
            "by": "cisss-fictif-estrie",
            "date": "2025-07-02",
            "url": "",
            "fr": "L'indice ne remplace jamais le jugement clinique. Le projet pilote sera évalué avant toute décision de le prolonger.",
            "en": "The index never replaces clinical judgment. The pilot project will be evaluated before any decision to extend it.",
        },
    },
    {
        "id": "CF-2026-0003",
        "services": ["emploi-solidarite"],
        "regions": ["capitale-nationale"],
        "municipality": "Sainte-Lumière (fictive)",
        "risks": ["erreurs", "absence-de-recours", "opacite"],
        "impact_level": 4,
        "agency": "ministere-fictif-solidarite",
        "vendor": "algopolis",
        "ai_system": "VérifAide",
        "automation": "fully-automated",
        "status": "suspended",
        "first_reported": "2024-11-08",
        "related": [],
        "fr": {
            "title": "VérifAide coupait l'aide sociale sans vérification humaine",
            "summary": "Le système VérifAide comparait les revenus déclarés par les personnes à l'aide sociale avec des données bancaires et fiscales. En cas d'écart, l'aide était suspendue sans que personne n'examine le dossier. Le ministère fictif a suspendu ces décisions automatiques après des centaines de plaintes.",
            "plain_summary": "Un ordinateur vérifiait l'argent reçu par les personnes à l'aide sociale. S'il voyait une différence, il coupait l'aide. Personne ne vérifiait avant. Beaucoup de gens ont perdu leur aide par erreur. Depuis 2025, l'ordinateur ne peut plus couper l'aide seul.",
            "decision_role": "Décidait seul de suspendre l'aide lorsqu'un écart de revenu dépassait un seuil. La personne recevait une lettre après coup.",
            "story": [
                "VérifAide traitait environ 40 000 dossiers par mois. Un virement d'un proche, un remboursement ou une erreur de date suffisait à déclencher une suspension. La lettre envoyée ne disait ni quel écart avait été détecté ni comment le contester.",
                "Pour récupérer leur aide, les personnes devaient fournir trois mois de relevés bancaires. Des organismes ont accompagné des dizaines de personnes restées sans revenu pendant plusieurs semaines, parfois menacées d'expulsion.",
                "Après une enquête du Protecteur fictif des citoyens, le ministère a suspendu les décisions automatiques en mars 2025. Le système fonctionne encore, mais ses alertes sont maintenant vérifiées par un agent avant toute suspension.",
            ],
        },
        "en": {
            "title": "VérifAide cut social assistance without human review",
            "summary": "The VérifAide system compared the income reported by people on social assistance with bank and tax data. When it found a gap, their assistance was suspended without anyone looking at the file. The fictional ministry suspended these automatic decisions after hundreds of complaints.",
            "plain_summary": "A computer checked the money received by people on social assistance. If it saw a difference, it cut their assistance. Nobody checked first. Many people lost their assistance by mistake. Since 2025, the computer can no longer cut assistance on its own.",
            "decision_role": "Decided on its own to suspend assistance when an income gap exceeded a threshold. The person received a letter afterwards.",
            "story": [
                "VérifAide processed about 40,000 files a month. A transfer from a relative, a refund or a wrong date was enough to trigger a suspension. The letter sent out said neither which gap had been found nor how to challenge it.",
                "To get their assistance back, people had to provide three months of bank statements. Community groups helped dozens of people who were left without income for several weeks, some facing eviction.",
                "After an investigation by the fictional Citizens' Ombudsman, the ministry suspended the automatic decisions in March 2025. The system still runs, but its alerts are now checked by an agent before any suspension.",
            ],
        },
        "image": {
            "key": "parcours-verifaide",
            "fr": {
                "alt": "Schéma en cinq étapes : les revenus déclarés sont comparés automatiquement à d'autres données ; si un écart est détecté, l'aide est suspendue, puis une lettre est envoyée. Aucune étape ne prévoit de vérification par une personne avant la suspension.",
                "caption": "Le fonctionnement de VérifAide avant mars 2025, selon le rapport d'enquête fictif.",
            },
            "en": {
                "alt": "Five-step diagram: reported income is automatically compared with other data; if a gap is found, assistance is suspended, then a letter is sent. No step includes a check by a person before the suspension. Labels are in French.",
                "caption": "How VérifAide worked before March 2025, according to the fictional investigation report.",
            },
        },
        "timeline": [
            {
                "date": "2023-10-02",
                "fr": ("Déploiement de VérifAide dans la région", ""),
                "en": ("VérifAide is rolled out in the region", ""),
            },
            {
                "date": "2024-11-08",
                "fr": (
                    "Premiers témoignages recueillis par un organisme de défense des droits",
                    "Une quarantaine de personnes disent avoir perdu leur aide sans explication.",
                ),
                "en": (
                    "First accounts gathered by a rights group",
                    "About forty people say they lost their assistance without explanation.",
                ),
            },
            {
                "date": "2025-03-21",
                "fr": ("Le ministère suspend les décisions automatiques", ""),
                "en": ("The ministry suspends the automatic decisions", ""),
            },
        ],
        "evidence": [
            {
                "url": "https://protecteur-fictif.example.org/rapports/2025-suspensions-automatiques",
                "publisher": "Protecteur fictif des citoyens",
                "date": "2025-03-10",
                "fr": "Rapport d'enquête sur les suspensions automatiques de l'aide financière",
                "en": "Investigation report on automatic suspensions of financial assistance",
            },
            {
                "url": "https://radio-fictive.example.org/emissions/sans-aide-du-jour-au-lendemain",
                "publisher": "Radio communautaire fictive CKVF",
                "date": "2024-12-03",
                "fr": "Sans aide du jour au lendemain",
                "en": "Without assistance overnight",
            },
        ],
        "response": {
            "by": "ministere-fictif-solidarite",
            "date": "2025-03-21",
            "url": "https://solidarite.example.org/communiques/verifaide",
            "fr": "Le ministère a suspendu les décisions automatiques de VérifAide le temps de revoir le processus. Les personnes touchées peuvent demander la révision de leur dossier.",
            "en": "The ministry has suspended VérifAide's automatic decisions while it reviews the process. People affected can ask for their file to be reviewed.",
        },
    },
    {
        "id": "CF-2026-0004",
        "services": ["education"],
        "regions": ["saguenay-lac-saint-jean"],
        "municipality": "Anse-aux-Hérons (fictive)",
        "risks": ["surveillance", "vie-privee", "discrimination"],
        "impact_level": 2,
        "agency": "cegep-fictif-du-fjord",
        "vendor": "vision-nordique",
        "ai_system": "SurveilExam",
        "automation": "human-in-the-loop",
        "status": "deployed",
        "first_reported": "2024-04-22",
        "related": [],
        "fr": {
            "title": "SurveilExam filme les étudiantes et étudiants pendant les examens à distance",
            "summary": "Le Cégep fictif du Fjord impose un logiciel qui filme les personnes pendant les examens à distance et signale les « comportements suspects ». Les personnes à la peau foncée et les personnes en situation de handicap sont signalées plus souvent.",
            "plain_summary": "Pendant un examen à la maison, une caméra filme l'élève. Un ordinateur décide si l'élève a l'air de tricher. Il se trompe plus souvent avec certaines personnes. Les élèves disent que c'est stressant.",
            "decision_role": "Analyse la vidéo et signale les examens « à risque de tricherie ». L'enseignante ou l'enseignant décide ensuite s'il y a une sanction.",
            "story": [
                "Le logiciel suit le mouvement des yeux, les bruits et la présence d'autres personnes dans la pièce. L'association étudiante fictive a compté 212 signalements à la session d'hiver 2024. La plupart n'ont mené à aucune sanction, mais chaque signalement a entraîné une convocation.",
                "Des personnes à la peau foncée disent avoir dû allumer plusieurs lampes pour que la caméra les « reconnaisse ». Des personnes qui ont un trouble de l'attention disent être signalées parce qu'elles bougent pendant l'examen.",
            ],
        },
        "timeline": [
            {"date": "2023-08-28", "fr": ("Le logiciel devient obligatoire pour les examens à distance", "")},
            {
                "date": "2024-04-22",
                "fr": (
                    "L'association étudiante publie un sondage",
                    "Six personnes sur dix disent que le logiciel augmente leur stress.",
                ),
            },
            {"date": "2024-09-09", "fr": ("Le cégep rend le logiciel facultatif dans certains cours", "")},
        ],
        "evidence": [
            {
                "url": "https://asso-fjord.example.org/sondage-surveillance-examens",
                "publisher": "Association étudiante fictive du Cégep du Fjord",
                "date": "2024-04-22",
                "fr": "Sondage sur la surveillance des examens à distance",
            },
        ],
        "response": {
            "by": "cegep-fictif-du-fjord",
            "date": "2024-05-15",
            "url": "",
            "fr": "Le logiciel protège l'intégrité des évaluations. Aucune sanction n'est imposée sans vérification par le personnel enseignant.",
        },
    },
    {
        "id": "CF-2026-0005",
        "services": ["immigration"],
        "regions": ["montreal"],
        "municipality": "",
        "risks": ["discrimination", "opacite", "absence-de-recours"],
        "impact_level": 3,
        "agency": "ministere-fictif-immigration",
        "vendor": "quantix-services-publics",
        "ai_system": "TriDossiers",
        "automation": "human-in-the-loop",
        "status": "deployed",
        "first_reported": "2025-08-19",
        "related": [],
        "fr": {
            "title": "TriDossiers envoie certaines demandes d'immigration dans une file plus lente",
            "summary": "Le ministère fictif de l'Immigration utilise TriDossiers pour répartir les demandes de sélection entre un traitement « accéléré » et un traitement « approfondi ». Une clinique juridique constate que les personnes de certains pays sont presque toujours envoyées dans la file approfondie, beaucoup plus lente.",
            "plain_summary": "Un ordinateur trie les demandes d'immigration. Certaines demandes vont vite. D'autres attendent des mois. Les personnes de certains pays attendent presque toujours plus longtemps. Personne ne leur dit pourquoi.",
            "decision_role": "Classe chaque demande dans une file « accélérée » ou « approfondie ». Un agent rend ensuite la décision finale.",
            "story": [
                "TriDossiers est un système de décision automatisée fondé sur l'apprentissage automatique. Le modèle a appris à partir des décisions prises de 2018 à 2022 : ce sont ses données d'entraînement. Il reproduit donc les habitudes passées : les dossiers qui ressemblent à ceux qui avaient été refusés vont en traitement approfondi. La clinique y voit un biais algorithmique.",
                "Selon la clinique juridique fictive Accès-Droit, le délai moyen est de 5 semaines en traitement accéléré et de 9 mois en traitement approfondi. Les personnes ne savent pas dans quelle file se trouve leur dossier et ne peuvent pas contester ce classement. Aucune évaluation d'impact algorithmique n'a été publiée.",
            ],
        },
        "en": {
            "title": "TriDossiers sends some immigration applications to a slower queue",
            "summary": "The fictional Ministry of Immigration uses TriDossiers to split selection applications between “fast-track” and “in-depth” processing. A legal clinic finds that people from some countries are almost always sent to the in-depth queue, which is much slower.",
            "plain_summary": "A computer sorts immigration applications. Some applications go fast. Others wait for months. People from some countries almost always wait longer. Nobody tells them why.",
            "decision_role": "Puts each application in a “fast-track” or “in-depth” queue. An officer then makes the final decision.",
            "story": [
                "TriDossiers is an automated decision system based on machine learning. The model learned from decisions made between 2018 and 2022: they are its training data. It therefore repeats past habits: files that look like those that were refused go to in-depth processing. The clinic sees this as algorithmic bias.",
                "According to the fictional Accès-Droit legal clinic, the average wait is 5 weeks in fast-track processing and 9 months in in-depth processing. People do not know which queue their file is in and cannot challenge the sorting. No algorithmic impact assessment has been published.",
            ],
        },
        "timeline": [
            {
                "date": "2024-02-01",
                "fr": ("Mise en service de TriDossiers", ""),
                "en": ("TriDossiers goes live", ""),
            },
            {
                "date": "2025-08-19",
                "fr": ("Une clinique juridique publie une analyse de 300 dossiers", ""),
                "en": ("A legal clinic publishes an analysis of 300 files", ""),
            },
            {
                "date": "2026-01-15",
                "fr": ("Le ministère annonce un audit externe du modèle", ""),
                "en": ("The ministry announces an external audit of the model", ""),
            },
        ],
        "evidence": [
            {
                "url": "https://acces-droit.example.org/analyses/deux-files-deux-vitesses",
                "publisher": "Clinique juridique fictive Accès-Droit",
                "date": "2025-08-19",
                "fr": "Deux files, deux vitesses : analyse de 300 dossiers",
                "en": "Two queues, two speeds: an analysis of 300 files",
            },
            {
                "url": "https://hebdo-fictif.example.org/2025/08/immigration-tri-automatise",
                "publisher": "L'Hebdo fictif de Montréal",
                "date": "2025-08-27",
                "fr": "Immigration : un tri automatisé qui ne dit pas son nom",
                "en": "Immigration: automated sorting by another name",
            },
        ],
        "response": {
            "by": "ministere-fictif-immigration",
            "date": "2025-09-02",
            "url": "https://immigration.example.org/communiques/tridossiers",
            "fr": "Le classement n'a aucune incidence sur la décision finale, qui est toujours prise par un agent. Le ministère fera auditer le modèle par une firme indépendante.",
            "en": "The sorting has no bearing on the final decision, which is always made by an officer. The ministry will have the model audited by an independent firm.",
        },
    },
    {
        "id": "CF-2026-0006",
        "services": ["securite-publique"],
        "regions": ["laval"],
        "municipality": "Bois-Doré (fictive)",
        "risks": ["surveillance", "discrimination", "vie-privee"],
        "impact_level": 4,
        "agency": "police-fictive-bois-dore",
        "vendor": "algopolis",
        "ai_system": "PatrouillePrédictive",
        "automation": "advisory",
        "status": "pilot",
        "first_reported": "2025-04-03",
        "related": [],
        "fr": {
            "title": "Des cartes de patrouille prédictive à Bois-Doré",
            "summary": "Le service de police fictif de Bois-Doré teste un logiciel qui prédit les secteurs où des délits pourraient survenir et y envoie plus de patrouilles. Les quartiers déjà très surveillés reçoivent encore plus de patrouilles, ce qui nourrit le logiciel de nouvelles données.",
            "plain_summary": "La police utilise un ordinateur pour choisir où patrouiller. L'ordinateur choisit souvent les mêmes quartiers. Dans ces quartiers, les gens sont contrôlés plus souvent. Ils se sentent surveillés.",
            "decision_role": "Produit chaque matin une carte des « zones chaudes » que les superviseurs utilisent pour répartir les patrouilles.",
            "story": [
                "Le logiciel s'appuie sur les interventions policières passées. Or, plus la police patrouille un secteur, plus elle y constate d'infractions. Les deux quartiers les plus visés comptent beaucoup de familles immigrantes et de jeunes racisés.",
                "Le comité de citoyens fictif du quartier des Tilleuls a compté les interpellations rapportées par ses membres pendant six mois. Il demande la suspension du projet pilote tant qu'une évaluation indépendante n'aura pas été publiée.",
            ],
        },
        "en": {
            "title": "Predictive patrol maps in Bois-Doré",
            "summary": "The fictional Bois-Doré police service is testing software that predicts the areas where offences might occur and sends more patrols there. Neighbourhoods that are already heavily policed get even more patrols, which feeds the software new data.",
            "plain_summary": "The police use a computer to choose where to patrol. The computer often chooses the same neighbourhoods. In these neighbourhoods, people are stopped more often. They feel watched.",
            "decision_role": "Produces a map of “hot spots” every morning, which supervisors use to assign patrols.",
            "story": [
                "The software relies on past police activity. But the more the police patrol an area, the more offences they record there. The two most targeted neighbourhoods are home to many immigrant families and racialized young people.",
                "The fictional Les Tilleuls citizens' committee counted the stops reported by its members over six months. It is asking for the pilot project to be suspended until an independent evaluation is published.",
            ],
        },
        "image": {
            "key": "carte-patrouilles",
            "fr": {
                "alt": "Carte schématique de Bois-Doré divisée en six quartiers. Les zones chaudes se concentrent dans deux quartiers : les Tilleuls (41) et Vieux-Moulin (33). Les quatre autres quartiers en comptent 7 ou moins.",
                "caption": "Zones chaudes désignées par le logiciel d'octobre 2024 à mars 2025 (données inventées).",
            },
            "en": {
                "alt": "Schematic map of Bois-Doré divided into six neighbourhoods. Hot spots are concentrated in two neighbourhoods: Les Tilleuls (41) and Vieux-Moulin (33). The other four have 7 or fewer each.",
                "caption": "Hot spots designated by the software from October 2024 to March 2025 (invented data).",
            },
        },
        "timeline": [
            {
                "date": "2024-10-01",
                "fr": ("Début du projet pilote de 18 mois", ""),
                "en": ("18-month pilot project begins", ""),
            },
            {
                "date": "2025-04-03",
                "fr": ("Assemblée publique du comité de citoyens", "Plus de 120 personnes y assistent."),
                "en": ("Public meeting of the citizens' committee", "More than 120 people attend."),
            },
            {
                "date": "2025-10-20",
                "fr": ("Le conseil municipal demande un bilan d'étape", ""),
                "en": ("City council asks for an interim report", ""),
            },
        ],
        "evidence": [
            {
                "url": "https://tilleuls.example.org/six-mois-de-patrouilles-predictives",
                "publisher": "Comité de citoyens fictif du quartier des Tilleuls",
                "date": "2025-04-03",
                "fr": "Six mois de patrouilles prédictives : ce que vivent les résidents",
                "en": "Six months of predictive patrols: what residents experience",
            },
            {
                "url": "https://police-bois-dore.example.org/communiques/projet-pilote",
                "publisher": "Service de police fictif de Bois-Doré",
                "date": "2024-09-15",
                "fr": "Lancement du projet pilote de patrouille prédictive",
                "en": "Launch of the predictive patrol pilot project",
            },
        ],
        "response": {
            "by": "police-fictive-bois-dore",
            "date": "2025-04-10",
            "url": "",
            "fr": "Les cartes ne visent aucune personne. Elles aident à répartir des ressources limitées. Un bilan sera présenté au conseil municipal.",
            "en": "The maps do not target any person. They help allocate limited resources. A report will be presented to city council.",
        },
    },
    {
        "id": "CF-2026-0007",
        "services": ["justice"],
        "regions": ["outaouais"],
        "municipality": "Port-Sauvin (fictive)",
        "risks": ["opacite", "erreurs", "absence-de-recours"],
        "impact_level": 3,
        "agency": "ministere-fictif-justice",
        "vendor": "quantix-services-publics",
        "ai_system": "ÉvalRisque",
        "automation": "advisory",
        "status": "planned",
        "first_reported": "2026-03-12",
        "related": [],
        "fr": {
            "title": "ÉvalRisque : un score de risque envisagé pour les remises en liberté",
            "summary": "Le ministère fictif de la Justice prévoit de fournir aux juges un score de « risque de non-comparution » lors des enquêtes sur remise en liberté. Le modèle, acheté à une entreprise privée, est protégé par le secret commercial.",
            "plain_summary": "Le gouvernement veut donner une note aux personnes accusées. La note dirait si la personne va revenir au tribunal. Les juges verraient cette note. Personne ne pourrait vérifier comment elle est calculée.",
            "decision_role": "Fournirait au juge un score de 1 à 10. La décision de remise en liberté resterait au juge.",
            "story": [
                "Le projet est décrit dans un appel d'offres publié en 2026. L'entreprise retenue refuse de dire quelles données le modèle utilise. Les avocates et avocats de la défense ne pourraient donc pas contester le score devant le juge.",
                "Ailleurs, des études sur des outils semblables ont montré plus d'erreurs pour certains groupes. Le ministère n'a pas encore dit s'il publiera une évaluation de l'impact avant la mise en service.",
            ],
        },
        "timeline": [
            {"date": "2026-02-02", "fr": ("Publication de l'appel d'offres", "")},
            {
                "date": "2026-03-12",
                "fr": ("Lettre ouverte d'une association d'avocates et d'avocats de la défense", ""),
            },
        ],
        "evidence": [
            {
                "url": "https://appels-offres-fictifs.example.org/2026-JUS-014",
                "publisher": "Système fictif d'appels d'offres publics",
                "date": "2026-02-02",
                "fr": "Appel d'offres 2026-JUS-014 : outil d'évaluation du risque",
            },
            {
                "url": "https://avocats-outaouais.example.org/lettre-ouverte-evalrisque",
                "publisher": "Association fictive des avocates et avocats de la défense de l'Outaouais",
                "date": "2026-03-12",
                "fr": "Lettre ouverte sur ÉvalRisque",
            },
        ],
        "response": {
            "by": "ministere-fictif-justice",
            "date": "2026-03-20",
            "url": "",
            "fr": "Aucune décision n'est prise. Le ministère consultera le milieu juridique avant d'aller de l'avant.",
        },
    },
    {
        "id": "CF-2026-0008",
        "services": ["transport"],
        "regions": ["capitale-nationale"],
        "municipality": "Cap-aux-Merles (fictive)",
        "risks": ["vie-privee", "surveillance", "erreurs"],
        "impact_level": 2,
        "agency": "societe-fictive-transport-capitale",
        "vendor": "vision-nordique",
        "ai_system": "LectoPlaque",
        "automation": "fully-automated",
        "status": "deployed",
        "first_reported": "2024-09-05",
        "related": [],
        "fr": {
            "title": "LectoPlaque envoie des amendes à partir des caméras des autobus",
            "summary": "Les autobus de la Société fictive de transport de la Capitale portent des caméras qui lisent les plaques des véhicules arrêtés dans les voies réservées. Les constats sont envoyés automatiquement, et toutes les images sont conservées deux ans.",
            "plain_summary": "Des caméras sur les autobus lisent les plaques d'auto. Si une auto bloque la voie de l'autobus, une amende arrive par la poste. Personne ne regarde la photo avant. Les photos sont gardées deux ans.",
            "decision_role": "Repère le véhicule, lit la plaque et produit le constat d'infraction sans vérification humaine.",
            "story": [
                "Les caméras filment tout le trajet, y compris les trottoirs et les entrées des immeubles. Seules les images liées à un constat devraient être gardées, mais la politique publiée prévoit deux ans de conservation pour toutes les images.",
                "Des personnes ont reçu des constats pour des véhicules de livraison ou des véhicules adaptés arrêtés quelques secondes. D'autres ont reçu un constat pour une plaque mal lue, qui appartenait à une autre voiture.",
            ],
        },
        "en": {
            "title": "LectoPlaque sends fines based on bus cameras",
            "summary": "Buses of the fictional Capital Transit Corporation carry cameras that read the plates of vehicles stopped in bus lanes. Tickets are sent automatically, and all images are kept for two years.",
            "plain_summary": "Cameras on buses read car licence plates. If a car blocks the bus lane, a fine comes in the mail. Nobody looks at the photo first. The photos are kept for two years.",
            "decision_role": "Spots the vehicle, reads the plate and issues the ticket without human review.",
            "story": [
                "The cameras film the whole route, including sidewalks and building entrances. Only images linked to a ticket should be kept, but the published policy keeps all images for two years.",
                "People have received tickets for delivery vans or paratransit vehicles stopped for a few seconds. Others received a ticket because a plate was misread and belonged to another car.",
            ],
        },
        "timeline": [
            {
                "date": "2024-06-03",
                "fr": ("Installation des caméras sur 120 autobus", ""),
                "en": ("Cameras installed on 120 buses", ""),
            },
            {
                "date": "2024-09-05",
                "fr": ("Premiers constats contestés devant la cour municipale fictive", ""),
                "en": ("First tickets challenged before the fictional municipal court", ""),
            },
            {
                "date": "2025-01-20",
                "fr": ("Publication de la politique de conservation des images", ""),
                "en": ("Image retention policy published", ""),
            },
        ],
        "evidence": [
            {
                "url": "https://soleil-fictif.example.org/2024/09/amendes-sans-temoin",
                "publisher": "Le Soleil fictif de la Capitale",
                "date": "2024-09-12",
                "fr": "Des amendes par la poste, sans témoin",
                "en": "Fines in the mail, without a witness",
            },
            {
                "url": "https://transport-capitale.example.org/politiques/conservation-images",
                "publisher": "Société fictive de transport de la Capitale",
                "date": "2025-01-20",
                "fr": "Politique de conservation des images des caméras embarquées",
                "en": "Retention policy for on-board camera images",
            },
        ],
        "response": {
            "by": "societe-fictive-transport-capitale",
            "date": "2024-09-20",
            "url": "",
            "fr": "Le système rend les autobus plus ponctuels. Toute personne peut contester un constat selon la procédure habituelle.",
            "en": "The system makes buses more punctual. Anyone can challenge a ticket through the usual procedure.",
        },
    },
    {
        "id": "CF-2026-0009",
        "services": ["habitation"],
        "regions": ["lanaudiere"],
        "municipality": "Saint-Aurèle-des-Pins (fictive)",
        "risks": ["discrimination", "exclusion-numerique", "opacite"],
        "impact_level": None,
        "agency": "office-fictif-habitation",
        "vendor": "donnees-castor",
        "ai_system": "Priorilog",
        "automation": "advisory",
        "status": "deployed",
        "first_reported": "2025-10-14",
        "related": [],
        "fr": {
            "title": "Priorilog classe les demandes de logement social",
            "summary": "L'Office fictif de l'habitation utilise Priorilog pour ordonner la liste d'attente des logements sociaux. Les demandes incomplètes, plus fréquentes chez les personnes qui ont de la difficulté avec le formulaire en ligne, perdent des points. L'impact du système n'a jamais été évalué.",
            "plain_summary": "Pour avoir un logement social, il faut remplir un formulaire. Un ordinateur donne des points aux demandes. Si le formulaire n'est pas complet, la personne perd des points. Les personnes qui ont de la difficulté avec Internet sont désavantagées.",
            "decision_role": "Calcule un pointage qui fixe le rang dans la liste d'attente. Le personnel peut corriger un dossier sur demande.",
            "story": [
                "Le pointage combine le revenu, la taille du ménage, l'urgence déclarée et la « complétude » du dossier, qui compte pour 15 % du total. Selon l'Association fictive des locataires de Lanaudière, près de la moitié des demandes faites sur papier sont jugées incomplètes, contre une sur dix en ligne.",
                "L'Office n'a fait aucune évaluation de l'impact avant la mise en service. Les personnes ne voient que leur rang, sans le détail du calcul.",
            ],
        },
        "image": {
            "key": "incomplets-priorilog",
            "fr": {
                "alt": "Diagramme à barres : 10 % des demandes faites en ligne sont jugées incomplètes, contre 31 % par téléphone et 48 % sur papier.",
                "caption": "Données recueillies par l'association fictive des locataires en 2025 (données inventées).",
            },
        },
        "timeline": [
            {"date": "2023-04-01", "fr": ("Mise en service de Priorilog", "")},
            {
                "date": "2025-10-14",
                "fr": (
                    "L'association des locataires présente ses données au conseil d'administration de l'Office",
                    "",
                ),
            },
        ],
        "evidence": [
            {
                "url": "https://locataires-lanaudiere.example.org/liste-attente-formulaire",
                "publisher": "Association fictive des locataires de Lanaudière",
                "date": "2025-10-14",
                "fr": "Liste d'attente : le formulaire compte plus que le besoin",
            },
        ],
        "response": {
            "by": "office-fictif-habitation",
            "date": "2025-11-03",
            "url": "",
            "fr": "Le critère de complétude vise à accélérer le traitement. L'Office étudiera la possibilité d'aider les personnes à compléter leur dossier avant le calcul du pointage.",
        },
    },
    {
        "id": "CF-2026-0010",
        "services": ["fiscalite"],
        "regions": ["tout-le-quebec"],
        "municipality": "",
        "risks": ["erreurs", "opacite", "absence-de-recours"],
        "impact_level": 3,
        "agency": "agence-fictive-revenu",
        "vendor": "algopolis",
        "ai_system": "CibleAudit",
        "automation": "human-in-the-loop",
        "status": "deployed",
        "first_reported": "2025-05-27",
        "related": ["CF-2026-0003"],
        "fr": {
            "title": "CibleAudit choisit les déclarations de revenus à vérifier",
            "summary": "L'Agence fictive du revenu choisit les déclarations à vérifier avec un modèle qui attribue un score de risque. Les travailleuses et travailleurs autonomes à faible revenu sont surreprésentés parmi les personnes vérifiées.",
            "plain_summary": "Un ordinateur choisit quelles déclarations d'impôt vérifier. Il choisit souvent des travailleurs autonomes qui gagnent peu. Une vérification demande beaucoup de papiers et de temps.",
            "decision_role": "Attribue un score de risque à chaque déclaration. Les agents vérifient d'abord les scores les plus élevés.",
            "story": [
                "Le modèle apprend à partir des vérifications passées qui ont mené à une nouvelle cotisation. Les petits montants réclamés par des personnes sans comptable sont plus faciles à contester, ce qui augmente leur poids dans le modèle.",
                "Un comptoir d'aide à l'impôt fictif a reçu deux fois plus de demandes d'aide liées à une vérification en 2025 qu'en 2023. Les lettres reçues n'expliquent pas pourquoi la déclaration a été choisie. Quand la vérification ne trouve aucune erreur, la personne a été un faux positif : elle a quand même dû fournir des semaines de pièces justificatives.",
            ],
        },
        "timeline": [
            {"date": "2022-03-01", "fr": ("Adoption du modèle de sélection", "")},
            {"date": "2025-05-27", "fr": ("Un comptoir d'aide à l'impôt publie le bilan de sa saison", "")},
        ],
        "evidence": [
            {
                "url": "https://comptoir-impot.example.org/bilan-2025",
                "publisher": "Comptoir fictif d'aide à l'impôt",
                "date": "2025-05-27",
                "fr": "Bilan des cliniques d'impôt 2025",
            },
        ],
        "response": {
            "by": "agence-fictive-revenu",
            "date": "2025-06-10",
            "url": "",
            "fr": "La sélection repose sur des critères objectifs. Chaque dossier est examiné par une personne avant toute nouvelle cotisation.",
        },
    },
    {
        "id": "CF-2026-0011",
        "services": ["services-municipaux"],
        "regions": ["mauricie"],
        "municipality": "Val-Fleuri (fictive)",
        "risks": ["exclusion-numerique", "erreurs"],
        "impact_level": 1,
        "agency": "ville-fictive-val-fleuri",
        "vendor": "boreal-analytique",
        "ai_system": "Allô Val-Fleuri",
        "automation": "advisory",
        "status": "deployed",
        "first_reported": "2025-03-18",
        "related": [],
        "fr": {
            "title": "Un agent conversationnel remplace la ligne téléphonique de Val-Fleuri",
            "summary": "La Ville fictive de Val-Fleuri a remplacé une grande partie de son service téléphonique par un agent conversationnel qui répond aux questions sur les permis, les collectes et les taxes. Des réponses erronées ont mené à des refus de permis et à des amendes.",
            "plain_summary": "La ville répond aux questions avec un robot sur Internet. On peut très peu parler à une personne au téléphone. Le robot donne parfois de mauvaises réponses. Des gens ont eu des amendes à cause de ces erreurs.",
            "decision_role": "Répond aux questions des résidents et les dirige vers les formulaires. Ne prend aucune décision administrative.",
            "story": [
                "Depuis janvier 2025, les appels au service à la clientèle sont dirigés vers l'agent conversationnel, sauf entre 10 h et midi. Des personnes aînées et des personnes qui lisent difficilement disent ne plus réussir à joindre quelqu'un.",
                "La Table citoyenne fictive de la Mauricie a recueilli une trentaine de captures d'écran de réponses erronées, surtout sur les règles de stationnement l'hiver. Ce dossier a mené à une entente de codesign entre la Ville et des organismes du milieu.",
            ],
        },
        "timeline": [
            {"date": "2025-01-06", "fr": ("Lancement de l'agent conversationnel", "")},
            {
                "date": "2025-03-18",
                "fr": ("Pétition de la Table citoyenne", "La pétition recueille 1 450 signatures."),
            },
            {"date": "2025-09-01", "fr": ("Signature d'une entente de codesign", "")},
        ],
        "evidence": [
            {
                "url": "https://table-mauricie.example.org/petition-parler-a-quelqu-un",
                "publisher": "Table citoyenne fictive de la Mauricie",
                "date": "2025-03-18",
                "fr": "Pétition : « Je veux parler à quelqu'un »",
            },
            {
                "url": "https://echo-fictif.example.org/2025/02/stationnement-robot",
                "publisher": "L'Écho fictif de Val-Fleuri",
                "date": "2025-02-14",
                "fr": "Stationnement d'hiver : le robot s'est trompé",
            },
        ],
        "response": {
            "by": "ville-fictive-val-fleuri",
            "date": "2025-03-25",
            "url": "",
            "fr": "La Ville corrige les réponses signalées et rétablira une plage téléphonique en après-midi.",
        },
    },
    {
        "id": "CF-2026-0012",
        "services": ["environnement", "habitation"],
        "regions": ["bas-saint-laurent"],
        "municipality": "Pointe-aux-Brumes (fictive)",
        "risks": ["erreurs", "absence-de-recours", "opacite"],
        "impact_level": 3,
        "agency": "ministere-fictif-environnement",
        "vendor": "boreal-analytique",
        "ai_system": "CarteCrue",
        "automation": "advisory",
        "status": "deployed",
        "first_reported": "2025-07-08",
        "related": [],
        "fr": {
            "title": "CarteCrue place des maisons en zone inondable par erreur",
            "summary": "Une carte des zones inondables produite par apprentissage automatique a placé des centaines de maisons de Pointe-aux-Brumes en zone à risque élevé. Le modèle ne tient pas compte des digues construites en 2019, et les propriétaires ne peuvent plus rénover sans dérogation.",
            "plain_summary": "Une carte faite par ordinateur dit que des maisons peuvent être inondées. Pour certaines maisons, c'est une erreur. Les propriétaires ne peuvent plus faire de travaux. Faire corriger la carte coûte cher.",
            "decision_role": "Produit la carte de référence que la municipalité doit appliquer pour délivrer les permis.",
            "story": [
                "La carte a été produite à partir d'images satellites et de relevés anciens. Les digues construites en 2019 ne figuraient pas dans les données. Environ 340 résidences sont passées d'une zone à faible risque à une zone à risque élevé.",
                "Pour faire corriger la carte, un propriétaire doit payer une étude d'ingénierie, souvent plus de 5 000 $. Le ministère n'a prévu aucune façon simple de demander une révision.",
            ],
        },
        "timeline": [
            {"date": "2025-05-01", "fr": ("Entrée en vigueur de la nouvelle carte", "")},
            {"date": "2025-07-08", "fr": ("Assemblée publique des propriétaires", "")},
            {"date": "2025-12-02", "fr": ("La municipalité demande une révision au ministère", "")},
        ],
        "evidence": [
            {
                "url": "https://phare-fictif.example.org/2025/07/digues-oubliees",
                "publisher": "Le Phare fictif du Bas-Saint-Laurent",
                "date": "2025-07-10",
                "fr": "Zones inondables : des digues oubliées",
            },
            {
                "url": "https://pointe-aux-brumes.example.org/conseil/resolution-2025-212",
                "publisher": "Ville fictive de Pointe-aux-Brumes",
                "date": "2025-12-02",
                "fr": "Résolution demandant la révision de la carte des zones inondables",
            },
        ],
        "response": {
            "by": "ministere-fictif-environnement",
            "date": "2025-08-05",
            "url": "",
            "fr": "Les cartes sont produites selon une méthode scientifique reconnue. Une municipalité peut demander une révision en fournissant des données à jour.",
        },
    },
    {
        "id": "CF-2026-0013",
        "services": ["sante"],
        "regions": ["chaudiere-appalaches"],
        "municipality": "Grand-Mézy (fictive)",
        "risks": ["conditions-de-travail", "erreurs"],
        "impact_level": 2,
        "agency": "ministere-fictif-sante",
        "vendor": "quantix-services-publics",
        "ai_system": "HoraiRéseau",
        "automation": "human-in-the-loop",
        "status": "deployed",
        "first_reported": "2024-12-02",
        "related": ["CF-2026-0001"],
        "fr": {
            "title": "HoraiRéseau fait les horaires du personnel infirmier",
            "summary": "Un logiciel d'optimisation produit les horaires du personnel infirmier de l'hôpital fictif de Grand-Mézy. Le personnel rapporte des changements de dernière minute, des quarts de travail enchaînés et de la difficulté à faire respecter ses contraintes familiales.",
            "plain_summary": "Un ordinateur fait les horaires des infirmières. Les horaires changent souvent à la dernière minute. Certaines infirmières travaillent trop d'heures de suite. Il est difficile de demander un changement.",
            "decision_role": "Produit l'horaire de travail sur quatre semaines. Les gestionnaires peuvent le modifier, mais le logiciel signale chaque modification comme un « écart ».",
            "story": [
                "Le logiciel cherche à réduire le recours aux agences privées et les heures supplémentaires. Il ne tient compte des préférences du personnel que si elles sont saisies dans un format précis, avant une date limite.",
                "Le Syndicat fictif des services publics a compté 63 griefs liés aux horaires en six mois, contre 12 l'année précédente. Les gestionnaires disent devoir justifier chaque modification auprès de la direction.",
            ],
        },
        "en": {
            "title": "HoraiRéseau sets the schedules of nursing staff",
            "summary": "Optimization software produces the schedules of nursing staff at the fictional Grand-Mézy hospital. Staff report last-minute changes, back-to-back shifts and difficulty getting their family constraints respected.",
            "plain_summary": "A computer makes the nurses' schedules. Schedules often change at the last minute. Some nurses work too many hours in a row. It is hard to ask for a change.",
            "decision_role": "Produces a four-week work schedule. Managers can change it, but the software flags every change as a “deviation”.",
            "story": [
                "The software aims to reduce the use of private agencies and overtime. It only takes staff preferences into account if they are entered in a precise format, before a deadline.",
                "The Fictional Public Service Union counted 63 scheduling grievances in six months, compared with 12 the year before. Managers say they must justify every change to senior management.",
            ],
        },
        "timeline": [
            {
                "date": "2024-09-01",
                "fr": ("Déploiement dans trois unités de soins", ""),
                "en": ("Rolled out in three care units", ""),
            },
            {
                "date": "2024-12-02",
                "fr": ("Le syndicat dépose un grief collectif", ""),
                "en": ("The union files a collective grievance", ""),
            },
            {
                "date": "2025-06-16",
                "fr": (
                    "Entente sur une période de transition",
                    "Les horaires sont publiés trois semaines à l'avance.",
                ),
                "en": ("Agreement on a transition period", "Schedules are published three weeks ahead."),
            },
        ],
        "evidence": [
            {
                "url": "https://syndicat-services-publics.example.org/griefs/horaires-logiciel",
                "publisher": "Syndicat fictif des services publics",
                "date": "2024-12-02",
                "fr": "Grief collectif sur les horaires produits par logiciel",
                "en": "Collective grievance on software-generated schedules",
            },
        ],
        "response": {
            "by": "ministere-fictif-sante",
            "date": "2024-12-10",
            "url": "",
            "fr": "L'outil vise à stabiliser les équipes et à réduire le recours aux agences. Les gestionnaires gardent le dernier mot sur les horaires.",
            "en": "The tool aims to stabilize teams and reduce the use of agencies. Managers keep the final say on schedules.",
        },
    },
    {
        "id": "CF-2026-0014",
        "services": ["services-sociaux", "sante"],
        "regions": ["gaspesie-iles-de-la-madeleine"],
        "municipality": "Havre-aux-Goélands (fictive)",
        "risks": ["exclusion-numerique", "vie-privee"],
        "impact_level": None,
        "agency": "cisss-fictif-gaspesie",
        "vendor": "boreal-analytique",
        "ai_system": "VoixSoutien",
        "automation": "fully-automated",
        "status": "planned",
        "first_reported": "2026-04-07",
        "related": [],
        "fr": {
            "title": "VoixSoutien : des appels automatisés pour le soutien à domicile",
            "summary": "Le centre fictif de santé et de services sociaux de la Gaspésie prévoit de confier à un agent vocal la confirmation des visites de soutien à domicile. Une visite non confirmée serait annulée automatiquement, et les enregistrements serviraient à entraîner le système.",
            "plain_summary": "Un robot va téléphoner aux personnes aidées à la maison. Il va demander de confirmer la visite. Si la personne ne répond pas, la visite sera annulée. Les appels seront enregistrés.",
            "decision_role": "Appellerait les personnes, puis confirmerait ou annulerait la visite selon la réponse, sans intervention humaine.",
            "story": [
                "Beaucoup de personnes qui reçoivent du soutien à domicile entendent mal ou ont des troubles de mémoire, et certaines n'ont qu'un téléphone fixe. Des proches aidants craignent que des visites essentielles soient annulées parce qu'une personne n'a pas compris le robot.",
                "Le document de projet prévoit d'envoyer les enregistrements au fournisseur pour « améliorer la reconnaissance des accents régionaux ». Aucun consentement séparé n'est prévu.",
            ],
        },
        "timeline": [
            {"date": "2026-04-07", "fr": ("Présentation du projet au comité des usagers", "")},
            {"date": "2026-05-12", "fr": ("Lettre de proches aidants au conseil d'administration", "")},
        ],
        "evidence": [
            {
                "url": "https://cisss-gaspesie.example.org/comite-usagers/pv-2026-04-07",
                "publisher": "Comité des usagers fictif de la Gaspésie",
                "date": "2026-04-07",
                "fr": "Procès-verbal de la réunion du 7 avril 2026",
            },
        ],
        "response": {
            "by": "cisss-fictif-gaspesie",
            "date": "2026-05-20",
            "url": "",
            "fr": "Le projet n'est pas encore approuvé. Le centre consultera les proches aidants et prévoira une autre solution pour les personnes qui ne peuvent pas utiliser le service.",
        },
    },
    {
        "id": "CF-2026-0015",
        "services": ["emploi-solidarite"],
        "regions": ["abitibi-temiscamingue"],
        "municipality": "Lac-Opaline (fictive)",
        "risks": ["discrimination", "opacite"],
        "impact_level": 2,
        "agency": "ministere-fictif-solidarite",
        "vendor": "algopolis",
        "ai_system": "JumeloEmploi",
        "automation": "advisory",
        "status": "deployed",
        "first_reported": "2025-01-29",
        "related": ["CF-2026-0003"],
        "fr": {
            "title": "JumeloEmploi recommande des emplois moins payés aux femmes",
            "summary": "Le service de recommandation JumeloEmploi propose des offres d'emploi et des formations aux personnes en recherche d'emploi. Un test mené par un groupe de femmes fictif montre qu'à profil égal, les femmes reçoivent surtout des offres moins bien payées.",
            "plain_summary": "Un site propose des emplois aux personnes qui cherchent du travail. À expérience égale, il propose aux femmes des emplois moins payés. Les gens ne savent pas pourquoi ces emplois leur sont proposés.",
            "decision_role": "Recommande des offres d'emploi et des formations. Les conseillères s'en servent pour orienter les personnes.",
            "story": [
                "Le groupe fictif Femmes et travail en Abitibi a créé 40 profils identiques, sauf pour le genre. Les profils féminins ont reçu des offres payées en moyenne 3,40 $ de moins l'heure, surtout dans le commerce de détail, alors que les profils masculins recevaient des offres dans les mines et la construction.",
                "Les conseillères en emploi utilisent les recommandations pour préparer leurs rencontres. Elles ne savent pas sur quelles données le système s'appuie.",
            ],
        },
        "timeline": [
            {"date": "2024-03-04", "fr": ("Lancement de la nouvelle plateforme", "")},
            {"date": "2025-01-29", "fr": ("Publication du test par profils fictifs", "")},
        ],
        "evidence": [
            {
                "url": "https://femmes-travail-abitibi.example.org/test-jumeloemploi",
                "publisher": "Femmes et travail en Abitibi (groupe fictif)",
                "date": "2025-01-29",
                "fr": "Même profil, autres offres : test de JumeloEmploi",
            },
        ],
        "response": {
            "by": "ministere-fictif-solidarite",
            "date": "2025-02-12",
            "url": "",
            "fr": "Les recommandations reflètent les offres disponibles dans la région. Le ministère examinera les résultats du test avec le fournisseur.",
        },
    },
    {
        "id": "CF-2026-0016",
        "services": ["education"],
        "regions": ["monteregie"],
        "municipality": "Saint-Ormeaux (fictive)",
        "risks": ["discrimination", "vie-privee", "opacite"],
        "impact_level": 3,
        "agency": "centre-fictif-services-scolaires-rive",
        "vendor": "donnees-castor",
        "ai_system": "Persévérance+",
        "automation": "advisory",
        "status": "pilot",
        "first_reported": "2025-11-20",
        "related": ["CF-2026-0004"],
        "fr": {
            "title": "Persévérance+ prédit le décrochage des élèves du secondaire",
            "summary": "Le Centre fictif de services scolaires de la Rive teste un modèle qui prédit le risque de décrochage de chaque élève du secondaire à partir de ses notes, de ses absences et de données sur sa famille. Les parents n'ont pas été informés.",
            "plain_summary": "Une école utilise un ordinateur pour deviner quels élèves vont quitter l'école. L'ordinateur utilise les notes, les absences et des informations sur la famille. Les parents n'ont pas été prévenus.",
            "decision_role": "Classe les élèves selon leur risque de décrochage. La direction s'en sert pour offrir du soutien ou proposer un autre parcours.",
            "story": [
                "Les données utilisées comprennent le code postal, la langue parlée à la maison et les changements d'école. Un comité de parents fictif craint que ce profilage mesure la pauvreté ou l'immigration plutôt que les besoins réels de l'élève.",
                "Certaines écoles utilisent le score pour offrir du tutorat, ce que les parents apprécient. D'autres s'en servent pour diriger plus tôt des élèves vers la formation professionnelle.",
            ],
        },
        "image": {
            "key": "chronologie-perseverance",
            "fr": {
                "alt": "Frise chronologique du projet pilote : début dans six écoles le 25 août 2025, découverte par un comité de parents le 20 novembre 2025, séance d'information publique le 10 février 2026, fin prévue le 19 juin 2026.",
                "caption": "Les grandes étapes du projet pilote Persévérance+.",
            },
        },
        "timeline": [
            {"date": "2025-08-25", "fr": ("Début du projet pilote dans six écoles", "")},
            {"date": "2025-11-20", "fr": ("Un comité de parents découvre le projet", "")},
            {"date": "2026-02-10", "fr": ("Séance d'information publique", "")},
        ],
        "evidence": [
            {
                "url": "https://parents-rive.example.org/lettre-perseverance",
                "publisher": "Comité de parents fictif de la Rive",
                "date": "2025-11-20",
                "fr": "Lettre au conseil d'administration sur Persévérance+",
            },
            {
                "url": "https://reflet-fictif.example.org/2025/12/algorithme-decrochage",
                "publisher": "Le Reflet fictif de la Rive",
                "date": "2025-12-03",
                "fr": "Un algorithme pour prédire le décrochage",
            },
        ],
        "response": {
            "by": "centre-fictif-services-scolaires-rive",
            "date": "2025-12-01",
            "url": "",
            "fr": "L'outil sert à offrir du soutien plus tôt. Aucune décision n'est prise sans l'équipe-école. Les parents recevront une lettre d'information.",
        },
    },
    {
        "id": "CF-2026-0017",
        "services": ["sante"],
        "regions": ["nord-du-quebec"],
        "municipality": "Baie-des-Lichens (fictive)",
        "risks": ["exclusion-numerique", "erreurs"],
        "impact_level": 2,
        "agency": "ministere-fictif-sante",
        "vendor": "boreal-analytique",
        "ai_system": "TéléOrientation",
        "automation": "advisory",
        "status": "retired",
        "first_reported": "2024-07-15",
        "related": [],
        "fr": {
            "title": "Un agent conversationnel de télésanté retiré après un hiver d'essai",
            "summary": "Un agent conversationnel d'orientation en santé a été offert aux résidents de Baie-des-Lichens pour remplacer une partie des appels à l'infirmière de garde. Il fonctionnait mal avec une connexion Internet lente et a été retiré en 2025.",
            "plain_summary": "Un robot sur Internet devait dire aux gens où aller quand ils sont malades. Internet est lent dans le village. Le robot marchait mal. Il a été arrêté.",
            "decision_role": "Posait des questions sur les symptômes et recommandait d'attendre, de consulter ou d'aller à l'urgence.",
            "story": [
                "L'outil avait besoin d'une connexion stable. Avec le réseau du village, les conversations coupaient souvent et il fallait tout recommencer. Plusieurs personnes ont abandonné et sont allées directement au dispensaire.",
                "Le personnel du dispensaire a relevé des conseils mal adaptés, par exemple se rendre à une clinique située à plus de 300 km. Le projet a pris fin après l'hiver, sans rapport public.",
            ],
        },
        "timeline": [
            {"date": "2024-01-15", "fr": ("Lancement de l'agent conversationnel", "")},
            {"date": "2024-07-15", "fr": ("Des résidents témoignent à la radio communautaire", "")},
            {"date": "2025-04-30", "fr": ("Fin du service", "")},
        ],
        "evidence": [
            {
                "url": "https://radio-lichens.example.org/emissions/parler-a-un-robot",
                "publisher": "Radio communautaire fictive de Baie-des-Lichens",
                "date": "2024-07-15",
                "fr": "Parler à un robot quand on est malade",
            },
        ],
        "response": {
            "by": "ministere-fictif-sante",
            "date": "2025-04-30",
            "url": "",
            "fr": "Le service a été retiré au terme de l'essai. Les leçons apprises guideront les prochains projets de télésanté en région éloignée.",
        },
    },
    {
        "id": "CF-2026-0018",
        "services": ["transport"],
        "regions": ["montreal"],
        "municipality": "Pré-Vert (fictive)",
        "risks": ["conditions-de-travail", "surveillance"],
        "impact_level": 2,
        "agency": "transport-adapte-fictif-ile",
        "vendor": "vision-nordique",
        "ai_system": "SuiviFlotte",
        "automation": "fully-automated",
        "status": "deployed",
        "first_reported": "2025-09-09",
        "related": [],
        "fr": {
            "title": "SuiviFlotte note les chauffeuses et chauffeurs du transport adapté",
            "summary": "Un boîtier installé dans les minibus du transport adapté analyse la conduite, les arrêts et la ponctualité, puis donne une note chaque semaine à chaque personne. La note sert à attribuer les trajets les plus recherchés.",
            "plain_summary": "Un appareil dans les minibus surveille les chauffeurs. Il donne une note chaque semaine. Avec une bonne note, on a les meilleurs trajets. Aider un passager à monter peut faire baisser la note.",
            "decision_role": "Calcule une note de performance qui sert, sans intervention humaine, à attribuer les trajets.",
            "story": [
                "Le temps passé à aider une personne en fauteuil roulant ou à l'accompagner jusqu'à sa porte compte comme un « arrêt prolongé ». Des chauffeuses disent devoir choisir entre la qualité du service et leur note.",
                "Des passagères et passagers remarquent aussi des trajets plus pressés et moins d'aide pour monter à bord.",
            ],
        },
        "timeline": [
            {"date": "2025-03-03", "fr": ("Installation des boîtiers dans 80 minibus", "")},
            {"date": "2025-09-09", "fr": ("Le syndicat présente un sondage à ses membres", "")},
        ],
        "evidence": [
            {
                "url": "https://syndicat-services-publics.example.org/sondages/suiviflotte",
                "publisher": "Syndicat fictif des services publics",
                "date": "2025-09-09",
                "fr": "Sondage sur la notation SuiviFlotte",
            },
        ],
        "response": {
            "by": "transport-adapte-fictif-ile",
            "date": "2025-09-30",
            "url": "",
            "fr": "La note vise à améliorer la ponctualité. Le service revoit la façon de compter les arrêts liés à l'aide aux passagers.",
        },
    },
    {
        "id": "CF-2026-0019",
        "services": ["habitation"],
        "regions": ["centre-du-quebec"],
        "municipality": "Saint-Léandre-des-Prés (fictive)",
        "risks": ["vie-privee", "erreurs", "absence-de-recours"],
        "impact_level": 2,
        "agency": "office-fictif-habitation",
        "vendor": "quantix-services-publics",
        "ai_system": "AlerteLoyer",
        "automation": "fully-automated",
        "status": "retired",
        "first_reported": "2024-02-26",
        "related": ["CF-2026-0003"],
        "fr": {
            "title": "AlerteLoyer coupait des allocations-logement à cause d'erreurs d'adresse",
            "summary": "AlerteLoyer comparait les adresses des bénéficiaires d'une allocation-logement avec d'autres fichiers publics pour repérer les fausses déclarations. De simples erreurs de saisie ont interrompu des centaines d'allocations. Le système a été retiré en 2025.",
            "plain_summary": "Un ordinateur comparait les adresses des gens qui reçoivent une aide pour payer le loyer. S'il trouvait une différence, l'aide s'arrêtait. Souvent, c'était une simple faute de frappe. Le système a été arrêté.",
            "decision_role": "Interrompait l'allocation dès que deux fichiers donnaient des adresses différentes.",
            "story": [
                "Un numéro d'appartement manquant ou une rue mal écrite suffisait à créer une « incohérence ». Les personnes recevaient un avis d'interruption et devaient prouver leur adresse dans les 30 jours.",
                "Un comité logement fictif a accompagné 87 ménages en 2024. Dans 79 cas, l'allocation a été rétablie après vérification, parfois après deux mois sans aide.",
            ],
        },
        "timeline": [
            {"date": "2023-01-09", "fr": ("Mise en service d'AlerteLoyer", "")},
            {"date": "2024-02-26", "fr": ("Le comité logement alerte les médias locaux", "")},
            {"date": "2025-05-01", "fr": ("Retrait du système", "")},
        ],
        "evidence": [
            {
                "url": "https://comite-logement.example.org/87-menages",
                "publisher": "Comité logement fictif de Saint-Léandre-des-Prés",
                "date": "2024-02-26",
                "fr": "87 ménages privés d'allocation par erreur",
            },
        ],
        "response": {
            "by": "office-fictif-habitation",
            "date": "2025-05-01",
            "url": "",
            "fr": "AlerteLoyer est retiré. Un agent vérifiera désormais les adresses et communiquera avec la personne avant toute interruption.",
        },
    },
    {
        "id": "CF-2026-0020",
        "services": ["fiscalite"],
        "regions": ["chaudiere-appalaches"],
        "municipality": "Havre-Saint-Colin (fictive)",
        "risks": ["conditions-de-travail", "opacite", "erreurs"],
        "impact_level": 1,
        "agency": "agence-fictive-revenu",
        "vendor": "algopolis",
        "ai_system": "RéponseExpress",
        "automation": "human-in-the-loop",
        "status": "deployed",
        "first_reported": "2026-01-22",
        "related": ["CF-2026-0010"],
        "fr": {
            "title": "RéponseExpress rédige les réponses du centre d'appels de l'impôt",
            "summary": "Au centre d'appels fictif de Havre-Saint-Colin, un outil d'IA générative propose aux agents des réponses aux questions des contribuables. Les cibles de productivité ont été relevées, et les agents disent manquer de temps pour vérifier les réponses.",
            "plain_summary": "Au téléphone, les employés de l'impôt utilisent un robot qui écrit des réponses. Les patrons demandent maintenant plus d'appels par jour. Les employés n'ont pas le temps de vérifier si le robot a raison.",
            "decision_role": "Rédige une réponse suggérée que l'agent lit ou adapte pendant l'appel.",
            "story": [
                "L'outil s'appuie sur la documentation interne de l'Agence et cite parfois des règles périmées. Les agents qui prennent le temps de corriger les réponses voient baisser leurs statistiques.",
                "Les contribuables ne sont pas informés que la réponse a été préparée par un outil d'IA.",
            ],
        },
        "timeline": [
            {"date": "2025-10-06", "fr": ("Déploiement de l'outil au centre d'appels", "")},
            {"date": "2026-01-22", "fr": ("Les employés dénoncent les nouvelles cibles", "")},
        ],
        "evidence": [
            {
                "url": "https://syndicat-services-publics.example.org/declarations/centre-appels-cibles",
                "publisher": "Syndicat fictif des services publics",
                "date": "2026-01-22",
                "fr": "Déclaration sur les cibles de productivité au centre d'appels",
            },
        ],
        "response": {
            "by": "agence-fictive-revenu",
            "date": "2026-02-03",
            "url": "",
            "fr": "L'outil aide les agents à répondre plus vite et de façon plus uniforme. Les agents restent responsables de l'information transmise.",
        },
    },
    {
        "id": "CF-2026-0021",
        "services": ["services-municipaux", "environnement"],
        "regions": ["laurentides"],
        "municipality": "Lac-Argenté (fictive)",
        "risks": ["surveillance", "vie-privee", "erreurs"],
        "impact_level": 2,
        "agency": "ville-fictive-lac-argente",
        "vendor": "vision-nordique",
        "ai_system": "TriVision",
        "automation": "fully-automated",
        "status": "suspended",
        "first_reported": "2025-05-14",
        "related": ["CF-2026-0008"],
        "fr": {
            "title": "TriVision photographie le contenu des bacs de recyclage",
            "summary": "Les camions de collecte de la Ville fictive de Lac-Argenté photographient le contenu de chaque bac de recyclage. Un logiciel repère les erreurs de tri et envoie des avis, puis des amendes, aux adresses visées. Le programme est suspendu depuis l'été 2025.",
            "plain_summary": "Le camion de recyclage prend une photo de ce qu'il y a dans le bac. Un ordinateur regarde si le tri est bien fait. Sinon, la maison reçoit un avis, puis une amende. Sur les photos, on voit parfois des papiers personnels.",
            "decision_role": "Repère les erreurs de tri et envoie automatiquement des avis et des amendes à l'adresse du bac.",
            "story": [
                "Les photos montrent parfois des enveloppes avec des noms, des médicaments ou des documents personnels. Le fournisseur les garde pendant un an, et le contrat ne dit pas où elles sont hébergées.",
                "Dans les immeubles à logements, les amendes vont au propriétaire, qui les refacture parfois à tous les locataires. Le Regroupement fictif des personnes aînées des Laurentides a reçu de nombreuses plaintes de personnes qui ne comprenaient pas les avis.",
            ],
        },
        "en": {
            "title": "TriVision photographs the contents of recycling bins",
            "summary": "Collection trucks in the fictional town of Lac-Argenté photograph the contents of every recycling bin. Software spots sorting mistakes and sends notices, then fines, to the addresses concerned. The program has been suspended since summer 2025.",
            "plain_summary": "The recycling truck takes a photo of what is in the bin. A computer checks if the sorting is right. If not, the home gets a notice, then a fine. Personal papers can sometimes be seen in the photos.",
            "decision_role": "Spots sorting mistakes and automatically sends notices and fines to the bin's address.",
            "story": [
                "The photos sometimes show envelopes with names, medicine or personal documents. The vendor keeps them for a year, and the contract does not say where they are stored.",
                "In apartment buildings, fines go to the landlord, who sometimes passes them on to all tenants. The Fictional Laurentides Seniors' Association received many complaints from people who did not understand the notices.",
            ],
        },
        "timeline": [
            {
                "date": "2025-02-03",
                "fr": ("Début du programme dans trois quartiers", ""),
                "en": ("Program starts in three neighbourhoods", ""),
            },
            {
                "date": "2025-05-14",
                "fr": ("Première séance du conseil consacrée aux plaintes", ""),
                "en": ("First council meeting devoted to complaints", ""),
            },
            {
                "date": "2025-07-07",
                "fr": ("Suspension des amendes", ""),
                "en": ("Fines suspended", ""),
            },
            {
                "date": "2026-02-16",
                "fr": ("Début des discussions sur une entente de codesign", ""),
                "en": ("Talks begin on a codesign agreement", ""),
            },
        ],
        "evidence": [
            {
                "url": "https://voix-laurentides.example.org/2025/05/photos-de-nos-bacs",
                "publisher": "La Voix fictive des Laurentides",
                "date": "2025-05-16",
                "fr": "Des photos de nos bacs… et de nos papiers",
                "en": "Photos of our bins… and of our papers",
            },
            {
                "url": "https://lac-argente.example.org/avis-publics/suspension-controle-tri",
                "publisher": "Ville fictive de Lac-Argenté",
                "date": "2025-07-07",
                "fr": "Avis public : suspension du programme de contrôle du tri",
                "en": "Public notice: sorting control program suspended",
            },
        ],
        "response": {
            "by": "ville-fictive-lac-argente",
            "date": "2025-07-07",
            "url": "https://lac-argente.example.org/avis-publics/suspension-controle-tri",
            "fr": "La Ville suspend les amendes le temps de revoir le programme avec les citoyens. Les photos déjà prises seront supprimées à la fin de la révision.",
            "en": "The town is suspending fines while it reviews the program with residents. Photos already taken will be deleted at the end of the review.",
        },
    },
    {
        "id": "CF-2026-0022",
        "services": ["immigration"],
        "regions": ["estrie"],
        "municipality": "Mont-Clairval (fictive)",
        "risks": ["exclusion-numerique", "absence-de-recours", "discrimination"],
        "impact_level": None,
        "agency": "ministere-fictif-immigration",
        "vendor": "quantix-services-publics",
        "ai_system": "RDV Accueil",
        "automation": "fully-automated",
        "status": "planned",
        "first_reported": "2026-06-03",
        "related": ["CF-2026-0005"],
        "fr": {
            "title": "RDV Accueil : la reconnaissance faciale pour prendre rendez-vous",
            "summary": "Le ministère fictif de l'Immigration prévoit que les rendez-vous dans ses bureaux régionaux ne se prendront plus qu'avec une application qui vérifie l'identité par reconnaissance faciale. Les organismes d'accueil craignent que les personnes sans téléphone intelligent ou sans pièce d'identité reconnue soient exclues.",
            "plain_summary": "Pour avoir un rendez-vous au bureau d'immigration, il faudra une application sur un téléphone. L'application va vérifier le visage de la personne. Sans téléphone ou sans bonne pièce d'identité, on risque de ne pas avoir de rendez-vous.",
            "decision_role": "Accepterait ou refuserait automatiquement l'ouverture du compte selon la ressemblance entre le visage et la photo de la pièce d'identité.",
            "story": [
                "Le projet supprimerait les rendez-vous par téléphone et au comptoir. Les personnes qui demandent l'asile n'ont souvent pas de passeport valide, et beaucoup partagent un téléphone avec leur famille.",
                "Selon l'appel d'offres, un refus de vérification ne pourrait pas être contesté en ligne : il faudrait écrire au ministère par la poste. Les organismes rappellent que la reconnaissance faciale se trompe plus souvent pour les personnes à la peau foncée. Ils demandent aussi de l'explicabilité : chaque refus devrait dire pourquoi le visage n'a pas été reconnu.",
            ],
        },
        "timeline": [
            {"date": "2026-05-11", "fr": ("Publication de l'appel d'offres", "")},
            {"date": "2026-06-03", "fr": ("Lettre commune des organismes d'accueil de l'Estrie", "")},
        ],
        "evidence": [
            {
                "url": "https://appels-offres-fictifs.example.org/2026-IMM-031",
                "publisher": "Système fictif d'appels d'offres publics",
                "date": "2026-05-11",
                "fr": "Appel d'offres 2026-IMM-031 : prise de rendez-vous avec vérification d'identité",
            },
        ],
        "response": {
            "by": "ministere-fictif-immigration",
            "date": "2026-06-20",
            "url": "",
            "fr": "Le projet vise à réduire l'attente et la fraude. D'autres solutions seront offertes aux personnes qui ne peuvent pas utiliser l'application.",
        },
    },
    {
        "id": "CF-2026-0023",
        "services": ["sante"],
        "regions": ["cote-nord"],
        "municipality": "Sept-Anses (fictive)",
        "risks": ["vie-privee", "opacite"],
        "impact_level": 3,
        "agency": "ministere-fictif-sante",
        "vendor": "donnees-castor",
        "ai_system": "RéadmiPrévision",
        "automation": "advisory",
        "status": "pilot",
        "first_reported": "2026-04-28",
        "related": ["CF-2026-0002"],
        "fr": {
            "title": "RéadmiPrévision transmet des données de santé à une entreprise privée",
            "summary": "Pour prédire les retours à l'hôpital, un projet pilote transmet à une entreprise privée des données de santé de patientes et patients de la Côte-Nord. Les personnes n'ont pas été consultées, et le contrat permet à l'entreprise de réutiliser les données « dépersonnalisées ».",
            "plain_summary": "Un hôpital essaie de deviner quels patients vont revenir à l'hôpital. Pour cela, il envoie des informations de santé à une entreprise. Les patients n'ont pas été avertis. L'entreprise peut garder ces informations.",
            "decision_role": "Signale aux équipes de congé les personnes à risque de revenir à l'hôpital, pour planifier un suivi.",
            "story": [
                "Le suivi après un séjour à l'hôpital est utile, et le personnel soignant accueille l'idée d'un meilleur repérage. Ce qui inquiète, c'est l'entente de partage : l'entreprise peut utiliser les données dépersonnalisées pour améliorer des produits vendus ailleurs.",
                "Dans une petite population, des données dites dépersonnalisées peuvent permettre de reconnaître des personnes. Aucune évaluation des facteurs relatifs à la vie privée n'a été publiée.",
            ],
        },
        "timeline": [
            {"date": "2026-01-12", "fr": ("Signature du contrat avec l'entreprise", "")},
            {
                "date": "2026-04-28",
                "fr": ("Un médecin alerte la commission fictive d'accès à l'information", ""),
            },
        ],
        "evidence": [
            {
                "url": "https://nordet-fictif.example.org/2026/05/donnees-sante-fournisseur",
                "publisher": "Le Nordet fictif",
                "date": "2026-05-05",
                "fr": "Vos données de santé chez une entreprise privée",
            },
        ],
        "response": {
            "by": "ministere-fictif-sante",
            "date": "2026-05-12",
            "url": "",
            "fr": "Les données transmises sont dépersonnalisées et protégées par contrat. Le ministère publiera un résumé de l'évaluation des facteurs relatifs à la vie privée.",
        },
    },
    {
        "id": "CF-2026-0024",
        "services": ["services-sociaux"],
        "regions": ["laval"],
        "municipality": "Bois-Doré (fictive)",
        "risks": ["absence-de-recours", "discrimination", "conditions-de-travail"],
        "impact_level": 3,
        "agency": "cisss-fictif-bois-dore",
        "vendor": "algopolis",
        "ai_system": "PrioCharge",
        "automation": "human-in-the-loop",
        "status": "retired",
        "first_reported": "2024-05-21",
        "related": ["CF-2026-0013"],
        "fr": {
            "title": "PrioCharge fixait l'attente en santé mentale",
            "summary": "Un outil de répartition attribuait les nouvelles demandes en santé mentale aux travailleuses sociales et fixait un délai de prise en charge. Les demandes jugées « peu prioritaires » pouvaient attendre plus d'un an, sans moyen de contester. L'outil a été abandonné en 2025.",
            "plain_summary": "Un ordinateur décidait quelle travailleuse sociale s'occupait de quelle personne. Il décidait aussi combien de temps la personne allait attendre. Certaines personnes ont attendu plus d'un an. Elles ne pouvaient pas se plaindre de ce classement.",
            "decision_role": "Attribuait une priorité et un délai cible à chaque demande. Une cheffe d'équipe validait la liste chaque semaine.",
            "story": [
                "La priorité reposait sur un questionnaire rempli à l'accueil. Les personnes qui minimisaient leurs difficultés, par gêne ou à cause de la langue, se retrouvaient en bas de la liste.",
                "Les travailleuses sociales disent que l'outil remplissait leur charge de travail au maximum en tout temps, sans tenir compte de la complexité des dossiers. L'établissement a cessé de l'utiliser après une plainte.",
            ],
        },
        "timeline": [
            {"date": "2022-11-07", "fr": ("Mise en service de l'outil", "")},
            {"date": "2024-05-21", "fr": ("Plainte au commissaire fictif aux plaintes", "")},
            {"date": "2025-01-31", "fr": ("Abandon de l'outil", "")},
        ],
        "evidence": [
            {
                "url": "https://cisss-bois-dore.example.org/commissaire/conclusions-2024-0457",
                "publisher": "Commissaire fictif aux plaintes et à la qualité des services",
                "date": "2024-11-14",
                "fr": "Conclusions sur la plainte 2024-0457",
            },
        ],
        "response": {
            "by": "cisss-fictif-bois-dore",
            "date": "2025-01-31",
            "url": "",
            "fr": "L'établissement a cessé d'utiliser l'outil. La priorisation se fait maintenant en équipe clinique.",
        },
    },
]

# --- Advocacy briefs --------------------------------------------------------------------------

BRIEFS = [
    {
        "id": "BR-2026-0001",
        "publication_date": "2026-03-16",
        "version": "1.1",
        "services": ["emploi-solidarite", "habitation", "fiscalite", "immigration"],
        "regions": ["tout-le-quebec"],
        "risks": ["absence-de-recours", "opacite", "erreurs"],
        "authors": [
            {"person": "", "organization": "collectif-fictif-droits-numeriques"},
            {"person": "Amina Belkacem-Roy", "organization": "collectif-fictif-droits-numeriques"},
            {"person": "Louis-Philippe Vachon", "organization": "labo-fictif-ethique-algorithmique"},
        ],
        "citations": [
            ("CF-2026-0003", "Chronologie, 21 mars 2025 : suspension des décisions automatiques"),
            ("CF-2026-0019", "79 allocations rétablies sur 87 après vérification"),
            ("CF-2026-0010", "Lettres de sélection sans motif"),
            ("CF-2026-0005", "Analyse de 300 dossiers par la clinique Accès-Droit"),
            ("CF-2026-0022", "Contestation possible seulement par la poste"),
        ],
        "with_pdf": True,
        "fr": {
            "title": "Décisions automatisées : garantir un vrai droit de recours",
            "summary": "Ce mémoire analyse cinq dossiers où des systèmes automatisés ont suspendu une aide, choisi des contribuables à vérifier ou trié des demandes d'immigration. Il montre que les personnes touchées ne savaient ni qu'un système était en cause, ni comment contester, et propose quatre recommandations.",
            "plain_summary": "Des ordinateurs prennent des décisions sur l'aide sociale, les impôts et l'immigration. Souvent, les gens ne le savent pas. Ils ne savent pas comment se plaindre. Nous demandons des règles simples pour pouvoir contester.",
            "body": [
                ("heading", "Pourquoi ce mémoire"),
                (
                    "paragraph",
                    "Quand une décision publique est prise ou préparée par un système automatisé, la personne touchée doit pouvoir la comprendre et la contester. Les dossiers documentés sur Vigie IA montrent que ce droit existe rarement dans les faits.",
                ),
                ("heading", "Ce que montrent les dossiers"),
                (
                    "paragraph",
                    "Dans les dossiers VérifAide et AlerteLoyer, l'aide était interrompue avant toute vérification. La plupart des interruptions se sont révélées injustifiées, mais les personnes ont dû prouver leur bonne foi pendant des semaines, sans revenu.",
                ),
                (
                    "paragraph",
                    "Dans les dossiers CibleAudit, TriDossiers et RDV Accueil, les lettres ne mentionnent pas le système, et les voies de contestation sont difficiles d'accès, surtout sans Internet.",
                ),
                (
                    "quote",
                    (
                        "J'ai reçu une lettre qui disait que mon aide était suspendue. Personne ne pouvait me dire pourquoi.",
                        "Personne accompagnée par un organisme (témoignage fictif)",
                    ),
                ),
            ],
        },
        "en": {
            "title": "Automated decisions: guaranteeing a real right of appeal",
            "summary": "This brief analyses five case files in which automated systems suspended assistance, chose taxpayers to audit or sorted immigration applications. It shows that the people affected knew neither that a system was involved nor how to challenge it, and makes four recommendations.",
            "plain_summary": "Computers make decisions about social assistance, taxes and immigration. Often, people do not know it. They do not know how to complain. We are asking for simple rules so people can challenge these decisions.",
            "body": [
                ("heading", "Why this brief"),
                (
                    "paragraph",
                    "When a public decision is made or prepared by an automated system, the person affected must be able to understand it and challenge it. The case files documented on Vigie IA show that this right rarely exists in practice.",
                ),
                ("heading", "What the case files show"),
                (
                    "paragraph",
                    "In the VérifAide and AlerteLoyer case files, assistance was cut before any check. Most cuts turned out to be unjustified, but people had to prove their good faith for weeks, without income.",
                ),
                (
                    "paragraph",
                    "In the CibleAudit, TriDossiers and RDV Accueil case files, letters do not mention the system, and ways to appeal are hard to reach, especially without the Internet.",
                ),
                (
                    "quote",
                    (
                        "I got a letter saying my assistance was suspended. Nobody could tell me why.",
                        "Person supported by a community group (fictional account)",
                    ),
                ),
            ],
        },
        "recommendations": [
            {
                "fr": (
                    "Interdire toute suspension ou réduction d'une aide financière fondée seulement sur une alerte automatisée, sans vérification par une personne et sans avoir d'abord joint la personne concernée.",
                    "Ministère fictif de l'Emploi et de la Solidarité sociale",
                    "Dans les dossiers VérifAide et AlerteLoyer, la plupart des interruptions étaient injustifiées.",
                ),
                "en": (
                    "Prohibit any suspension or reduction of financial assistance based only on an automated alert, without review by a person and without first contacting the person concerned.",
                    "Fictional Ministry of Employment and Social Solidarity",
                    "In the VérifAide and AlerteLoyer case files, most cuts were unjustified.",
                ),
            },
            {
                "fr": (
                    "Indiquer dans chaque lettre de décision qu'un système automatisé a été utilisé, la raison précise de la décision et la façon de la contester, en langage clair.",
                    "Tous les ministères et organismes publics (fictifs)",
                    "",
                ),
                "en": (
                    "State in every decision letter that an automated system was used, the precise reason for the decision and how to challenge it, in plain language.",
                    "All (fictional) ministries and public bodies",
                    "",
                ),
            },
            {
                "fr": (
                    "Offrir une façon de contester sans Internet, par téléphone et en personne, avec un délai de réponse garanti.",
                    "Ministère fictif de l'Immigration et de l'Accueil",
                    "Le projet RDV Accueil ne prévoit qu'une contestation par la poste.",
                ),
                "en": (
                    "Offer a way to appeal without the Internet, by phone and in person, with a guaranteed response time.",
                    "Fictional Ministry of Immigration and Welcome",
                    "The RDV Accueil project only provides for appeals by mail.",
                ),
            },
            {
                "fr": (
                    "Publier un registre public des systèmes de décision automatisée, avec leur niveau d'impact et leurs évaluations.",
                    "Secrétariat fictif du Conseil du trésor",
                    "",
                ),
                "en": (
                    "Publish a public register of automated decision systems, with their impact level and assessments.",
                    "Fictional Treasury Board Secretariat",
                    "",
                ),
            },
        ],
    },
    {
        "id": "BR-2026-0002",
        "publication_date": "2025-11-12",
        "version": "1.0",
        "services": ["securite-publique", "transport", "services-municipaux", "education"],
        "regions": ["laval", "capitale-nationale", "laurentides", "saguenay-lac-saint-jean"],
        "risks": ["surveillance", "vie-privee", "discrimination"],
        "authors": [
            {"person": "Mélodie Tran-Bouchard", "organization": "labo-fictif-ethique-algorithmique"},
            {"person": "", "organization": "comite-citoyens-fictif-tilleuls"},
        ],
        "citations": [
            ("CF-2026-0006", "Carte des zones chaudes, octobre 2024 à mars 2025"),
            ("CF-2026-0008", "Politique de conservation des images (20 janvier 2025)"),
            ("CF-2026-0021", "Photos de documents personnels"),
            ("CF-2026-0004", "Sondage de l'association étudiante, avril 2024"),
        ],
        "with_pdf": False,
        "fr": {
            "title": "Caméras et capteurs intelligents : un même angle mort",
            "summary": "Quatre dossiers montrent comment des caméras et des logiciels d'analyse s'installent dans la rue, les autobus, les bacs de recyclage et même à la maison pendant les examens. Dans tous les cas, la population n'a pas été consultée avant l'achat et les images sont gardées longtemps.",
            "plain_summary": "Il y a de plus en plus de caméras reliées à des ordinateurs. On les trouve dans la rue, dans les autobus et même à la maison. Personne n'a demandé l'avis des gens. Les images sont gardées longtemps. Nous proposons trois règles.",
            "body": [
                ("heading", "Un phénomène qui se répand"),
                (
                    "paragraph",
                    "Police, société de transport, ville, cégep : des organismes très différents achètent des caméras dotées d'analyse automatisée. Chaque projet est présenté comme technique et local, ce qui évite un débat public.",
                ),
                ("heading", "Trois constats"),
                (
                    "paragraph",
                    "Premièrement, la surveillance se concentre là où elle existait déjà. Deuxièmement, les images captent bien plus que ce qui est nécessaire. Troisièmement, les personnes visées n'ont aucun moyen simple de savoir ce qui est conservé à leur sujet.",
                ),
            ],
        },
        "en": {
            "title": "Smart cameras and sensors: the same blind spot",
            "summary": "Four case files show how cameras and analysis software are spreading to streets, buses, recycling bins and even homes during exams. In every case, the public was not consulted before the purchase and images are kept for a long time.",
            "plain_summary": "There are more and more cameras linked to computers. They are in the street, on buses and even at home. Nobody asked people what they think. The images are kept for a long time. We propose three rules.",
            "body": [
                ("heading", "A spreading phenomenon"),
                (
                    "paragraph",
                    "Police, transit, a town, a college: very different bodies are buying cameras with automated analysis. Each project is presented as technical and local, which avoids public debate.",
                ),
                ("heading", "Three findings"),
                (
                    "paragraph",
                    "First, surveillance concentrates where it already existed. Second, the images capture far more than is needed. Third, the people targeted have no simple way to know what is kept about them.",
                ),
            ],
        },
        "recommendations": [
            {
                "fr": (
                    "Soumettre tout projet de caméra ou de capteur doté d'analyse automatisée à une consultation publique avant l'achat.",
                    "Municipalités et sociétés de transport",
                    "",
                ),
                "en": (
                    "Submit every camera or sensor project with automated analysis to public consultation before purchase.",
                    "Municipalities and transit corporations",
                    "",
                ),
            },
            {
                "fr": (
                    "Supprimer automatiquement, dans les 72 heures, les images qui ne sont liées à aucune infraction.",
                    "Commission fictive d'accès à l'information",
                    "La politique de LectoPlaque prévoit deux ans de conservation pour toutes les images.",
                ),
                "en": (
                    "Automatically delete, within 72 hours, images not linked to any offence.",
                    "Fictional Access to Information Commission",
                    "LectoPlaque's policy keeps all images for two years.",
                ),
            },
            {
                "fr": (
                    "Publier chaque trimestre la répartition des patrouilles et des interpellations par quartier.",
                    "Service de police fictif de Bois-Doré",
                    "",
                ),
                "en": (
                    "Publish every quarter how patrols and stops are distributed across neighbourhoods.",
                    "Fictional Bois-Doré Police Service",
                    "",
                ),
            },
        ],
    },
    {
        "id": "BR-2026-0003",
        "publication_date": "2026-05-01",
        "version": "1.0",
        "services": ["sante", "services-sociaux", "transport", "fiscalite"],
        "regions": ["tout-le-quebec"],
        "risks": ["conditions-de-travail", "opacite"],
        "authors": [
            {"person": "", "organization": "syndicat-fictif-services-publics"},
            {"person": "Nadia Ouimet-Fontaine", "organization": "syndicat-fictif-services-publics"},
        ],
        "citations": [
            ("CF-2026-0013", "63 griefs en six mois"),
            ("CF-2026-0018", "L'aide aux passagers comptée comme « arrêt prolongé »"),
            ("CF-2026-0020", "Cibles de productivité relevées après le déploiement"),
            ("CF-2026-0024", "Charge de travail remplie au maximum"),
        ],
        "with_pdf": False,
        "fr": {
            "title": "Quand l'algorithme fait l'horaire : l'IA et le travail dans les services publics",
            "summary": "Ce mémoire rassemble quatre dossiers où des outils d'IA organisent le travail du personnel des services publics : horaires, notation, cibles de productivité, répartition des dossiers. Il montre que ces outils changent les conditions de travail sans négociation et nuisent à la qualité du service.",
            "plain_summary": "Dans les services publics, des ordinateurs font les horaires et donnent des notes aux employés. Ils décident aussi combien de travail chacun doit faire. Les employés n'ont pas été consultés. Cela nuit aussi aux personnes qu'ils servent.",
            "body": [
                ("heading", "Le travail, angle mort des projets d'IA"),
                (
                    "paragraph",
                    "Les projets d'IA sont souvent présentés comme des outils pour la population. Pourtant, leur premier effet touche souvent le personnel : qui travaille quand, à quel rythme, et selon quels critères on juge son travail.",
                ),
                (
                    "paragraph",
                    "Dans les quatre dossiers étudiés, le personnel n'a pas été consulté avant le déploiement. Les problèmes ont été corrigés, quand ils l'ont été, après des griefs ou des plaintes.",
                ),
            ],
        },
        "recommendations": [
            {
                "fr": (
                    "Négocier avec les syndicats tout outil d'IA qui organise, mesure ou évalue le travail avant son déploiement.",
                    "Employeurs du secteur public (fictifs)",
                    "",
                ),
            },
            {
                "fr": (
                    "Exclure des indicateurs de performance le temps consacré à aider directement les usagers.",
                    "Service fictif de transport adapté de l'Île",
                    "Voir le dossier SuiviFlotte.",
                ),
            },
            {
                "fr": (
                    "Informer les usagers quand une réponse ou une décision a été préparée par un outil d'IA.",
                    "Agence fictive du revenu",
                    "",
                ),
            },
        ],
    },
]

# --- Collaboration agreements -----------------------------------------------------------------

AGREEMENTS = [
    {
        "id": "AC-2026-0001",
        "status": "in-force",
        "start_date": "2025-09-01",
        "end_date": "2027-08-31",
        "services": ["services-municipaux"],
        "regions": ["mauricie"],
        "parties": [
            ("ville-fictive-val-fleuri", "municipality"),
            ("table-citoyenne-fictive-mauricie", "non-profit"),
            ("labo-fictif-ethique-algorithmique", "research"),
        ],
        "signatories": [
            {
                "name": "Geneviève Lamarre-Dion",
                "title": "Mairesse",
                "organization": "ville-fictive-val-fleuri",
                "signed_on": "2025-09-01",
            },
            {
                "name": "Martin Sirois",
                "title": "Coordonnateur",
                "organization": "table-citoyenne-fictive-mauricie",
                "signed_on": "2025-09-01",
            },
            {
                "name": "Aïcha Benali",
                "title": "Directrice",
                "organization": "labo-fictif-ethique-algorithmique",
                "signed_on": "2025-09-03",
            },
        ],
        "commitments": [
            {
                "owner": "ville-fictive-val-fleuri",
                "due": "2025-10-01",
                "fr": "Rétablir une ligne téléphonique avec une personne du lundi au vendredi, de 8 h 30 à 16 h 30.",
                "en": "Restore a phone line answered by a person, Monday to Friday, 8:30 a.m. to 4:30 p.m.",
            },
            {
                "owner": "table-citoyenne-fictive-mauricie",
                "due": "2026-03-31",
                "fr": "Organiser, avant chaque mise en ligne d'une nouvelle fonction, un test en personne avec le comité citoyen.",
                "en": "Before each new feature goes live, hold an in-person test with the citizens' committee.",
            },
            {
                "owner": "ville-fictive-val-fleuri",
                "due": "2025-12-31",
                "fr": "Publier chaque trimestre le nombre de réponses erronées signalées et corrigées.",
                "en": "Publish every quarter the number of wrong answers reported and corrected.",
            },
            {
                "owner": "labo-fictif-ethique-algorithmique",
                "due": "2027-06-30",
                "fr": "Évaluer l'entente et publier un rapport en langage clair.",
                "en": "Evaluate the agreement and publish a plain-language report.",
            },
        ],
        "with_pdf": True,
        "fr": {
            "title": "Entente de codesign sur l'agent conversationnel de Val-Fleuri",
            "summary": "La Ville fictive de Val-Fleuri, une table citoyenne et un laboratoire de recherche s'entendent pour revoir ensemble l'agent conversationnel municipal, rétablir l'accès à une personne au téléphone et donner un vrai pouvoir à un comité citoyen. Voir le dossier sur « Allô Val-Fleuri ».",
            "plain_summary": "La ville, un groupe de citoyens et des chercheurs ont signé une entente. La ville remet une ligne téléphonique avec une vraie personne. Un comité de citoyens teste le robot avant chaque changement. Il peut bloquer un changement.",
            "scope": "L'agent conversationnel municipal « Allô Val-Fleuri », ses réponses sur les permis, les collectes et les taxes, et l'accès au service téléphonique de la Ville.",
            "citizen_role": "Un comité citoyen de neuf personnes, dont au moins trois personnes aînées et deux personnes qui lisent difficilement, examine chaque nouvelle fonction avant sa mise en ligne. Il peut en suspendre le lancement ; la Ville doit alors répondre par écrit dans les 30 jours.",
        },
        "en": {
            "title": "Codesign agreement on the Val-Fleuri chatbot",
            "summary": "The fictional City of Val-Fleuri, a citizens' roundtable and a research lab agree to review the municipal chatbot together, restore access to a person by phone and give real power to a citizens' committee. See the case file on “Allô Val-Fleuri”.",
            "plain_summary": "The city, a citizens' group and researchers signed an agreement. The city brings back a phone line with a real person. A citizens' committee tests the robot before every change. It can block a change.",
            "scope": "The municipal chatbot “Allô Val-Fleuri”, its answers about permits, collection and taxes, and access to the city's phone service.",
            "citizen_role": "A citizens' committee of nine people, including at least three older people and two people who have difficulty reading, reviews each new feature before it goes live. It can suspend the launch; the city must then reply in writing within 30 days.",
        },
    },
    {
        "id": "AC-2026-0002",
        "status": "signed",
        "start_date": "2027-01-01",
        "end_date": "2028-12-31",
        "services": ["services-municipaux", "environnement"],
        "regions": ["laurentides"],
        "parties": [
            ("ville-fictive-lac-argente", "municipality"),
            ("regroupement-fictif-aines-laurentides", "non-profit"),
            ("comite-citoyen-fictif-lac-argente", "citizen-committee"),
        ],
        "signatories": [
            {
                "name": "Patrick Doucet-Morin",
                "title": "Maire",
                "organization": "ville-fictive-lac-argente",
                "signed_on": "2026-10-15",
            },
            {
                "name": "Huguette Lavallée",
                "title": "Présidente",
                "organization": "regroupement-fictif-aines-laurentides",
                "signed_on": "2026-10-15",
            },
            {
                "name": "Youssef Haddad",
                "title": "Porte-parole",
                "organization": "comite-citoyen-fictif-lac-argente",
                "signed_on": "2026-10-15",
            },
        ],
        "commitments": [
            {
                "owner": "ville-fictive-lac-argente",
                "due": "2027-01-31",
                "fr": "Supprimer toutes les photos prises depuis le début du programme TriVision et en fournir la preuve au comité citoyen.",
            },
            {
                "owner": "ville-fictive-lac-argente",
                "due": "2027-01-01",
                "fr": "Remplacer les amendes automatiques par des visites de sensibilisation.",
            },
            {
                "owner": "regroupement-fictif-aines-laurentides",
                "due": "2027-03-31",
                "fr": "Faire tester par des personnes aînées des avis illustrés et rédigés en langage clair.",
            },
            {
                "owner": "comite-citoyen-fictif-lac-argente",
                "due": "2027-02-28",
                "fr": "Adopter les règles de fonctionnement du comité et les publier.",
            },
        ],
        "with_pdf": False,
        "fr": {
            "title": "Entente sur la révision du contrôle du tri à Lac-Argenté",
            "summary": "Après la suspension du programme TriVision, la Ville fictive de Lac-Argenté, un regroupement de personnes aînées et un comité citoyen s'entendent sur un programme de tri sans photos ni amendes automatiques. Voir le dossier sur TriVision.",
            "plain_summary": "La ville ne prendra plus de photos des bacs de recyclage. Il n'y aura plus d'amendes envoyées par un ordinateur. Les citoyens et les aînés aident la ville à expliquer le tri.",
            "scope": "Le programme de contrôle du tri des matières recyclables, les photos prises par les camions de collecte et les avis envoyés aux résidents.",
            "citizen_role": "Le comité citoyen du tri approuve tout changement au programme. Sans son accord, la Ville ne peut pas réintroduire de caméras dans les camions.",
        },
    },
    {
        "id": "AC-2026-0003",
        "status": "negotiating",
        "start_date": None,
        "end_date": None,
        "services": ["securite-publique"],
        "regions": ["laval"],
        "parties": [
            ("police-fictive-bois-dore", "public-body"),
            ("ville-fictive-bois-dore", "municipality"),
            ("comite-citoyens-fictif-tilleuls", "citizen-committee"),
        ],
        "signatories": [
            {
                "name": "Sylvie Charest",
                "title": "Directrice",
                "organization": "police-fictive-bois-dore",
                "signed_on": None,
            },
            {
                "name": "Karim Saadi",
                "title": "Président",
                "organization": "comite-citoyens-fictif-tilleuls",
                "signed_on": None,
            },
        ],
        "commitments": [
            {
                "owner": "police-fictive-bois-dore",
                "due": "2027-03-31",
                "fr": "Publier chaque trimestre les données de patrouille et d'interpellation par quartier.",
            },
            {
                "owner": "ville-fictive-bois-dore",
                "due": "2027-06-30",
                "fr": "Financer une évaluation indépendante du projet pilote PatrouillePrédictive.",
            },
        ],
        "with_pdf": False,
        "fr": {
            "title": "Projet d'entente sur la gouvernance de la patrouille prédictive à Bois-Doré",
            "summary": "Le service de police fictif de Bois-Doré, la Ville et le comité de citoyens des Tilleuls négocient les conditions d'une éventuelle poursuite du projet pilote de patrouille prédictive. Voir le dossier sur PatrouillePrédictive.",
            "plain_summary": "La police, la ville et un comité de citoyens discutent. Ils veulent décider ensemble si la police peut garder l'ordinateur qui choisit où patrouiller. Rien n'est encore signé.",
            "scope": "Le projet pilote PatrouillePrédictive, les données qui l'alimentent et la publication des résultats.",
            "citizen_role": "Proposition en discussion : deux sièges avec droit de vote pour des résidents au comité de suivi du projet pilote.",
        },
    },
]

# --- Glossary ---------------------------------------------------------------------------------
# Real terms with real, plain definitions (only the examples are imagined). Each term is found
# again by its anchor (``slug``), the same in both languages; "related" names other anchors.

GLOSSARY = [
    {
        "slug": "algorithme",
        "related": ["modele", "apprentissage-automatique", "systeme-decision-automatisee"],
        "fr": {
            "term": "algorithme",
            "other_forms": "algorithmes",
            "definition": "Une suite d'instructions précises qu'un ordinateur suit, étape par étape, pour faire une tâche ou arriver à une décision.",
            "example": "Un algorithme classe les demandes de rendez-vous selon les réponses données dans un formulaire.",
        },
        "en": {
            "term": "algorithm",
            "other_forms": "algorithms",
            "definition": "A set of precise instructions that a computer follows, step by step, to do a task or reach a decision.",
            "example": "An algorithm sorts appointment requests according to the answers given in a form.",
        },
    },
    {
        "slug": "intelligence-artificielle",
        "related": ["apprentissage-automatique", "algorithme", "modele"],
        "fr": {
            "term": "intelligence artificielle",
            "other_forms": "IA",
            "definition": "Des programmes informatiques qui font des tâches qu'on associait à l'intelligence humaine : reconnaître une image, comprendre un texte, prédire ou recommander.",
            "example": "Un outil d'IA propose des réponses aux agents d'un centre d'appels.",
        },
        "en": {
            "term": "artificial intelligence",
            "other_forms": "AI",
            "definition": "Computer programs that do tasks we used to link to human intelligence: recognizing an image, understanding a text, predicting or recommending.",
            "example": "An AI tool suggests answers to the agents of a call centre.",
        },
    },
    {
        "slug": "systeme-decision-automatisee",
        "related": ["algorithme", "evaluation-impact-algorithmique", "explicabilite"],
        "fr": {
            "term": "système de décision automatisée",
            "other_forms": "systèmes de décision automatisée\nsystème décisionnel automatisé\nsystèmes décisionnels automatisés",
            "definition": "Un outil informatique qui prend une décision administrative, ou qui aide une personne à la prendre : accepter une demande, fixer un montant, choisir un dossier à vérifier.",
            "example": "Un système décide quelles demandes d'aide sociale sont traitées en premier.",
        },
        "en": {
            "term": "automated decision system",
            "other_forms": "automated decision systems\nautomated decision-making system\nautomated decision-making systems",
            "definition": "A computer tool that makes an administrative decision, or helps a person make it: approving an application, setting an amount, choosing a file to check.",
            "example": "A system decides which social assistance applications are handled first.",
        },
    },
    {
        "slug": "apprentissage-automatique",
        "related": ["donnees-entrainement", "modele", "intelligence-artificielle"],
        "fr": {
            "term": "apprentissage automatique",
            "other_forms": "apprentissage machine",
            "definition": "Une façon de créer un programme : au lieu de lui écrire toutes les règles, on lui montre beaucoup d'exemples et il y trouve lui-même des régularités.",
            "example": "Un programme apprend à repérer les demandes urgentes en étudiant des milliers de demandes déjà classées.",
        },
        "en": {
            "term": "machine learning",
            "other_forms": "",
            "definition": "A way of building a program: instead of writing all the rules, people show it many examples and it finds patterns in them by itself.",
            "example": "A program learns to spot urgent requests by studying thousands of requests that were already sorted.",
        },
    },
    {
        "slug": "biais-algorithmique",
        "related": ["donnees-entrainement", "profilage", "faux-positif"],
        "fr": {
            "term": "biais algorithmique",
            "other_forms": "biais algorithmiques",
            "definition": "Une erreur qui se répète et désavantage toujours les mêmes groupes de personnes, souvent parce que le système a appris à partir de décisions injustes du passé.",
            "example": "Un système refuse plus souvent les demandes venant d'un quartier pauvre, parce que ces demandes étaient plus souvent refusées avant.",
        },
        "en": {
            "term": "algorithmic bias",
            "other_forms": "",
            "definition": "An error that keeps repeating and always puts the same groups of people at a disadvantage, often because the system learned from unfair past decisions.",
            "example": "A system refuses applications from a poor neighbourhood more often, because such applications were refused more often in the past.",
        },
    },
    {
        "slug": "donnees-entrainement",
        "related": ["apprentissage-automatique", "biais-algorithmique", "modele"],
        "fr": {
            "term": "données d'entraînement",
            "other_forms": "données d'apprentissage",
            "definition": "Les exemples qu'on donne à un programme d'apprentissage automatique pour qu'il apprenne. S'ils sont incomplets ou injustes, le programme le sera aussi.",
            "example": "Les décisions prises par un ministère de 2018 à 2022 servent à apprendre à un système à trier les nouvelles demandes.",
        },
        "en": {
            "term": "training data",
            "other_forms": "",
            "definition": "The examples given to a machine learning program so that it can learn. If they are incomplete or unfair, the program will be too.",
            "example": "The decisions a ministry made from 2018 to 2022 are used to teach a system how to sort new applications.",
        },
    },
    {
        "slug": "modele",
        "related": ["apprentissage-automatique", "donnees-entrainement", "algorithme"],
        "fr": {
            "term": "modèle",
            "other_forms": "modèles",
            "definition": "Ce que produit l'apprentissage automatique : un programme qui a retenu des régularités dans des exemples et s'en sert pour faire des prédictions sur de nouveaux cas.",
            "example": "Le modèle donne à chaque déclaration de revenus un score de risque de 0 à 100.",
        },
        "en": {
            "term": "model",
            "other_forms": "models",
            "definition": "What machine learning produces: a program that has kept patterns from examples and uses them to make predictions about new cases.",
            "example": "The model gives each tax return a risk score from 0 to 100.",
        },
    },
    {
        "slug": "reconnaissance-faciale",
        "related": ["faux-positif", "biais-algorithmique"],
        "fr": {
            "term": "reconnaissance faciale",
            "other_forms": "",
            "definition": "Une technologie qui compare l'image d'un visage à une ou plusieurs photos, pour trouver qui est la personne ou vérifier qu'elle est bien celle qu'elle dit être.",
            "example": "Une application compare votre visage à la photo de votre pièce d'identité avant d'ouvrir votre compte.",
        },
        "en": {
            "term": "facial recognition",
            "other_forms": "face recognition",
            "definition": "A technology that compares an image of a face with one or more photos, to find out who a person is or to check that they are who they say they are.",
            "example": "An app compares your face with the photo on your ID card before opening your account.",
        },
    },
    {
        "slug": "profilage",
        "related": ["biais-algorithmique", "systeme-decision-automatisee"],
        "fr": {
            "term": "profilage",
            "other_forms": "",
            "definition": "Utiliser des informations sur une personne (âge, adresse, revenus, habitudes) pour la classer dans une catégorie et prévoir ce qu'elle fera ou décider comment la traiter.",
            "example": "Un système classe les élèves à risque de décrocher selon leur code postal et la langue parlée à la maison.",
        },
        "en": {
            "term": "profiling",
            "other_forms": "",
            "definition": "Using information about a person (age, address, income, habits) to put them in a category and predict what they will do or decide how to treat them.",
            "example": "A system ranks students at risk of dropping out by their postal code and the language spoken at home.",
        },
    },
    {
        "slug": "explicabilite",
        "related": ["systeme-decision-automatisee", "evaluation-impact-algorithmique"],
        "fr": {
            "term": "explicabilité",
            "other_forms": "explicable",
            "definition": "La capacité d'expliquer, en mots simples, pourquoi un système a donné tel résultat pour une personne.",
            "example": "Une lettre dit : « Votre déclaration est vérifiée parce que votre revenu a changé de plus de 50 %. »",
        },
        "en": {
            "term": "explainability",
            "other_forms": "explainable",
            "definition": "Being able to explain, in simple words, why a system gave a particular result for a person.",
            "example": "A letter says: “Your tax return is being checked because your income changed by more than 50%.”",
        },
    },
    {
        "slug": "faux-positif",
        "related": ["biais-algorithmique", "reconnaissance-faciale"],
        "fr": {
            "term": "faux positif",
            "other_forms": "faux positifs",
            "definition": "Quand un système signale à tort quelque chose qui n'existe pas : il répond « oui » alors que la bonne réponse était « non ».",
            "example": "Une déclaration de revenus est signalée comme suspecte, mais la vérification ne trouve aucune erreur.",
        },
        "en": {
            "term": "false positive",
            "other_forms": "false positives",
            "definition": "When a system wrongly flags something that is not there: it answers “yes” when the right answer was “no”.",
            "example": "A tax return is flagged as suspicious, but the check finds no error.",
        },
    },
    {
        "slug": "evaluation-impact-algorithmique",
        "related": ["systeme-decision-automatisee", "explicabilite"],
        "fr": {
            "term": "évaluation d'impact algorithmique",
            "other_forms": "évaluations d'impact algorithmique\névaluation de l'incidence algorithmique",
            "definition": "Un examen fait avant d'utiliser un système automatisé, pour mesurer les risques qu'il pose pour les personnes et prévoir comment les réduire. Le gouvernement du Canada l'exige pour ses systèmes de décision automatisée.",
            "example": "Avant d'utiliser un outil qui trie les demandes, un ministère publie son évaluation d'impact et le niveau de risque du système.",
        },
        "en": {
            "term": "algorithmic impact assessment",
            "other_forms": "algorithmic impact assessments",
            "definition": "A review done before using an automated system, to measure the risks it poses to people and plan how to reduce them. The Government of Canada requires one for its automated decision systems.",
            "example": "Before using a tool that sorts applications, a ministry publishes its impact assessment and the system's risk level.",
        },
    },
]

# --- Words the loader adds to every item ------------------------------------------------------

FICTION_NOTE = {
    "casefile": {"fr": "(Cas fictif de démonstration.)", "en": "(Fictional demonstration case.)"},
    "brief": {"fr": "(Mémoire fictif de démonstration.)", "en": "(Fictional demonstration brief.)"},
    "agreement": {"fr": "(Entente fictive de démonstration.)", "en": "(Fictional demonstration agreement.)"},
}
PLAIN_FICTION_NOTE = {"fr": "Cet exemple est inventé.", "en": "This example is made up."}
CASEFILE_HEADINGS = {
    "fr": {
        "story": "Ce que nous savons",
        "timeline": "Chronologie",
        "evidence": "Sources",
        "response": "Réponse de l'organisme",
    },
    "en": {
        "story": "What we know",
        "timeline": "Timeline",
        "evidence": "Sources",
        "response": "The agency's response",
    },
}
IMAGE_CREDIT = {
    "fr": "Illustration générée pour la démonstration",
    "en": "Illustration generated for the demo",
}
# Demo items get translation keys derived from their fixed public ids: that is how a later run
# recognises them, even if their public id had to change because another item already used it.
DEMO_TRANSLATION_KEYS = uuid.UUID("6f1d8a52-3c3e-4f7e-9a57-1d6c2e0b7a44")
PDF_NOTICE = "Document fictif produit pour la démonstration de Vigie IA. Aucun de ces faits n'est réel."


# --- Loading ----------------------------------------------------------------------------------


@dataclass
class DemoReport:
    """What one run created and what it found already there."""

    created: Counter = field(default_factory=Counter)
    existing: Counter = field(default_factory=Counter)
    accounts: list = field(default_factory=list)
    renumbered: list = field(default_factory=list)


def load_demo():
    """Load everything that is missing, in one transaction, and return a ``DemoReport``."""
    return DemoLoader().run()


class DemoLoader:
    def __init__(self):
        self.report = DemoReport()

    def run(self):
        with transaction.atomic():
            self.site = ensure_site()
            self.french = self.site["fr"]["home"].locale
            self.english = Locale.objects.get(language_code="en")
            for spec in [*CASE_FILES, *BRIEFS, *AGREEMENTS]:
                PublicIdSequence.reserve(spec["id"])
            self.load_groups()
            self.load_accounts()
            self.load_organizations()
            self.load_memberships()
            self.load_images()
            self.load_glossary()
            self.load_casefiles()
            self.load_testimonies()
            self.load_briefs()
            self.load_agreements()
            self.mark_loaded()
        return self.report

    def tally(self, label, created):
        (self.report.created if created else self.report.existing)[label] += 1

    # Roles and accounts

    def load_groups(self):
        self.groups = apply_roles()

    def load_memberships(self):
        """Each partner account acts for one organization (a party to a demo agreement)."""
        for spec in ACCOUNTS:
            if spec.get("organization"):
                PartnerMembership.objects.update_or_create(
                    user=self.users[spec["username"]],
                    defaults={"organization": self.organizations[spec["organization"]]["fr"]},
                )

    def load_accounts(self):
        user_model = get_user_model()
        self.users = {}
        for spec in ACCOUNTS:
            user, created = user_model.objects.get_or_create(username=spec["username"])
            self.tally("accounts", created)
            user.first_name = spec["first_name"]
            user.last_name = spec["last_name"]
            user.email = f"{spec['username']}@example.org"
            user.is_active = True
            user.is_staff = spec["group"] is None
            user.is_superuser = spec["group"] is None
            user.set_password(spec["password"])
            user.save()
            if spec["group"]:
                user.groups.add(self.groups[spec["group"]])
            self.users[spec["username"]] = user
            self.report.accounts.append((spec["username"], spec["password"], spec["role"]))
        self.author = self.users["demo-editor"]
        self.publisher = self.users["demo-reviewer"]

    # Snippets, images and documents

    def load_organizations(self):
        self.organizations = {}
        for spec in ORGANIZATIONS:
            original = Organization.objects.filter(key=spec["key"], locale=self.french).first()
            self.tally("organizations", original is None)
            if original is None:
                original = Organization.objects.create(
                    key=spec["key"],
                    name=spec["name"]["fr"],
                    kind=spec["kind"],
                    website=spec["website"],
                    region=Region.objects.filter(key=spec["region"], locale=self.french).first(),
                    locale=self.french,
                )
            translation = original.get_translation_or_none(self.english)
            if translation is None and "en" in spec["name"]:
                translation = original.copy_for_translation(self.english)
                translation.name = spec["name"]["en"]
                translation.save()
                self.tally("organization translations", True)
            elif translation is not None:
                self.tally("organization translations", False)
            self.organizations[spec["key"]] = {"fr": original, "en": translation or original}

    def load_glossary(self):
        """The French terms, then their English translations made as for organizations; related
        terms are set once, when the term is created, so an editor's later choice stays."""
        created = []
        terms = {}
        for spec in GLOSSARY:
            term = GlossaryTerm.objects.filter(slug=spec["slug"], locale=self.french).first()
            self.tally("glossary terms", term is None)
            if term is None:
                term = GlossaryTerm(slug=spec["slug"], locale=self.french, **spec["fr"])
                term.save()
                created.append(spec)
            terms[spec["slug"]] = term
        for spec in created:
            term = terms[spec["slug"]]
            term.related_terms = [terms[slug] for slug in spec["related"]]
            term.save()
        for spec in GLOSSARY:
            original = terms[spec["slug"]]
            translation = original.get_translation_or_none(self.english)
            self.tally("glossary term translations", translation is None)
            if translation is None:
                translation = original.copy_for_translation(self.english)
                for name, value in spec["en"].items():
                    setattr(translation, name, value)
                translation.related_terms = list(original.related_terms.all())
                translation.save()

    def organization(self, key, language="fr"):
        return self.organizations[key][language]

    def load_images(self):
        image_model = get_image_model()
        self.images = {}
        for spec in IMAGES:
            image = image_model.objects.filter(title=spec["title"]).first()
            self.tally("images", image is None)
            if image is None:
                image = image_model(
                    title=spec["title"],
                    collection=media_collection(),
                    file=ImageFile(BytesIO(draw_image(spec)), name=f"demo-{spec['key']}.png"),
                )
                image._set_image_file_metadata()
                image.save()
            self.images[spec["key"]] = image

    def pdf_document(self, title, filename, heading, paragraphs):
        document_model = get_document_model()
        document = document_model.objects.filter(title=title).first()
        self.tally("documents", document is None)
        if document is None:
            document = document_model(
                title=title,
                collection=media_collection(),
                file=ContentFile(render_pdf(heading, paragraphs), name=filename),
            )
            document._set_document_file_metadata()
            document.save()
        return document

    # Pages

    def terms(self, model, keys):
        found = list(model.objects.filter(key__in=keys, locale=self.french))
        missing = set(keys) - {term.key for term in found}
        if missing:
            raise ValueError(f"unknown {model._meta.verbose_name} keys in demo content: {sorted(missing)}")
        return found

    def publish(self, page, first_published_on):
        page.first_published_at = timezone.make_aware(datetime.combine(first_published_on, time(9)))
        # Agreements are published by their parties or an administrator, not by reviewers.
        publisher = (
            self.users["demo-admin"] if isinstance(page, CollaborationAgreementPage) else self.publisher
        )
        revision = page.save_revision(user=self.author)
        revision.publish(user=publisher)
        # The public history of a demo item starts on its fictional first publication date.
        PageLogEntry.objects.filter(revision=revision, action="wagtail.publish").update(
            timestamp=page.first_published_at
        )

    def existing_item(self, model, public_id):
        return model.objects.filter(translation_key=demo_translation_key(public_id)).order_by("pk").first()

    def new_item(self, model, public_id, **fields):
        """A demo item with its fixed public id, or a fresh one if another item already has it.

        Every fixed id is reserved before any item is created, so a fresh id never lands on the
        fixed id of a later demo item."""
        free = not model.objects.filter(public_id=public_id).exists()
        return model(
            public_id=public_id if free else PublicIdSequence.next_id(model.id_prefix),
            translation_key=demo_translation_key(public_id),
            locale=self.french,
            owner=self.author,
            **fields,
        )

    def add(self, index, page, public_id, first_published_on):
        page.slug = find_available_slug(index, page.slug)
        index.add_child(instance=page)
        self.publish(page, first_published_on)
        if page.public_id != public_id:
            self.report.renumbered.append((public_id, page.public_id))

    def ensure_english(self, original, spec, write_text, label, first_published_on):
        if "en" not in spec:
            return
        translation = original.get_translation_or_none(self.english)
        self.tally(label, translation is None)
        if translation is None:
            translation = original.copy_for_translation(self.english)
            write_text(translation, spec, "en")
            translation.slug = find_available_slug(translation.get_parent(), translation.slug, translation.pk)
            self.publish(translation, first_published_on)

    def load_casefiles(self):
        index = self.site["fr"]["impacts.CaseFileIndexPage"]
        self.casefiles = {}
        for spec in CASE_FILES:
            page = self.existing_item(CaseFilePage, spec["id"])
            self.tally("case files", page is None)
            first_reported = date.fromisoformat(spec["first_reported"])
            if page is None:
                page = self.new_item(
                    CaseFilePage,
                    spec["id"],
                    municipality=spec["municipality"],
                    impact_level=spec["impact_level"],
                    agency=self.organization(spec["agency"]),
                    ai_system=spec["ai_system"],
                    vendor=self.organization(spec["vendor"]),
                    automation=spec["automation"],
                    status=spec["status"],
                    first_reported=first_reported,
                )
                page.services = self.terms(Service, spec["services"])
                page.regions = self.terms(Region, spec["regions"])
                page.risks = self.terms(Risk, spec["risks"])
                page.related_casefiles = [self.casefiles[public_id] for public_id in spec["related"]]
                self.write_casefile_text(page, spec, "fr")
                self.add(index, page, spec["id"], first_reported)
            self.casefiles[spec["id"]] = page
            self.ensure_english(
                page, spec, self.write_casefile_text, "case file translations", first_reported
            )

    def load_testimonies(self):
        for spec in TESTIMONIES:
            casefile = self.casefiles[spec["casefile"]]
            testimony = Testimony.objects.filter(text=spec["text"]).first()
            self.tally("testimonies", testimony is None)
            if testimony is None:
                testimony = Testimony.objects.create(
                    text=spec["text"],
                    language=spec.get("language", "fr"),
                    plain_text=spec["plain_text"],
                    identification=spec["identification"],
                    display_name=spec["display_name"],
                    context=spec["context"],
                    consent_collected_by="Intervenante fictive (démo)",
                    consent_collected_on=date(2026, 2, 1),
                    consent_text_version="2026-01 (démo)",
                    consent_language=spec.get("language", "fr"),
                    consent_web=True,
                    consent_exports=True,
                    withdrawal_contact="retrait@groupe-fictif.example.org",
                    retention_until=date(2031, 2, 1),
                )
                testimony.consent_casefiles.set([casefile])
                testimony.save()
            for page in (casefile, casefile.get_translation_or_none(self.english)):
                if page is None:
                    continue
                page = CaseFilePage.objects.get(pk=page.pk)
                if not page.testimony_links.filter(testimony=testimony).exists():
                    page.testimony_links.add(CaseFileTestimony(testimony=testimony))
                    page.save_revision(user=self.author).publish(user=self.publisher)

    def write_casefile_text(self, page, spec, language):
        text = spec[language]
        write_summaries(page, text, "casefile", language)
        page.decision_role = text["decision_role"]
        page.body = self.casefile_body(spec, language)

    def casefile_body(self, spec, language):
        headings = CASEFILE_HEADINGS[language]
        body = [heading(headings["story"])]
        body += [paragraph(text) for text in spec[language]["story"]]
        if "image" in spec:
            described = spec["image"][language]
            body.append(
                {
                    "type": "image",
                    "value": {
                        "image": self.images[spec["image"]["key"]].pk,
                        "alt_text": described["alt"],
                        "caption": described["caption"],
                        "credit": IMAGE_CREDIT[language],
                    },
                }
            )
        body.append(heading(headings["timeline"]))
        for event in spec["timeline"]:
            title, description = event[language]
            body.append(
                {
                    "type": "timeline_event",
                    "value": {"date": event["date"], "title": title, "description": description},
                }
            )
        body.append(heading(headings["evidence"]))
        for source in spec["evidence"]:
            body.append(
                {
                    "type": "evidence",
                    "value": {
                        "title": source[language],
                        "source_url": source["url"],
                        "publisher": source["publisher"],
                        "date": source["date"],
                        "archived_url": "",
                        "archived_document": None,
                    },
                }
            )
        response = spec["response"]
        body.append(heading(headings["response"]))
        body.append(
            {
                "type": "official_response",
                "value": {
                    "organization": self.organization(response["by"], language).pk,
                    "date": response["date"],
                    "response": response[language],
                    "source_url": response["url"],
                },
            }
        )
        return body

    def load_briefs(self):
        index = self.site["fr"]["advocacy.AdvocacyBriefIndexPage"]
        for spec in BRIEFS:
            page = self.existing_item(AdvocacyBriefPage, spec["id"])
            self.tally("advocacy briefs", page is None)
            published = date.fromisoformat(spec["publication_date"])
            if page is None:
                page = self.new_item(
                    AdvocacyBriefPage, spec["id"], publication_date=published, version=spec["version"]
                )
                page.services = self.terms(Service, spec["services"])
                page.regions = self.terms(Region, spec["regions"])
                page.risks = self.terms(Risk, spec["risks"])
                page.authors = [
                    BriefAuthor(
                        person_name=author["person"], organization=self.organization(author["organization"])
                    )
                    for author in spec["authors"]
                ]
                page.citations = [
                    BriefCitation(casefile=self.casefiles[public_id], pinpoint=pinpoint)
                    for public_id, pinpoint in spec["citations"]
                ]
                self.write_brief_text(page, spec, "fr")
                if spec["with_pdf"]:
                    page.pdf = self.brief_pdf(spec, page.public_id)
                self.add(index, page, spec["id"], published)
            self.ensure_english(page, spec, self.write_brief_text, "advocacy brief translations", published)

    def write_brief_text(self, page, spec, language):
        text = spec[language]
        write_summaries(page, text, "brief", language)
        page.body = [body_block(kind, value) for kind, value in text["body"]]
        page.recommendations = [
            {
                "type": "recommendation",
                "value": dict(zip(("recommendation", "addressee", "rationale"), item[language], strict=True)),
            }
            for item in spec["recommendations"]
        ]

    def brief_pdf(self, spec, public_id):
        text = spec["fr"]
        recommendations = [
            f"{number}. {item['fr'][0]} (Destinataire : {item['fr'][1]})"
            for number, item in enumerate(spec["recommendations"], start=1)
        ]
        return self.pdf_document(
            f"{public_id} — {text['title']} (PDF de démonstration)",
            f"demo-{public_id.lower()}.pdf",
            text["title"],
            [f"{public_id}, version {spec['version']}", text["summary"], "Recommandations", *recommendations],
        )

    def load_agreements(self):
        index = self.site["fr"]["advocacy.CollaborationAgreementIndexPage"]
        for spec in AGREEMENTS:
            page = self.existing_item(CollaborationAgreementPage, spec["id"])
            self.tally("collaboration agreements", page is None)
            signed_on = [s["signed_on"] for s in spec["signatories"] if s["signed_on"]]
            first_published_on = date.fromisoformat(min(signed_on)) if signed_on else timezone.localdate()
            if page is None:
                page = self.new_item(
                    CollaborationAgreementPage,
                    spec["id"],
                    status=spec["status"],
                    start_date=optional_date(spec["start_date"]),
                    end_date=optional_date(spec["end_date"]),
                )
                page.services = self.terms(Service, spec["services"])
                page.regions = self.terms(Region, spec["regions"])
                page.parties = [
                    AgreementParty(organization=self.organization(key), role=role)
                    for key, role in spec["parties"]
                ]
                page.signatories = [
                    AgreementSignatory(
                        name=signatory["name"],
                        title=signatory["title"],
                        organization=self.organization(signatory["organization"]),
                        signed_on=optional_date(signatory["signed_on"]),
                    )
                    for signatory in spec["signatories"]
                ]
                self.write_agreement_text(page, spec, "fr")
                if spec["with_pdf"]:
                    page.signed_document = self.agreement_pdf(spec, page.public_id)
                self.add(index, page, spec["id"], first_published_on)
            self.ensure_english(
                page,
                spec,
                self.write_agreement_text,
                "collaboration agreement translations",
                first_published_on,
            )

    def write_agreement_text(self, page, spec, language):
        text = spec[language]
        write_summaries(page, text, "agreement", language)
        page.scope = text["scope"]
        page.citizen_role = text["citizen_role"]
        page.commitments = [
            {
                "type": "commitment",
                "value": {
                    "commitment": commitment[language],
                    "owner": self.organization(commitment["owner"], language).pk,
                    "due_date": commitment["due"],
                },
            }
            for commitment in spec["commitments"]
        ]

    def agreement_pdf(self, spec, public_id):
        text = spec["fr"]
        signatures = [
            f"{s['name']}, {s['title']}, {self.organization(s['organization']).name} — signé le {s['signed_on']}"
            for s in spec["signatories"]
        ]
        commitments = [f"• {c['fr']} (échéance : {c['due']})" for c in spec["commitments"]]
        return self.pdf_document(
            f"{public_id} — {text['title']} (entente signée, PDF de démonstration)",
            f"demo-{public_id.lower()}.pdf",
            text["title"],
            [
                text["scope"],
                "Rôle des citoyens",
                text["citizen_role"],
                "Engagements",
                *commitments,
                "Signatures",
                *signatures,
            ],
        )

    def mark_loaded(self):
        marker = DemoMarker.objects.order_by("pk").first()
        self.tally("demo marker", marker is None)
        if marker is None:
            DemoMarker.objects.create()
        else:
            marker.save()
        # Cleared now and again after commit, in case a request cached "not loaded" in between.
        cache.delete(DEMO_FLAG_CACHE_KEY)
        transaction.on_commit(lambda: cache.delete(DEMO_FLAG_CACHE_KEY))


def demo_translation_key(public_id):
    return uuid.uuid5(DEMO_TRANSLATION_KEYS, public_id)


def optional_date(value):
    return date.fromisoformat(value) if value else None


def write_summaries(page, text, kind, language):
    page.title = text["title"]
    page.slug = slugify(text["title"])[:80].strip("-")
    page.summary = f"{text['summary']} {FICTION_NOTE[kind][language]}"
    page.plain_summary = f"{text['plain_summary']} {PLAIN_FICTION_NOTE[language]}"


def heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def paragraph(text):
    return {"type": "paragraph", "value": format_html("<p>{}</p>", text)}


def body_block(kind, value):
    if kind == "heading":
        return heading(value)
    if kind == "paragraph":
        return paragraph(value)
    quote, attribution = value
    return {"type": "quote", "value": {"quote": quote, "attribution": attribution}}


# --- Drawing (Pillow) -------------------------------------------------------------------------

INK = (33, 37, 41)
ACCENT = (29, 78, 137)
ALERT = (176, 42, 55)
MUTED = (108, 117, 125)
PAPER = (255, 255, 255)
WIDTH, HEIGHT = 1200, 675


@functools.cache
def font(size, bold=False):
    """A TrueType font with accented glyphs when the system has one; Pillow's own font otherwise."""
    names = (
        ["DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "Arial Bold.ttf"]
        if bold
        else ["DejaVuSans.ttf", "LiberationSans-Regular.ttf", "Arial.ttf"]
    )
    for name in names:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def printable(text, chosen_font):
    """Pillow's fallback font has no accented letters: drop the accents rather than print boxes."""
    if isinstance(getattr(chosen_font, "path", None), str):
        return text
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def write(draw, position, text, size=24, bold=False, fill=INK, anchor="la"):
    chosen = font(size, bold)
    draw.text(position, printable(text, chosen), font=chosen, fill=fill, anchor=anchor)


def wrap(draw, text, size, width, bold=False):
    chosen = font(size, bold)
    lines, current = [], ""
    for word in printable(text, chosen).split():
        candidate = f"{current} {word}".strip()
        if current and draw.textlength(candidate, font=chosen) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current] if current else lines


def canvas(title):
    image = PillowImage.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    write(draw, (60, 40), title, size=34, bold=True)
    draw.line((60, 95, WIDTH - 60, 95), fill=ACCENT, width=3)
    write(
        draw,
        (60, HEIGHT - 40),
        "Données inventées — démonstration Vigie IA",
        size=18,
        fill=MUTED,
        anchor="ls",
    )
    return image, draw


def draw_bars(spec):
    image, draw = canvas(spec["heading"])
    bars = spec["bars"]
    top, label_width, right = 140, 380, WIDTH - 140
    slot = (HEIGHT - 120 - top) // len(bars)
    largest = max(value for _label, value in bars)
    for number, (label, value) in enumerate(bars):
        y = top + number * slot
        length = (right - 60 - label_width) * value / largest
        for line_number, line in enumerate(wrap(draw, label, 22, label_width - 20)):
            write(draw, (60, y + 10 + line_number * 28), line, size=22)
        colour = ALERT if value == largest else ACCENT
        draw.rectangle((60 + label_width, y, 60 + label_width + length, y + slot - 30), fill=colour)
        write(
            draw,
            (70 + label_width + length, y + (slot - 30) // 2),
            f"{value}{spec['unit']}",
            size=26,
            bold=True,
            anchor="lm",
        )
    return image


def draw_flow(spec):
    image, draw = canvas(spec["heading"])
    steps = spec["steps"]
    gap = 40
    box_width = (WIDTH - 120 - gap * (len(steps) - 1)) // len(steps)
    top, bottom = 250, 400
    for number, step in enumerate(steps):
        left = 60 + number * (box_width + gap)
        colour = ALERT if number == len(steps) - 2 else ACCENT
        draw.rounded_rectangle((left, top, left + box_width, bottom), radius=16, outline=colour, width=4)
        lines = wrap(draw, step, 22, box_width - 20, bold=True)
        first_line = (top + bottom) // 2 - (len(lines) - 1) * 14
        for line_number, line in enumerate(lines):
            write(
                draw,
                (left + box_width // 2, first_line + line_number * 28),
                line,
                size=22,
                bold=True,
                fill=colour,
                anchor="mm",
            )
        if number < len(steps) - 1:
            x, y = left + box_width + 4, (top + bottom) // 2
            draw.line((x, y, x + gap - 10, y), fill=INK, width=4)
            draw.polygon([(x + gap - 8, y), (x + gap - 20, y - 9), (x + gap - 20, y + 9)], fill=INK)
    write(draw, (WIDTH // 2, 480), spec["note"], size=26, bold=True, fill=ALERT, anchor="mm")
    return image


def draw_districts(spec):
    image, draw = canvas(spec["heading"])
    columns, cell_width, cell_height = 3, 340, 215
    for number, (name, count) in enumerate(spec["districts"]):
        left = 90 + (number % columns) * (cell_width + 15)
        top = 125 + (number // columns) * (cell_height + 15)
        draw.rectangle((left, top, left + cell_width, top + cell_height), outline=MUTED, width=2)
        write(draw, (left + 14, top + 12), f"{name} : {count}", size=22, bold=True)
        for dot in range(count):
            x = left + 24 + (dot % 12) * 25
            y = top + 60 + (dot // 12) * 30
            draw.ellipse((x, y, x + 14, y + 14), fill=ALERT if count > 20 else ACCENT)
    return image


def draw_timeline(spec):
    image, draw = canvas(spec["heading"])
    events = spec["events"]
    y, left, right = 330, 190, WIDTH - 190
    draw.line((left, y, right, y), fill=ACCENT, width=6)
    step = (right - left) // (len(events) - 1)
    for number, (when, what) in enumerate(events):
        x = left + number * step
        draw.ellipse((x - 14, y - 14, x + 14, y + 14), fill=ACCENT)
        write(draw, (x, y - 40), when, size=22, bold=True, anchor="ms")
        for line_number, line in enumerate(wrap(draw, what, 20, step - 24)):
            write(draw, (x, y + 50 + line_number * 26), line, size=20, anchor="mt")
    return image


DRAWERS = {"bars": draw_bars, "flow": draw_flow, "districts": draw_districts, "timeline": draw_timeline}


def draw_image(spec):
    """PNG bytes of the chart or diagram that ``spec`` describes."""
    buffer = BytesIO()
    DRAWERS[spec["kind"]](spec).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def render_pdf(heading_text, paragraphs):
    """A small PDF of A4 pages (1-bit, 200 dpi) with a heading, the fiction notice and the paragraphs."""
    page_width, page_height, margin = 1654, 2339, 150
    text_width = page_width - 2 * margin
    pages = []

    def new_page():
        page = PillowImage.new("L", (page_width, page_height), 255)
        pages.append(page)
        return ImageDraw.Draw(page), margin

    draw, y = new_page()
    for line in wrap(draw, heading_text, 56, text_width, bold=True):
        write(draw, (margin, y), line, size=56, bold=True, fill=0)
        y += 76
    y += 20
    for line in wrap(draw, PDF_NOTICE, 34, text_width):
        write(draw, (margin, y), line, size=34, fill=0)
        y += 48
    y += 60
    for text in paragraphs:
        for line in wrap(draw, text, 38, text_width):
            if y > page_height - margin:
                draw, y = new_page()
            write(draw, (margin, y), line, size=38, fill=0)
            y += 54
        y += 30
    bilevel = [page.convert("1", dither=PillowImage.Dither.NONE) for page in pages]
    buffer = BytesIO()
    bilevel[0].save(buffer, format="PDF", resolution=200, save_all=True, append_images=bilevel[1:])
    return buffer.getvalue()
