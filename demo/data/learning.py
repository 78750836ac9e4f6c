"""Fictional learning resources, their audio and video, and one toolkit for a library workshop.

Media are generated at load time (``demo/learning_media.py``): a video shows its ``slides`` (in
French, the language spoken) for ``seconds_per_slide`` each, over ``tones`` (frequency in Hz,
seconds; 0 is silence) that stand in for the voice; each slide's ``said`` is what the voice would
say, in French and in English: the captions and transcripts are written from it. An audio's
``said`` lines are its transcript. A resource's ``body`` is its text on the page and, when it has
a ``document``, the text of its PDF too, so that the page is the PDF's accessible alternative.
Organizations, case files, AI systems (by name), dialogues, risks, services, regions and
glossary terms are named as the other data modules and the vocabulary name them."""

# Tones dividing 48 kHz (``learning_media.tone_samples``): 320, 400, 480 and 600 Hz.
SOFT_VOICE = [(400, 1.2), (0, 0.3), (480, 1.2), (0, 0.3)]

MEDIA = [
    {
        "key": "capsule-ia",
        "type": "video",
        "title": "Capsule : qu'est-ce qu'un système d'IA ? (vidéo fictive de démonstration)",
        "seconds_per_slide": 3,
        "tones": SOFT_VOICE * 4,
        "audio_description": "text-alternative",
        "slides": [
            {
                "screen": ("Qu'est-ce qu'un système d'IA ?", "Une capsule de 12 secondes. Contenu fictif."),
                "said": {
                    "fr": "Qu'est-ce qu'un système d'IA ? Voici l'essentiel en quelques secondes.",
                    "en": "What is an AI system? Here is the gist in a few seconds.",
                },
            },
            {
                "screen": ("Il apprend à partir d'exemples", "Des données du passé lui servent de modèle."),
                "said": {
                    "fr": "Il apprend à partir d'exemples : des données du passé lui servent de modèle.",
                    "en": "It learns from examples: data from the past serves as its model.",
                },
            },
            {
                "screen": (
                    "Il propose, une personne décide",
                    "Du moins, c'est ce qu'on doit pouvoir vérifier.",
                ),
                "said": {
                    "fr": "Il propose un résultat. Une personne devrait décider, et on doit pouvoir le vérifier.",
                    "en": "It suggests a result. A person should decide, and we must be able to check that.",
                },
            },
            {
                "screen": ("Vous pouvez poser des questions", "Qui l'a choisi ? Comment contester ?"),
                "said": {
                    "fr": "Vous pouvez demander qui l'a choisi et comment contester une décision.",
                    "en": "You can ask who chose it and how to challenge a decision.",
                },
            },
        ],
    },
    {
        "key": "webinaire-verifaide-lsq",
        "type": "video",
        "title": "Webinaire VérifAide, version LSQ : espace réservé (vidéo fictive de démonstration)",
        "seconds_per_slide": 3,
        "tones": [],
        "audio_description": "text-alternative",
        "slides": [
            {
                "screen": ("Version en LSQ", "Espace réservé de la démo : une image fixe, sans interprète."),
                "said": {
                    "fr": "[Image fixe : « Version en LSQ ». Dans la démo, aucune interprète n'apparaît.]",
                    "en": "[Still image: “Version en LSQ” (LSQ version). In the demo, no interpreter appears.]",
                },
            },
            {
                "screen": ("Une vraie version", "montre une interprète en langue des signes québécoise."),
                "said": {
                    "fr": "[Image fixe : une vraie version montre une interprète en langue des signes "
                    "québécoise.]",
                    "en": "[Still image: a real version shows an interpreter in Quebec Sign Language.]",
                },
            },
        ],
    },
    {
        "key": "webinaire-verifaide",
        "type": "video",
        "title": "Webinaire : contester une décision de VérifAide, extrait (vidéo fictive de démonstration)",
        "seconds_per_slide": 3,
        "tones": [(320, 1.2), (0, 0.3), (400, 1.2), (0, 0.3)] * 3,
        "audio_description": "text-alternative",
        "sign_language_version": "webinaire-verifaide-lsq",
        "sign_language": "lsq",
        "slides": [
            {
                "screen": ("Contester une décision de VérifAide", "Extrait d'un webinaire fictif."),
                "said": {
                    "fr": "Bienvenue. Nous parlons de la contestation d'une décision de VérifAide.",
                    "en": "Welcome. We are talking about challenging a VérifAide decision.",
                },
            },
            {
                "screen": ("Demandez le motif par écrit", "Vous avez le droit de savoir pourquoi."),
                "said": {
                    "fr": "D'abord, demandez par écrit le motif de la décision.",
                    "en": "First, ask in writing for the reason for the decision.",
                },
            },
            {
                "screen": ("Demandez une révision", "Une personne doit revoir votre dossier."),
                "said": {
                    "fr": "Ensuite, demandez qu'une personne révise votre dossier.",
                    "en": "Then, ask for a person to review your file.",
                },
            },
        ],
    },
    {
        "key": "balado-bibliotheque",
        "type": "audio",
        "title": "Balado : l'IA expliquée à la bibliothèque, extrait (audio fictif de démonstration)",
        "tones": [(600, 0.4), (480, 0.4), (400, 0.8), (0, 0.6)] + SOFT_VOICE * 4,
        "said": [
            {
                "fr": "[Indicatif : trois notes.]",
                "en": "[Theme: three notes.]",
            },
            {
                "fr": "Animatrice : Bonjour ! Aujourd'hui, on se demande où l'IA se cache dans les services "
                "publics.",
                "en": "Host: Hello! Today, we ask where AI hides in public services.",
            },
            {
                "fr": "Invité : Souvent, elle trie des demandes ou repère des dossiers à vérifier.",
                "en": "Guest: Often, it sorts requests or flags files to check.",
            },
            {
                "fr": "Animatrice : Et si elle se trompe ? Invité : On peut demander une révision par une "
                "personne.",
                "en": "Host: And if it is wrong? Guest: You can ask for a review by a person.",
            },
        ],
    },
    {
        "key": "balado-evaluation",
        "type": "audio",
        "title": "Balado : évaluer un système avant de l'acheter, extrait (audio fictif de démonstration)",
        "tones": [(320, 0.6), (400, 0.6), (0, 0.5)] + [(480, 1.5), (0, 0.4), (400, 1.5), (0, 0.4)] * 3,
        "said": [
            {"fr": "[Indicatif : deux notes.]", "en": "[Theme: two notes.]"},
            {
                "fr": "Chercheuse : Avant l'achat, une évaluation d'impact dit qui le système touche et "
                "comment.",
                "en": "Researcher: Before buying, an impact assessment says whom the system affects and how.",
            },
            {
                "fr": "Gestionnaire : Nous demandons au fournisseur ses données d'entraînement et ses taux "
                "d'erreur.",
                "en": "Manager: We ask the vendor for its training data and its error rates.",
            },
            {
                "fr": "Chercheuse : Et on publie l'évaluation, pour que le public puisse la lire.",
                "en": "Researcher: And we publish the assessment, so that the public can read it.",
            },
        ],
    },
]

# What every transcript says first: the sound is generated (media ``type`` → language → text).
SOUND_NOTE = {
    "video": {
        "fr": "Note : contenu fictif de démonstration. Le son de cette vidéo est une tonalité générée "
        "qui tient lieu de la voix ; ce texte dit ce que la voix dirait et décrit chaque image.",
        "en": "Note: fictional demonstration content. The sound of this video is a generated tone "
        "standing in for the voice; this text says what the voice would say and describes each picture.",
    },
    "silent": {
        "fr": "Note : contenu fictif de démonstration. Cette vidéo n'a pas de son ; ce texte décrit "
        "chaque image.",
        "en": "Note: fictional demonstration content. This video has no sound; this text describes each "
        "picture.",
    },
    "audio": {
        "fr": "Note : contenu fictif de démonstration. Le son de cet extrait est une suite de tonalités "
        "générées qui tient lieu des voix ; ce texte dit ce que les voix diraient.",
        "en": "Note: fictional demonstration content. The sound of this extract is a sequence of "
        "generated tones standing in for the voices; this text says what the voices would say.",
    },
}
SCREEN_LINE = {
    "fr": "[À l'écran : « {heading} » ; « {text} »]",
    "en": "[On screen, in French: “{heading}”; “{text}”]",
}
TONE_CUE = {"fr": "[Tonalité douce à la place de la voix]", "en": "[Soft tone in place of the voice]"}
# On every frame of the generated videos.
SCREEN_NOTICE = "Contenu fictif — démonstration Vigie IA"
# On every page of the generated PDFs.
PDF_NOTICE = {
    "fr": "Document fictif produit pour la démonstration de Vigie IA.",
    "en": "Fictional document produced for the Vigie IA demonstration.",
}
# Why the PDFs may be published although untagged, and where the same words are.
PDF_EXCEPTION = {
    "fr": "PDF généré pour la démo sans balises (fpdf2 ne balise pas le texte) ; le même contenu est "
    "sur la page de la ressource.",
    "en": "PDF generated for the demo without tags (fpdf2 does not tag text); the same content is on "
    "the resource page.",
}
OUTCOMES_HEADING = {"fr": "Ce que vous apprendrez", "en": "What you will learn"}
PDF_LABEL = {"fr": "Le document en PDF, à imprimer", "en": "The document as a PDF, to print"}

WORKSHOP_AUTHORS = "Équipe pédagogique fictive de Vigie IA"

RESOURCES = [
    # The toolkit's members, in its order.
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
    # Single resources, outside the toolkit.
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
