"""The demo's fictional audio and video, generated at load time (``demo/learning_media.py``).

A video shows its ``slides`` (in French, the language spoken) for ``seconds_per_slide`` each,
over ``tones`` (frequency in Hz, seconds; 0 is silence) that stand in for the voice; each slide's
``said`` is what the voice would say, in French and in English: the captions and transcripts are
written from it. An audio's ``said`` lines are its transcript. A video naming a
``sign_language_version`` comes after that version."""

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
