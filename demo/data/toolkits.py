"""The demo's fictional toolkit for a library workshop and the resources it holds, in its
order (their fields as in ``data/learning.py``)."""

TOOLKIT_RESOURCES = [
    {
        "id": "LR-2026-0001",
        "key": "guide-animation",
        "format": "facilitator-guide",
        "audiences": ["facilitators"],
        "level": "intermediate",
        "duration": 90,
        "services": ["services-municipaux", "sante"],
        "regions": ["tout-le-quebec"],
        "risks": ["opacite", "absence-de-recours"],
        "glossary": ["intelligence-artificielle", "algorithme"],
        "licence": "CC-BY-4.0",
        "organizations": ["collectif-fictif-droits-numeriques"],
        "casefiles": ["CF-2026-0001"],
        "systems": ["TriaClic"],
        "dialogues": ["DI-2026-0001", "DI-2026-0002"],
        "document": "document",
        "published": "2026-03-02",
        "fr": {
            "title": "Guide d'animation : un atelier de 90 minutes sur l'IA",
            "summary": "Le déroulement minute par minute d'un atelier d'initiation à l'IA en bibliothèque, "
            "avec ce qu'il faut préparer et les questions à poser au groupe.",
            "plain_summary": "Ce guide aide à animer un atelier sur l'IA. Il dit quoi faire, minute par "
            "minute.",
            "outcomes": [
                "Préparer une salle et du matériel accessibles.",
                "Animer les quatre temps de l'atelier.",
                "Répondre aux questions courantes sur l'IA.",
            ],
            "body": [
                ("heading", "Avant l'atelier"),
                (
                    "paragraph",
                    "Réservez une salle accessible en fauteuil roulant. Imprimez les cartes et "
                    "l'affiche. Testez la vidéo avec les sous-titres.",
                ),
                ("heading", "Déroulement"),
                (
                    "points",
                    [
                        "0 à 10 minutes : accueil et tour de table.",
                        "10 à 30 minutes : les cartes d'activités, en petits groupes.",
                        "30 à 50 minutes : la capsule vidéo et l'extrait de balado, puis discussion.",
                        "50 à 80 minutes : un cas réel (fictif ici) et les questions à poser.",
                        "80 à 90 minutes : le formulaire d'évaluation.",
                    ],
                ),
                ("heading", "Conseils"),
                (
                    "paragraph",
                    "Parlez lentement, évitez le jargon et renvoyez au glossaire. Personne n'a "
                    "besoin de connaissances techniques pour participer.",
                ),
            ],
        },
        "en": {
            "title": "Facilitator guide: a 90-minute workshop on AI",
            "summary": "A minute-by-minute plan for an introductory AI workshop at the library, with what "
            "to prepare and the questions to ask the group.",
            "plain_summary": "This guide helps you run a workshop on AI. It says what to do, minute by "
            "minute.",
            "outcomes": [
                "Prepare an accessible room and materials.",
                "Run the four parts of the workshop.",
                "Answer common questions about AI.",
            ],
            "body": [
                ("heading", "Before the workshop"),
                (
                    "paragraph",
                    "Book a wheelchair-accessible room. Print the cards and the poster. Test the "
                    "video with its captions.",
                ),
                ("heading", "Outline"),
                (
                    "points",
                    [
                        "0 to 10 minutes: welcome and round of introductions.",
                        "10 to 30 minutes: the activity cards, in small groups.",
                        "30 to 50 minutes: the video capsule and the podcast extract, then discussion.",
                        "50 to 80 minutes: a real case (fictional here) and the questions to ask.",
                        "80 to 90 minutes: the evaluation form.",
                    ],
                ),
                ("heading", "Tips"),
                (
                    "paragraph",
                    "Speak slowly, avoid jargon and point to the glossary. Nobody needs technical "
                    "knowledge to take part.",
                ),
            ],
        },
    },
    {
        "id": "LR-2026-0002",
        "key": "cartes-activites",
        "format": "activity-cards",
        "audiences": ["citizens", "facilitators"],
        "level": "first-steps",
        "duration": 20,
        "services": ["services-municipaux"],
        "regions": ["tout-le-quebec"],
        "risks": ["erreurs", "discrimination"],
        "glossary": ["algorithme", "donnees-entrainement", "biais-algorithmique", "faux-positif"],
        "licence": "CC-BY-SA-4.0",
        "organizations": ["collectif-fictif-droits-numeriques"],
        "dialogues": ["DI-2026-0001"],
        "document": "cards",
        "published": "2026-03-02",
        "fr": {
            "title": "Cartes d'activités : la machine qui trie",
            "summary": "Quatre cartes à jouer en petits groupes pour comprendre comment une machine trie "
            "des demandes, et où elle peut se tromper.",
            "plain_summary": "Quatre cartes pour jouer en groupe. Vous triez des demandes comme une machine.",
            "outcomes": [
                "Comprendre ce qu'est un algorithme de tri.",
                "Voir comment des données du passé créent des biais.",
                "Reconnaître un faux positif.",
            ],
            "body": [
                ("heading", "Carte 1 : trier comme une machine"),
                ("paragraph", "Triez dix demandes avec une seule règle. Qui passe en premier ?"),
                ("heading", "Carte 2 : les exemples du passé"),
                (
                    "paragraph",
                    "La machine copie les choix d'avant. Que se passe-t-il si ces choix étaient injustes ?",
                ),
                ("heading", "Carte 3 : l'erreur"),
                ("paragraph", "Une demande urgente est classée « pas urgente ». Qui s'en rend compte ?"),
                ("heading", "Carte 4 : la question à poser"),
                ("paragraph", "Écrivez une question pour l'organisme qui utilise la machine."),
            ],
        },
        "en": {
            "title": "Activity cards: the sorting machine",
            "summary": "Four cards to play in small groups to understand how a machine sorts requests, and "
            "where it can go wrong.",
            "plain_summary": "Four cards to play in a group. You sort requests like a machine.",
            "outcomes": [
                "Understand what a sorting algorithm is.",
                "See how data from the past creates bias.",
                "Recognise a false positive.",
            ],
            "body": [
                ("heading", "Card 1: sort like a machine"),
                ("paragraph", "Sort ten requests with a single rule. Who goes first?"),
                ("heading", "Card 2: examples from the past"),
                (
                    "paragraph",
                    "The machine copies earlier choices. What happens if those choices were unfair?",
                ),
                ("heading", "Card 3: the mistake"),
                ("paragraph", "An urgent request is labelled “not urgent”. Who notices?"),
                ("heading", "Card 4: the question to ask"),
                ("paragraph", "Write a question for the body that uses the machine."),
            ],
        },
    },
    {
        "id": "LR-2026-0003",
        "key": "diaporama-atelier",
        "format": "slides",
        "audiences": ["citizens", "facilitators"],
        "level": "first-steps",
        "duration": 20,
        "services": ["services-municipaux"],
        "regions": ["tout-le-quebec"],
        "risks": ["opacite"],
        "glossary": ["intelligence-artificielle", "systeme-decision-automatisee"],
        "licence": "CC-BY-4.0",
        "organizations": ["collectif-fictif-droits-numeriques"],
        "document": "slides",
        "published": "2026-03-02",
        "fr": {
            "title": "Diaporama de l'atelier : l'IA dans nos services publics",
            "summary": "Les six diapositives projetées pendant l'atelier, de la définition de l'IA aux "
            "recours possibles.",
            "plain_summary": "Les images à montrer pendant l'atelier. Elles expliquent l'IA en six étapes.",
            "outcomes": [
                "Définir un système d'IA en une phrase.",
                "Citer deux services publics qui en utilisent.",
                "Connaître deux recours.",
            ],
            "body": [
                ("heading", "1. Bienvenue"),
                ("paragraph", "Un atelier pour comprendre l'IA dans les services publics."),
                ("heading", "2. Un système d'IA, c'est quoi ?"),
                ("paragraph", "Un programme qui apprend à partir d'exemples pour proposer un résultat."),
                ("heading", "3. Où le trouve-t-on ?"),
                (
                    "points",
                    ["Rendez-vous en clinique.", "Aide sociale.", "Agent conversationnel de la ville."],
                ),
                ("heading", "4. Ce qui peut mal tourner"),
                ("points", ["Erreurs.", "Biais.", "Décisions sans explication."]),
                ("heading", "5. Vos recours"),
                ("points", ["Demander le motif.", "Demander une révision par une personne."]),
                ("heading", "6. Merci !"),
                ("paragraph", "Remplissez le formulaire d'évaluation, s'il vous plaît."),
            ],
        },
        "en": {
            "title": "Workshop slides: AI in our public services",
            "summary": "The six slides shown during the workshop, from what AI is to the remedies you have.",
            "plain_summary": "The pictures to show during the workshop. They explain AI in six steps.",
            "outcomes": [
                "Define an AI system in one sentence.",
                "Name two public services that use one.",
                "Know two remedies.",
            ],
            "body": [
                ("heading", "1. Welcome"),
                ("paragraph", "A workshop to understand AI in public services."),
                ("heading", "2. What is an AI system?"),
                ("paragraph", "A program that learns from examples to suggest a result."),
                ("heading", "3. Where is it found?"),
                ("points", ["Clinic appointments.", "Social assistance.", "The city's chatbot."]),
                ("heading", "4. What can go wrong"),
                ("points", ["Mistakes.", "Bias.", "Decisions without explanation."]),
                ("heading", "5. Your remedies"),
                ("points", ["Ask for the reason.", "Ask for a review by a person."]),
                ("heading", "6. Thank you!"),
                ("paragraph", "Please fill in the evaluation form."),
            ],
        },
    },
    {
        "id": "LR-2026-0004",
        "key": "affiche-atelier",
        "format": "poster",
        "audiences": ["citizens"],
        "level": "first-steps",
        "duration": 2,
        "services": ["services-municipaux"],
        "regions": ["tout-le-quebec"],
        "risks": ["absence-de-recours"],
        "glossary": ["intelligence-artificielle"],
        "licence": "CC-BY-4.0",
        "organizations": ["collectif-fictif-droits-numeriques"],
        "document": "poster",
        "published": "2026-03-02",
        "fr": {
            "title": "Affiche : l'IA décide-t-elle pour vous ?",
            "summary": "L'affiche qui annonce l'atelier à la bibliothèque, avec trois questions à poser "
            "quand une machine intervient dans une décision.",
            "plain_summary": "Une affiche pour l'atelier. Elle donne trois questions à poser.",
            "outcomes": ["Connaître trois questions à poser quand une machine intervient."],
            "body": [
                ("heading", "Atelier gratuit à la bibliothèque"),
                ("paragraph", "90 minutes pour comprendre l'IA. Aucune connaissance nécessaire."),
                ("heading", "Trois questions à poser"),
                (
                    "points",
                    [
                        "Une machine a-t-elle participé à la décision ?",
                        "Une personne a-t-elle relu ?",
                        "Comment contester ?",
                    ],
                ),
            ],
        },
        "en": {
            "title": "Poster: is AI deciding for you?",
            "summary": "The poster announcing the library workshop, with three questions to ask when a "
            "machine takes part in a decision.",
            "plain_summary": "A poster for the workshop. It gives three questions to ask.",
            "outcomes": ["Know three questions to ask when a machine takes part."],
            "body": [
                ("heading", "Free workshop at the library"),
                ("paragraph", "90 minutes to understand AI. No knowledge needed."),
                ("heading", "Three questions to ask"),
                (
                    "points",
                    [
                        "Did a machine take part in the decision?",
                        "Did a person check it?",
                        "How can I challenge it?",
                    ],
                ),
            ],
        },
    },
    {
        "id": "LR-2026-0005",
        "key": "capsule-ia",
        "format": "video",
        "audiences": ["citizens"],
        "level": "first-steps",
        "duration": 1,
        "services": ["services-municipaux"],
        "regions": ["tout-le-quebec"],
        "risks": ["opacite"],
        "glossary": ["intelligence-artificielle", "apprentissage-automatique"],
        "licence": "CC-BY-4.0",
        "organizations": ["collectif-fictif-droits-numeriques"],
        "recording": "capsule-ia",
        "published": "2026-03-02",
        "fr": {
            "title": "Capsule vidéo : qu'est-ce qu'un système d'IA ?",
            "summary": "Une capsule de douze secondes, sous-titrée en français et en anglais, avec sa "
            "transcription qui décrit chaque image.",
            "plain_summary": "Une courte vidéo explique l'IA. Elle a des sous-titres et un texte complet.",
            "outcomes": [
                "Savoir qu'un système d'IA apprend à partir d'exemples.",
                "Savoir qu'on peut demander qui l'a choisi.",
            ],
            "body": [
                (
                    "paragraph",
                    "Regardez la capsule avec les sous-titres, ou lisez la transcription sous le lecteur.",
                ),
            ],
        },
        "en": {
            "title": "Video capsule: what is an AI system?",
            "summary": "A twelve-second capsule, captioned in French and English, with its transcript "
            "describing every picture.",
            "plain_summary": "A short video explains AI. It has captions and a full text.",
            "outcomes": [
                "Know that an AI system learns from examples.",
                "Know that you can ask who chose it.",
            ],
            "body": [
                ("paragraph", "Watch the capsule with captions, or read the transcript below the player."),
            ],
        },
    },
    {
        "id": "LR-2026-0006",
        "key": "balado-bibliotheque",
        "format": "audio",
        "audiences": ["citizens"],
        "level": "first-steps",
        "duration": 1,
        "services": ["services-municipaux", "services-sociaux"],
        "regions": ["tout-le-quebec"],
        "risks": ["erreurs", "absence-de-recours"],
        "glossary": ["intelligence-artificielle"],
        "licence": "CC-BY-4.0",
        "organizations": ["collectif-fictif-droits-numeriques"],
        "recording": "balado-bibliotheque",
        "published": "2026-03-02",
        "fr": {
            "title": "Extrait de balado : où se cache l'IA ?",
            "summary": "Un extrait de quinze secondes d'un balado sur l'IA dans les services publics, avec "
            "sa transcription.",
            "plain_summary": "Un court extrait audio sur l'IA. Le texte complet est sous le lecteur.",
            "outcomes": ["Savoir qu'on peut demander une révision par une personne."],
            "body": [("paragraph", "Écoutez l'extrait ou lisez sa transcription.")],
        },
        "en": {
            "title": "Podcast extract: where does AI hide?",
            "summary": "A fifteen-second extract of a podcast on AI in public services, with its transcript.",
            "plain_summary": "A short audio extract about AI. The full text is below the player.",
            "outcomes": ["Know that you can ask for a review by a person."],
            "body": [("paragraph", "Listen to the extract or read its transcript.")],
        },
    },
    {
        "id": "LR-2026-0007",
        "key": "formulaire-evaluation",
        "format": "facilitator-guide",
        "audiences": ["facilitators", "citizens"],
        "level": "first-steps",
        "duration": 10,
        "services": ["services-municipaux"],
        "regions": ["tout-le-quebec"],
        "risks": [],
        "glossary": [],
        "licence": "CC0-1.0",
        "organizations": ["collectif-fictif-droits-numeriques"],
        "document": "document",
        "published": "2026-03-02",
        "fr": {
            "title": "Formulaire d'évaluation de l'atelier",
            "summary": "Cinq questions courtes pour savoir ce que les personnes ont compris et ce qu'il "
            "faut améliorer.",
            "plain_summary": "Cinq questions à la fin de l'atelier. Vous dites ce que vous avez compris.",
            "outcomes": ["Recueillir l'avis des personnes présentes."],
            "body": [
                ("heading", "Vos réponses"),
                (
                    "points",
                    [
                        "Qu'avez-vous appris aujourd'hui ?",
                        "Qu'est-ce qui était difficile à comprendre ?",
                        "La salle et le matériel étaient-ils accessibles pour vous ?",
                        "Quelle question aimeriez-vous poser à un organisme public ?",
                        "Recommanderiez-vous l'atelier ?",
                    ],
                ),
            ],
        },
        "en": {
            "title": "Workshop evaluation form",
            "summary": "Five short questions to learn what people understood and what to improve.",
            "plain_summary": "Five questions at the end of the workshop. You say what you understood.",
            "outcomes": ["Gather the views of the people who came."],
            "body": [
                ("heading", "Your answers"),
                (
                    "points",
                    [
                        "What did you learn today?",
                        "What was hard to understand?",
                        "Were the room and the materials accessible to you?",
                        "What question would you like to ask a public body?",
                        "Would you recommend the workshop?",
                    ],
                ),
            ],
        },
    },
]

TOOLKITS = [
    {
        "id": "TK-2026-0001",
        "duration": 90,
        "services": ["services-municipaux"],
        "regions": ["tout-le-quebec"],
        "published": "2026-03-02",
        "members": [
            ("guide-animation", {"fr": "À lire avant l'atelier.", "en": "Read before the workshop."}),
            (
                "cartes-activites",
                {"fr": "Minutes 10 à 30, en petits groupes.", "en": "Minutes 10 to 30, in small groups."},
            ),
            (
                "diaporama-atelier",
                {"fr": "À projeter tout au long de l'atelier.", "en": "Shown throughout the workshop."},
            ),
            ("affiche-atelier", {"fr": "À afficher deux semaines avant.", "en": "Put up two weeks before."}),
            ("capsule-ia", {"fr": "Minute 30, avec les sous-titres.", "en": "Minute 30, with captions."}),
            (
                "balado-bibliotheque",
                {"fr": "Minute 40, puis discussion.", "en": "Minute 40, then discussion."},
            ),
            ("formulaire-evaluation", {"fr": "Les dix dernières minutes.", "en": "The last ten minutes."}),
        ],
        "fr": {
            "title": "Animer un atelier de 90 minutes sur l'IA à la bibliothèque",
            "summary": "Tout le matériel d'un atelier d'initiation à l'IA en bibliothèque : guide "
            "d'animation, cartes, diaporama, affiche, capsule vidéo, extrait de balado et formulaire "
            "d'évaluation.",
            "plain_summary": "Tout ce qu'il faut pour animer un atelier sur l'IA. Vous pouvez tout "
            "télécharger d'un coup.",
            "purpose": "Animer un atelier de 90 minutes qui aide le public d'une bibliothèque à comprendre "
            "l'IA dans les services publics.",
            "how_to_use": "Lisez le guide d'animation, imprimez les cartes, l'affiche et le formulaire, et "
            "testez la vidéo et l'audio dans la salle avant l'atelier.",
        },
        "en": {
            "title": "Run a 90-minute AI-literacy workshop at the library",
            "summary": "Everything for an introductory AI workshop at the library: facilitator guide, "
            "cards, slides, poster, video capsule, podcast extract and evaluation form.",
            "plain_summary": "Everything you need to run a workshop on AI. You can download it all at once.",
            "purpose": "Run a 90-minute workshop that helps library visitors understand AI in public "
            "services.",
            "how_to_use": "Read the facilitator guide, print the cards, the poster and the form, and test "
            "the video and audio in the room before the workshop.",
        },
    },
]
