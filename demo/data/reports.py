"""Fictional consultation reports: four on the demo's held dialogues, one on a consultation held
elsewhere that led to a demo agreement. Their recommendations have every response (accepted,
partly accepted, rejected, under study, awaiting); their commitments every status, through
progress updates dated, like due dates and responses, by a number of ``days`` from the day
``load_demo`` runs (negative: in the past), so some are overdue whenever the demo is loaded.

A quote may name a demo testimony by the first words of its text (``testimony``); the other
names (organizations, dialogues, agreements, case files, systems) are the other data modules'."""

REPORTS = [
    {
        "id": "BI-2026-0001",
        "published": -25,
        "dialogues": ["DI-2026-0001"],
        "addressed_to": "ministere-fictif-sante",
        "commissioned_by": "collectif-fictif-droits-numeriques",
        "participants": 18,
        "present": ["collectif-fictif-droits-numeriques", "syndicat-fictif-services-publics"],
        "next_review": 60,
        "services": ["sante"],
        "regions": ["montreal"],
        "casefiles": ["CF-2026-0001"],
        "systems": ["TriaClic"],
        "themes": [
            {
                "fr": (
                    "Savoir qui décide",
                    "Les gens veulent savoir si une personne relit l'ordre des rendez-vous.",
                ),
                "en": (
                    "Knowing who decides",
                    "People want to know if a person checks the order of appointments.",
                ),
                "quotes": [
                    {
                        "testimony": "J'ai appelé la clinique trois fois.",
                        "fr": "J'ai attendu six semaines pour une infection.",
                        "en": "I waited six weeks for an infection.",
                    },
                    {"fr": "On ne sait pas à qui se plaindre.", "en": "We do not know whom to complain to."},
                ],
            },
            {
                "fr": ("Les personnes sans internet", "Prendre rendez-vous en ligne exclut des aînés."),
                "en": ("People without internet", "Booking online leaves older people out."),
                "quotes": [{"fr": "Ma voisine n'a pas d'ordinateur.", "en": "My neighbour has no computer."}],
            },
        ],
        "recommendations": [
            {
                "fr": "Qu'une personne relise chaque cas urgent classé par la machine.",
                "en": "A person should check every urgent case the machine ranks.",
                "response": "accepted",
                "response_days": -15,
                "reasons": {
                    "fr": "Une infirmière relira les cas urgents dès le printemps.",
                    "en": "A nurse will check urgent cases from the spring.",
                },
            },
            {
                "fr": "Garder une ligne téléphonique pour prendre rendez-vous.",
                "en": "Keep a phone line to book appointments.",
                "response": "partly-accepted",
                "response_days": -15,
                "reasons": {
                    "fr": "La ligne restera ouverte le matin seulement.",
                    "en": "The line will stay open in the mornings only.",
                },
            },
            {
                "fr": "Publier les critères de tri en langage simple.",
                "en": "Publish the sorting criteria in plain language.",
                "response": "under-study",
                "response_days": -15,
                "reasons": {
                    "fr": "Le fournisseur doit d'abord donner son accord.",
                    "en": "The vendor must agree first.",
                },
            },
        ],
        "commitments": [
            {
                "fr": "Faire relire les cas urgents par une infirmière.",
                "en": "Have a nurse check urgent cases.",
                "owner": "ministere-fictif-sante",
                "due": 30,
                "recommendation": 1,
                "updates": [(-10, "in-progress", 40, "Deux infirmières sont formées.")],
            },
            {
                "fr": "Garder la ligne téléphonique ouverte le matin.",
                "en": "Keep the phone line open in the mornings.",
                "owner": "ministere-fictif-sante",
                "due": -5,
                "recommendation": 2,
                "updates": [(-12, "done", 100, "La ligne est ouverte de 8 h à midi.")],
            },
            {
                "fr": "Dire aux patients quand la machine a classé leur demande.",
                "en": "Tell patients when the machine ranked their request.",
                "owner": "ministere-fictif-sante",
                "due": -3,
                "recommendation": None,
                "updates": [],
            },
        ],
        "fr": {
            "title": "Bilan de l'atelier sur le tri des rendez-vous",
            "summary": "Dix-huit personnes ont parlé du tri automatique des rendez-vous à la clinique. Elles demandent qu'une personne relise les cas urgents.",
            "plain_summary": "Des gens ont parlé d'une machine qui trie les rendez-vous. Ils veulent qu'une personne vérifie.",
            "decided_by": "Le ministère fictif de la Santé, d'ici l'automne.",
            "could_change": "L'ordre des rendez-vous urgents et la façon de prendre rendez-vous.",
            "method": "Un atelier du soir en bibliothèque, annoncé par les groupes du quartier et par affiches.",
            "missing": "Les parents de jeunes enfants : l'atelier finissait tard.",
        },
        "en": {
            "title": "Report of the workshop on sorting appointments",
            "summary": "Eighteen people talked about the automatic sorting of clinic appointments. They ask that a person check urgent cases.",
            "plain_summary": "People talked about a machine that sorts appointments. They want a person to check.",
            "decided_by": "The fictional Ministry of Health, by the autumn.",
            "could_change": "The order of urgent appointments and how to book them.",
            "method": "One evening workshop in a library, announced by local groups and posters.",
            "missing": "Parents of young children: the workshop ended late.",
        },
    },
    {
        "id": "BI-2026-0002",
        "published": -40,
        "dialogues": ["DI-2026-0006"],
        "addressed_to": "ministere-fictif-solidarite",
        "commissioned_by": "syndicat-fictif-services-publics",
        "participants": 64,
        "present": ["syndicat-fictif-services-publics"],
        "next_review": 20,
        "services": ["emploi-solidarite"],
        "regions": ["tout-le-quebec"],
        "casefiles": ["CF-2026-0003"],
        "systems": ["VérifAide"],
        "themes": [
            {
                "fr": (
                    "Contester est trop difficile",
                    "Les lettres ne disent pas quelle erreur la machine a trouvée.",
                ),
                "en": ("Challenging is too hard", "The letters do not say which error the machine found."),
                "quotes": [
                    {
                        "fr": "J'ai reçu une lettre que je ne comprenais pas.",
                        "en": "I got a letter I did not understand.",
                    }
                ],
            },
        ],
        "recommendations": [
            {
                "fr": "Dire dans chaque lettre quelle donnée a déclenché la vérification.",
                "en": "Say in every letter which data triggered the check.",
                "response": "rejected",
                "response_days": -30,
                "reasons": {
                    "fr": "Le ministère dit que cela aiderait à tromper le système.",
                    "en": "The ministry says it would help people game the system.",
                },
            },
            {
                "fr": "Donner 60 jours pour contester au lieu de 30.",
                "en": "Give 60 days to challenge instead of 30.",
                "response": "accepted",
                "response_days": -30,
                "reasons": {"fr": "Le délai passera à 60 jours.", "en": "The deadline will be 60 days."},
            },
            {
                "fr": "Faire évaluer VérifAide par un organisme indépendant.",
                "en": "Have VérifAide assessed by an independent body.",
                "response": "",
                "reasons": {},
            },
        ],
        "commitments": [
            {
                "fr": "Porter le délai de contestation à 60 jours.",
                "en": "Extend the deadline to challenge to 60 days.",
                "owner": "ministere-fictif-solidarite",
                "due": -20,
                "recommendation": 2,
                "updates": [
                    (-35, "in-progress", 50, "Le règlement est modifié."),
                    (-18, "done", 100, "Le nouveau délai s'applique."),
                ],
            },
            {
                "fr": "Réécrire la lettre de vérification en langage simple.",
                "en": "Rewrite the checking letter in plain language.",
                "owner": "ministere-fictif-solidarite",
                "due": -10,
                "recommendation": None,
                "updates": [(-25, "in-progress", 20, "Un premier texte est écrit.")],
            },
            {
                "fr": "Publier le nombre de vérifications par mois.",
                "en": "Publish the number of checks per month.",
                "owner": "ministere-fictif-solidarite",
                "due": 90,
                "recommendation": None,
                "updates": [(-20, "postponed", None, "Reporté après la refonte du site.")],
            },
        ],
        "fr": {
            "title": "Bilan du webinaire sur VérifAide",
            "summary": "Soixante-quatre personnes ont dit qu'il est trop difficile de contester une décision de VérifAide.",
            "plain_summary": "Une machine vérifie l'aide sociale. Les gens ne comprennent pas ses lettres.",
            "decided_by": "Le ministère fictif de la Solidarité.",
            "could_change": "Les lettres, les délais et les recours.",
            "method": "Un webinaire avec questions écrites et orales, annoncé par le syndicat et les groupes d'entraide.",
            "missing": "Les personnes sans internet : le webinaire était en ligne seulement.",
        },
    },
    {
        "id": "BI-2026-0003",
        "published": -8,
        "dialogues": ["DI-2026-0009"],
        "addressed_to": "office-fictif-habitation",
        "commissioned_by": "office-fictif-habitation",
        "participants": 31,
        "present": ["comite-citoyen-fictif-lac-argente"],
        "next_review": 45,
        "services": ["habitation"],
        "regions": ["lanaudiere"],
        "casefiles": ["CF-2026-0009"],
        "systems": ["Priorilog"],
        "themes": [
            {
                "fr": ("Comprendre son rang", "Les gens veulent savoir pourquoi leur rang change."),
                "en": ("Understanding one's rank", "People want to know why their rank changes."),
                "quotes": [
                    {"fr": "Mon rang a reculé sans raison.", "en": "My rank went down for no reason."}
                ],
            },
        ],
        "recommendations": [
            {
                "fr": "Expliquer chaque changement de rang par lettre.",
                "en": "Explain every change of rank by letter.",
                "response": "",
                "reasons": {},
            },
            {
                "fr": "Réunir un comité de locataires deux fois par année.",
                "en": "Bring a tenants' committee together twice a year.",
                "response": "",
                "reasons": {},
            },
        ],
        "commitments": [
            {
                "fr": "Répondre par écrit aux recommandations.",
                "en": "Answer the recommendations in writing.",
                "owner": "office-fictif-habitation",
                "due": 20,
                "recommendation": None,
                "updates": [],
            },
            {
                "fr": "Publier les critères de classement en langage simple.",
                "en": "Publish the ranking criteria in plain language.",
                "owner": "office-fictif-habitation",
                "due": 60,
                "recommendation": 1,
                "updates": [(-2, "in-progress", 10, "Le texte est en préparation.")],
            },
            {
                "fr": "Tenir une séance d'information pour les locataires.",
                "en": "Hold an information session for tenants.",
                "owner": "office-fictif-habitation",
                "due": -4,
                "recommendation": 2,
                "updates": [],
            },
        ],
        "fr": {
            "title": "Bilan de la consultation sur le classement des demandes de logement",
            "summary": "Trente et une personnes ont parlé du classement automatique des demandes de logement social.",
            "plain_summary": "Une machine classe les demandes de logement. Les gens veulent comprendre leur rang.",
            "decided_by": "Le conseil de l'office fictif d'habitation.",
            "could_change": "Les explications données aux demandeurs.",
            "method": "Une consultation en salle communautaire, avec interprète.",
            "missing": "Les jeunes : peu sont venus.",
        },
    },
    {
        "id": "BI-2026-0004",
        "published": -5,
        "dialogues": ["DI-2026-0005"],
        "addressed_to": "cisss-fictif-estrie",
        "commissioned_by": "cisss-fictif-estrie",
        "participants": 24,
        "present": ["table-citoyenne-fictive-mauricie"],
        "next_review": 30,
        "services": ["services-sociaux"],
        "regions": ["estrie"],
        "casefiles": ["CF-2026-0002"],
        "systems": ["Boussole Famille"],
        "themes": [
            {
                "fr": ("La peur d'être signalé", "Des familles craignent qu'un score attire un signalement."),
                "en": ("Fear of being reported", "Families fear a score will bring a report."),
                "quotes": [
                    {
                        "testimony": "I sent my bank statements twice.",
                        "fr": "Personne n'a pu me dire quelle erreur.",
                        "en": "Nobody could tell me which error.",
                    }
                ],
            },
        ],
        "recommendations": [
            {
                "fr": "Ne jamais signaler une famille sur le seul score.",
                "en": "Never report a family on the score alone.",
                "response": "accepted",
                "response_days": -3,
                "reasons": {
                    "fr": "Une intervenante décidera toujours.",
                    "en": "A social worker will always decide.",
                },
            },
            {
                "fr": "Arrêter le score pendant l'évaluation.",
                "en": "Stop the score during the assessment.",
                "response": "rejected",
                "response_days": -3,
                "reasons": {
                    "fr": "Le CISSS garde le score mais le rend facultatif.",
                    "en": "The CISSS keeps the score but makes it optional.",
                },
            },
        ],
        "commitments": [
            {
                "fr": "Écrire la règle : le score seul ne suffit jamais.",
                "en": "Write the rule: the score alone is never enough.",
                "owner": "cisss-fictif-estrie",
                "due": -2,
                "recommendation": 1,
                "updates": [(-4, "partly-done", 70, "La règle est écrite ; la formation suit.")],
            },
            {
                "fr": "Faire vérifier le score par le laboratoire d'éthique.",
                "en": "Have the ethics lab check the score.",
                "owner": "cisss-fictif-estrie",
                "due": -1,
                "recommendation": None,
                "updates": [(-3, "abandoned", None, "Le laboratoire n'a pas les données.")],
            },
            {
                "fr": "Former les intervenantes au nouvel usage du score.",
                "en": "Train social workers in the new use of the score.",
                "owner": "cisss-fictif-estrie",
                "due": 50,
                "recommendation": 1,
                "updates": [],
            },
        ],
        "fr": {
            "title": "Bilan d'étape de la démarche sur le score de vulnérabilité",
            "summary": "Vingt-quatre personnes tirées au sort ont fait un premier bilan sur le score de vulnérabilité des familles.",
            "plain_summary": "Des gens ont parlé d'un score qui juge les familles. Ils ont fait des demandes.",
            "decided_by": "Le conseil d'administration du CISSS fictif de l'Estrie.",
            "could_change": "L'usage du score et la place des intervenantes.",
            "method": "Trois samedis de délibération ; ce bilan couvre le premier.",
            "missing": "Les familles qui travaillent le samedi.",
        },
    },
    {
        "id": "BI-2026-0005",
        "published": -90,
        "dialogues": [],
        "outside": {
            "fr": "Consultation fictive sur le tri des dossiers à Lac-Argenté",
            "en": "Fictional consultation on sorting files in Lac-Argenté",
            "url": "https://consultation.lac-argente.example.org/",
        },
        "agreements": ["AC-2026-0002"],
        "addressed_to": "ville-fictive-lac-argente",
        "commissioned_by": "comite-citoyen-fictif-lac-argente",
        "participants": 120,
        "present": ["comite-citoyen-fictif-lac-argente", "regroupement-fictif-aines-laurentides"],
        "next_review": -10,
        "services": ["services-municipaux"],
        "regions": ["laurentides"],
        "casefiles": [],
        "systems": [],
        "themes": [
            {
                "fr": (
                    "Un contrôle par les citoyens",
                    "Les gens veulent un comité qui voit les résultats du tri.",
                ),
                "en": ("Oversight by citizens", "People want a committee that sees the sorting results."),
                "quotes": [
                    {
                        "fr": "On veut voir les chiffres, pas des promesses.",
                        "en": "We want to see the numbers, not promises.",
                    }
                ],
            },
        ],
        "recommendations": [
            {
                "fr": "Créer un comité citoyen de suivi.",
                "en": "Create a citizens' oversight committee.",
                "response": "accepted",
                "response_days": -80,
                "reasons": {
                    "fr": "Le comité est prévu dans l'entente.",
                    "en": "The committee is in the agreement.",
                },
            },
            {
                "fr": "Publier chaque année les erreurs du tri.",
                "en": "Publish the sorting errors every year.",
                "response": "partly-accepted",
                "response_days": -80,
                "reasons": {"fr": "Un résumé sera publié.", "en": "A summary will be published."},
            },
        ],
        "commitments": [
            {
                "fr": "Réunir le comité citoyen de suivi.",
                "en": "Convene the citizens' oversight committee.",
                "owner": "ville-fictive-lac-argente",
                "due": -60,
                "recommendation": 1,
                "updates": [
                    (-70, "in-progress", 50, "Les membres sont nommés."),
                    (-55, "done", 100, "Première réunion tenue."),
                ],
            },
            {
                "fr": "Publier le résumé annuel des erreurs.",
                "en": "Publish the annual summary of errors.",
                "owner": "ville-fictive-lac-argente",
                "due": -30,
                "recommendation": 2,
                "updates": [(-40, "in-progress", 30, "Les données sont rassemblées.")],
            },
            {
                "fr": "Former les commis au nouveau contrôle.",
                "en": "Train clerks on the new control.",
                "owner": "ville-fictive-lac-argente",
                "due": 40,
                "recommendation": None,
                "updates": [],
            },
        ],
        "fr": {
            "title": "Bilan de la consultation sur le tri des dossiers à Lac-Argenté",
            "summary": "Cent vingt personnes ont demandé un contrôle citoyen du tri des dossiers municipaux. L'entente de Lac-Argenté en est sortie.",
            "plain_summary": "Une ville trie ses dossiers avec une machine. Des citoyens veulent la surveiller.",
            "decided_by": "Le conseil municipal de Lac-Argenté.",
            "could_change": "Le contrôle du tri et la place des citoyens.",
            "method": "Une consultation en ligne et deux soirées publiques, menées par la ville.",
            "missing": "Les personnes qui ne lisent pas le français.",
        },
        "en": {
            "title": "Report of the consultation on sorting files in Lac-Argenté",
            "summary": "One hundred and twenty people asked for citizen oversight of municipal file sorting. The Lac-Argenté agreement came out of it.",
            "plain_summary": "A town sorts its files with a machine. Citizens want to watch over it.",
            "decided_by": "The Lac-Argenté town council.",
            "could_change": "How the sorting is checked and the place of citizens.",
            "method": "An online consultation and two public evenings, run by the town.",
            "missing": "People who do not read French.",
        },
    },
]
