"""Fictional learning resources: the toolkit's (``data/toolkits.py``) and six more.

A resource's ``body`` is its text on the page and, when it has a ``document`` (the PDF's layout,
``demo/learning_pdf.py``), the text of its PDF too, so that the page is the PDF's accessible
alternative. A ``recording`` names an audio or video of ``data/learning_media.py``.
Organizations, case files, AI systems (by name), dialogues, risks, services, regions and
glossary terms are named as the other data modules and the vocabulary name them."""

from .toolkits import TOOLKIT_RESOURCES

# On every page of the generated PDFs.
PDF_NOTICE = {
    "fr": "Document fictif produit pour la démonstration de Vigie IA.",
    "en": "Fictional document produced for the Vigie IA demonstration.",
}
# Why the PDFs may be published although untagged, and where the same words are: a page of
# their own (``ALTERNATIVES``), since a resource page is not accepted as its file's alternative.
PDF_EXCEPTION = {
    "fr": "PDF généré pour la démo sans balises (fpdf2 ne balise pas le texte) ; le même texte est "
    "sur une page web accessible, liée ici.",
    "en": "PDF generated for the demo without tags (fpdf2 does not tag text); the same text is on an "
    "accessible web page, linked here.",
}
# The pages holding each PDF's text, under one page per language below the home page.
ALTERNATIVES = {
    "fr": {
        "slug": "documents-en-texte",
        "title": "Les documents de la démo en texte accessible",
        "intro": "Le texte de chaque document PDF fictif des ressources d'apprentissage de la démonstration, "
        "lisible par un lecteur d'écran.",
        "page_title": "{title} : le texte du PDF",
        "page_intro": "Le texte du document PDF fictif « {title} », produit pour la démonstration.",
    },
    "en": {
        "slug": "documents-as-text",
        "title": "The demo's documents as accessible text",
        "intro": "The text of each fictional PDF of the demo's learning resources, readable by a screen reader.",
        "page_title": "{title}: the text of the PDF",
        "page_intro": "The text of the fictional PDF “{title}”, produced for the demonstration.",
    },
}
OUTCOMES_HEADING = {"fr": "Ce que vous apprendrez", "en": "What you will learn"}
PDF_LABEL = {"fr": "Le document en PDF, à imprimer", "en": "The document as a PDF, to print"}

WORKSHOP_AUTHORS = "Équipe pédagogique fictive de Vigie IA"

SINGLE_RESOURCES = [
    {
        "id": "LR-2026-0008",
        "key": "guide-falc",
        "format": "easy-read-guide",
        "audiences": ["citizens"],
        "level": "first-steps",
        "duration": 10,
        "services": ["services-sociaux", "sante"],
        "regions": ["tout-le-quebec"],
        "risks": ["erreurs", "absence-de-recours"],
        "glossary": ["intelligence-artificielle"],
        "licence": "CC-BY-4.0",
        "organizations": ["regroupement-fictif-aines-laurentides"],
        "casefiles": ["CF-2026-0002"],
        "systems": ["Boussole Famille"],
        "document": "document",
        "easy_to_read": {
            "fr": "Six adultes d'un centre d'alphabétisation fictif de Saint-Jérôme, avec leur formatrice "
            "(test fictif de démonstration)",
            "en": "Four adults of a fictional English-language literacy group in Montréal (fictional "
            "demonstration test)",
            "on": "2026-02-12",
        },
        "published": "2026-03-09",
        "fr": {
            "title": "L'IA dans les services publics, en mots simples",
            "summary": "Un guide facile à lire, testé avec des personnes qui apprennent à lire, sur ce que "
            "fait l'IA dans les services publics et comment demander de l'aide.",
            "plain_summary": "Ce guide parle de l'IA. Les phrases sont courtes. Des lecteurs l'ont testé.",
            "outcomes": [
                "Savoir ce qu'est l'IA.",
                "Savoir qu'une machine peut se tromper.",
                "Savoir à qui demander de l'aide.",
            ],
            "body": [
                ("heading", "C'est quoi, l'IA ?"),
                (
                    "paragraph",
                    "L'IA est un programme d'ordinateur. Il regarde beaucoup d'exemples. Puis il "
                    "donne une réponse.",
                ),
                ("heading", "L'IA peut se tromper"),
                ("paragraph", "Parfois, la réponse est fausse. Vous avez le droit de le dire."),
                ("heading", "Qui peut vous aider ?"),
                (
                    "paragraph",
                    "Demandez à l'organisme de revoir votre dossier. Un groupe d'aide peut venir avec vous.",
                ),
            ],
        },
        "en": {
            "title": "AI in public services, in simple words",
            "summary": "An easy-to-read guide, tested with people learning to read, on what AI does in "
            "public services and how to ask for help.",
            "plain_summary": "This guide is about AI. The sentences are short. Readers tested it.",
            "outcomes": [
                "Know what AI is.",
                "Know that a machine can be wrong.",
                "Know whom to ask for help.",
            ],
            "body": [
                ("heading", "What is AI?"),
                (
                    "paragraph",
                    "AI is a computer program. It looks at many examples. Then it gives an answer.",
                ),
                ("heading", "AI can be wrong"),
                ("paragraph", "Sometimes the answer is wrong. You have the right to say so."),
                ("heading", "Who can help you?"),
                (
                    "paragraph",
                    "Ask the public body to look at your file again. A support group can come with you.",
                ),
            ],
        },
    },
    {
        "id": "LR-2026-0009",
        "key": "affiche-gros-caracteres",
        "format": "poster",
        "audiences": ["citizens"],
        "level": "first-steps",
        "duration": 3,
        "services": ["emploi-solidarite"],
        "regions": ["tout-le-quebec"],
        "risks": ["absence-de-recours", "opacite"],
        "glossary": ["systeme-decision-automatisee"],
        "licence": "CC-BY-4.0",
        "organizations": ["regroupement-fictif-aines-laurentides"],
        "casefiles": ["CF-2026-0003"],
        "systems": ["VérifAide"],
        "document": "large-print",
        "large_print": True,
        "published": "2026-03-16",
        "fr": {
            "title": "Cinq questions à poser quand une machine décide (gros caractères)",
            "summary": "Une affiche en gros caractères avec les cinq questions à poser à un organisme "
            "public quand un système automatisé intervient dans votre dossier.",
            "plain_summary": "Une affiche en gros caractères. Elle donne cinq questions à poser.",
            "outcomes": ["Connaître cinq questions à poser à un organisme public."],
            "body": [
                ("heading", "Cinq questions à poser"),
                (
                    "points",
                    [
                        "Une machine a-t-elle servi à décider ?",
                        "Quelles informations sur moi a-t-elle utilisées ?",
                        "Une personne a-t-elle vérifié ?",
                        "Quel est le motif de la décision ?",
                        "Comment demander une révision ?",
                    ],
                ),
            ],
        },
        "en": {
            "title": "Five questions to ask when a machine decides (large print)",
            "summary": "A large-print poster with the five questions to ask a public body when an "
            "automated system plays a part in your file.",
            "plain_summary": "A poster in large print. It gives five questions to ask.",
            "outcomes": ["Know five questions to ask a public body."],
            "body": [
                ("heading", "Five questions to ask"),
                (
                    "points",
                    [
                        "Was a machine used to decide?",
                        "What information about me did it use?",
                        "Did a person check?",
                        "What is the reason for the decision?",
                        "How do I ask for a review?",
                    ],
                ),
            ],
        },
    },
    {
        "id": "LR-2026-0010",
        "key": "quiz-vrai-faux",
        "format": "quiz",
        "audiences": ["citizens", "facilitators"],
        "level": "first-steps",
        "duration": 10,
        "services": ["sante", "services-sociaux", "emploi-solidarite"],
        "regions": ["tout-le-quebec"],
        "risks": ["erreurs", "discrimination"],
        "glossary": ["biais-algorithmique", "faux-positif", "donnees-entrainement"],
        "licence": "CC-BY-SA-4.0",
        "organizations": ["table-citoyenne-fictive-mauricie"],
        "dialogues": ["DI-2026-0002"],
        "document": "document",
        "published": "2026-03-23",
        "fr": {
            "title": "Quiz : vrai ou faux sur l'IA dans les services publics",
            "summary": "Six affirmations à juger vraies ou fausses, avec la réponse expliquée, pour vérifier "
            "ce qu'on a retenu.",
            "plain_summary": "Six phrases sur l'IA. Vous dites si elles sont vraies ou fausses.",
            "outcomes": [
                "Distinguer les idées reçues des faits sur l'IA.",
                "Comprendre d'où viennent les biais.",
            ],
            "body": [
                ("heading", "1. Une machine ne se trompe jamais."),
                ("paragraph", "Faux. Elle se trompe, surtout quand les exemples étaient incomplets."),
                ("heading", "2. Les données du passé peuvent contenir des injustices."),
                ("paragraph", "Vrai. La machine peut les reproduire : c'est un biais."),
                ("heading", "3. On peut demander le motif d'une décision."),
                ("paragraph", "Vrai. L'organisme doit pouvoir l'expliquer."),
                ("heading", "4. Un faux positif est une bonne nouvelle."),
                (
                    "paragraph",
                    "Faux. C'est une alerte donnée à tort, par exemple un dossier signalé sans raison.",
                ),
                ("heading", "5. L'IA remplace toujours la personne qui décide."),
                ("paragraph", "Faux. Souvent, elle propose ; une personne devrait décider."),
                ("heading", "6. On peut contester."),
                ("paragraph", "Vrai. Demandez une révision par une personne."),
            ],
        },
        "en": {
            "title": "Quiz: true or false about AI in public services",
            "summary": "Six statements to judge true or false, with the answer explained, to check what you "
            "remember.",
            "plain_summary": "Six sentences about AI. You say whether they are true or false.",
            "outcomes": [
                "Tell myths from facts about AI.",
                "Understand where bias comes from.",
            ],
            "body": [
                ("heading", "1. A machine is never wrong."),
                ("paragraph", "False. It makes mistakes, especially when its examples were incomplete."),
                ("heading", "2. Past data can contain injustice."),
                ("paragraph", "True. The machine can repeat it: that is bias."),
                ("heading", "3. You can ask for the reason for a decision."),
                ("paragraph", "True. The public body must be able to explain it."),
                ("heading", "4. A false positive is good news."),
                ("paragraph", "False. It is an alert given wrongly, such as a file flagged for no reason."),
                ("heading", "5. AI always replaces the person who decides."),
                ("paragraph", "False. Often it suggests; a person should decide."),
                ("heading", "6. You can challenge it."),
                ("paragraph", "True. Ask for a review by a person."),
            ],
        },
    },
    {
        "id": "LR-2026-0011",
        "key": "webinaire-verifaide",
        "format": "webinar",
        "audiences": ["citizens", "facilitators"],
        "level": "intermediate",
        "duration": 1,
        "services": ["emploi-solidarite"],
        "regions": ["tout-le-quebec"],
        "risks": ["absence-de-recours", "erreurs"],
        "glossary": ["systeme-decision-automatisee"],
        "licence": "CC-BY-NC-4.0",
        "organizations": ["syndicat-fictif-services-publics"],
        "casefiles": ["CF-2026-0003"],
        "systems": ["VérifAide"],
        "dialogues": ["DI-2026-0006"],
        "recording": "webinaire-verifaide",
        "published": "2026-04-06",
        "fr": {
            "title": "Webinaire : contester une décision de VérifAide (extrait)",
            "summary": "Un extrait du webinaire sur la contestation des décisions de VérifAide, sous-titré, "
            "avec sa transcription et une version en LSQ.",
            "plain_summary": "Un extrait de webinaire. Il explique comment contester. Il existe en LSQ.",
            "outcomes": [
                "Demander le motif d'une décision par écrit.",
                "Demander une révision par une personne.",
            ],
            "body": [
                (
                    "paragraph",
                    "L'extrait reprend les deux premières étapes présentées pendant le webinaire. "
                    "La version en langue des signes québécoise est liée sous le lecteur.",
                ),
            ],
        },
        "en": {
            "title": "Webinar: challenging a VérifAide decision (extract)",
            "summary": "An extract of the webinar on challenging VérifAide decisions, captioned, with its "
            "transcript and an LSQ version.",
            "plain_summary": "An extract of a webinar. It explains how to challenge. It exists in LSQ.",
            "outcomes": [
                "Ask in writing for the reason for a decision.",
                "Ask for a review by a person.",
            ],
            "body": [
                (
                    "paragraph",
                    "The extract covers the first two steps presented in the webinar. The Quebec "
                    "Sign Language version is linked below the player.",
                ),
            ],
        },
    },
    {
        "id": "LR-2026-0012",
        "key": "balado-evaluation",
        "format": "audio",
        "audiences": ["public-servants", "researchers"],
        "level": "advanced",
        "duration": 1,
        "services": ["fiscalite", "emploi-solidarite"],
        "regions": ["tout-le-quebec"],
        "risks": ["opacite", "discrimination"],
        "glossary": ["evaluation-impact-algorithmique", "donnees-entrainement"],
        "licence": "CC-BY-4.0",
        "organizations": ["labo-fictif-ethique-algorithmique"],
        "systems": ["CibleAudit"],
        "recording": "balado-evaluation",
        "published": "2026-04-20",
        "fr": {
            "title": "Balado : évaluer un système avant de l'acheter (extrait)",
            "summary": "Une chercheuse et un gestionnaire public expliquent ce qu'une évaluation d'impact "
            "demande avant l'achat d'un système d'IA. Synthèse vulgarisée de recherche.",
            "plain_summary": "Un extrait audio pour les fonctionnaires. Il parle d'évaluer un système avant "
            "l'achat.",
            "outcomes": [
                "Savoir ce que contient une évaluation d'impact.",
                "Savoir quoi demander au fournisseur.",
                "Comprendre pourquoi publier l'évaluation.",
            ],
            "body": [("paragraph", "Écoutez l'extrait ou lisez sa transcription.")],
        },
        "en": {
            "title": "Podcast: assessing a system before buying it (extract)",
            "summary": "A researcher and a public manager explain what an impact assessment asks before an "
            "AI system is bought. A popularised research synthesis.",
            "plain_summary": "An audio extract for public servants. It is about assessing a system before "
            "buying.",
            "outcomes": [
                "Know what an impact assessment contains.",
                "Know what to ask the vendor.",
                "Understand why the assessment is published.",
            ],
            "body": [("paragraph", "Listen to the extract or read its transcript.")],
        },
    },
    {
        "id": "LR-2026-0013",
        "key": "diaporama-elus",
        "format": "slides",
        "audiences": ["elected-officials"],
        "level": "intermediate",
        "duration": 30,
        "services": ["services-municipaux"],
        "regions": ["tout-le-quebec"],
        "risks": ["opacite", "vie-privee"],
        "glossary": ["evaluation-impact-algorithmique", "explicabilite"],
        "licence": "CC-BY-4.0",
        "organizations": ["labo-fictif-ethique-algorithmique"],
        "casefiles": ["CF-2026-0011"],
        "systems": ["Allô Val-Fleuri"],
        "dialogues": ["DI-2026-0004"],
        "document": "slides",
        "published": "2026-05-04",
        "fr": {
            "title": "Diaporama pour les élus : l'IA dans votre municipalité",
            "summary": "Quatre diapositives pour un conseil municipal : ce qu'il faut demander avant "
            "d'adopter un système d'IA, et comment en rendre compte au public.",
            "plain_summary": "Des diapositives pour les élus. Elles disent quoi demander avant d'adopter "
            "l'IA.",
            "outcomes": [
                "Poser les bonnes questions avant une adoption.",
                "Exiger une évaluation d'impact publiée.",
                "Prévoir un recours pour les citoyens.",
            ],
            "body": [
                ("heading", "1. Pourquoi en parler au conseil"),
                (
                    "paragraph",
                    "Les systèmes d'IA touchent des services que les citoyens ne peuvent pas éviter.",
                ),
                ("heading", "2. Avant d'adopter"),
                (
                    "points",
                    ["Quel problème règle-t-il ?", "Qui l'a évalué ?", "Quelles données utilise-t-il ?"],
                ),
                ("heading", "3. Rendre compte"),
                ("points", ["Publier l'évaluation d'impact.", "Inscrire le système au registre."]),
                ("heading", "4. Prévoir un recours"),
                ("paragraph", "Une personne doit pouvoir revoir toute décision contestée."),
            ],
        },
        "en": {
            "title": "Slides for elected officials: AI in your municipality",
            "summary": "Four slides for a municipal council: what to ask before adopting an AI system, and "
            "how to report on it to the public.",
            "plain_summary": "Slides for elected officials. They say what to ask before adopting AI.",
            "outcomes": [
                "Ask the right questions before adopting a system.",
                "Require a published impact assessment.",
                "Plan a remedy for citizens.",
            ],
            "body": [
                ("heading", "1. Why raise it in council"),
                ("paragraph", "AI systems affect services that citizens cannot avoid."),
                ("heading", "2. Before adopting"),
                ("points", ["What problem does it solve?", "Who assessed it?", "What data does it use?"]),
                ("heading", "3. Reporting"),
                ("points", ["Publish the impact assessment.", "List the system in the register."]),
                ("heading", "4. Planning a remedy"),
                ("paragraph", "A person must be able to review any challenged decision."),
            ],
        },
    },
]

RESOURCES = [*TOOLKIT_RESOURCES, *SINGLE_RESOURCES]
