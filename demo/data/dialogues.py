"""Fictional citizen dialogues: every kind, in several regions, past and upcoming.

A session's date is a number of ``days`` from the day ``load_demo`` runs (negative: already
held), at a local Québec ``time``, so the demo always has a past and a future. Organizations,
venues, case files, AI systems (by name), briefs and agreements are named as the other data
modules name them. A dialogue without ``en`` is never translated: its English page shows the
French words, marked as French. Materials are drawn as the demo's other PDFs (``pdf``: a heading
and paragraphs) or are links to fictional addresses."""

DIALOGUES = [
    {
        "id": "DI-2026-0001",
        "kind": "workshop",
        "organizers": ["collectif-fictif-droits-numeriques"],
        "receiving_body": "ministere-fictif-sante",
        "services": ["sante"],
        "regions": ["montreal"],
        "risks": ["opacite", "erreurs"],
        "casefiles": ["CF-2026-0001"],
        "systems": ["TriaClic"],
        "sessions": [
            {
                "days": -40,
                "time": "18:30",
                "hours": 2,
                "format": "in-person",
                "status": "held",
                "venue": "bibliotheque-fictive-pre-vert",
                "languages": ["fr"],
                "accommodations": ["live_captions", "food"],
                "registration": "none",
            }
        ],
        "attendance": 18,
        "organizations_present": ["collectif-fictif-droits-numeriques", "syndicat-fictif-services-publics"],
        "materials": [
            {
                "kind": "slides",
                "fr": "Diapositives de l'atelier (démo)",
                "en": "Workshop slides (demo)",
                "pdf": [
                    "Comprendre le tri automatique des rendez-vous",
                    [
                        "1. Ce qu'est un système qui classe des demandes.",
                        "2. Qui décide de l'ordre : la machine ou une personne ?",
                        "3. Les questions à poser à la clinique.",
                    ],
                ],
            },
            {
                "kind": "handout",
                "fr": "Aide-mémoire : 5 questions à poser (démo)",
                "en": "Handout: 5 questions to ask (demo)",
                "pdf": [
                    "Cinq questions à poser quand une machine trie votre demande",
                    [
                        "Qui a choisi ce système ?",
                        "Une personne relit-elle la décision ?",
                        "Comment contester ?",
                        "Quelles données sont utilisées ?",
                        "Où est publiée l'évaluation ?",
                    ],
                ],
            },
        ],
        "fr": {
            "title": "Atelier : comment une machine trie les demandes de rendez-vous",
            "summary": "Un atelier pour comprendre comment TriaClic classe les demandes de rendez-vous "
            "en clinique, et quelles questions poser.",
            "plain_summary": "Une machine classe les demandes de rendez-vous. Venez comprendre comment. "
            "Aucune connaissance n'est nécessaire.",
            "question": "Qu'est-ce qui décide de l'ordre des rendez-vous, et que voulez-vous savoir de plus ?",
            "can_change": "Les questions que le comité d'usagers posera au ministère.",
            "cannot_change": "Le système est déjà en service : son arrêt n'est pas en discussion ici.",
            "decided_by": "Le ministère fictif de la Santé répond aux questions par écrit dans les trois mois.",
            "account": "Dix-huit personnes sont venues. Elles ont surtout demandé qui relit le classement "
            "et comment le contester. Le comité a envoyé sept questions au ministère.",
        },
        "en": {
            "title": "Workshop: how a machine sorts appointment requests",
            "summary": "A workshop to understand how TriaClic ranks clinic appointment requests, and "
            "which questions to ask.",
            "plain_summary": "A machine ranks appointment requests. Come and see how. You need no "
            "knowledge to come.",
            "question": "What decides the order of appointments, and what else do you want to know?",
            "can_change": "The questions the users' committee will send the ministry.",
            "cannot_change": "The system is already in service: stopping it is not on the table here.",
            "decided_by": "The fictional Ministry of Health answers the questions in writing within three months.",
            "account": "Eighteen people came. They mostly asked who checks the ranking and how to "
            "challenge it. The committee sent seven questions to the ministry.",
        },
    },
    {
        "id": "DI-2026-0002",
        "kind": "workshop",
        "organizers": ["table-citoyenne-fictive-mauricie", "ville-fictive-val-fleuri"],
        "receiving_body": "ville-fictive-val-fleuri",
        "services": ["services-municipaux"],
        "regions": ["mauricie"],
        "risks": ["exclusion-numerique"],
        "casefiles": ["CF-2026-0011"],
        "systems": ["Allô Val-Fleuri"],
        "agreements": ["AC-2026-0001"],
        "sessions": [
            {
                "days": 12,
                "time": "13:30",
                "hours": 2,
                "format": "in-person",
                "status": "scheduled",
                "venue": "bibliotheque-fictive-val-fleuri",
                "languages": ["fr"],
                "accommodations": ["lsq_interpretation", "food"],
                "registration": "hub",
                "capacity": 20,
                "registration_phone": "819 555-0123",
                "fr": {"what_to_bring": "Votre téléphone, si vous en avez un. Des tablettes sont prêtées."},
                "en": {"what_to_bring": "Your phone, if you have one. Tablets are lent."},
            }
        ],
        "fr": {
            "title": "Atelier : parler à l'agent conversationnel de la ville",
            "summary": "Un atelier pratique pour essayer l'agent conversationnel qui a remplacé la ligne "
            "téléphonique de Val-Fleuri, et dire ce qui manque.",
            "plain_summary": "La ville répond avec un robot. Venez l'essayer avec nous. Dites ce qui ne marche pas.",
            "question": "Que faut-il pour que tout le monde puisse joindre la ville, avec ou sans l'agent ?",
            "can_change": "Les réponses de l'agent, les heures où une personne répond, le retour de la ligne.",
            "cannot_change": "Le contrat avec le fournisseur court jusqu'en 2028.",
            "decided_by": "Le conseil municipal fictif, à sa séance suivant l'atelier.",
        },
        "en": {
            "title": "Workshop: talking to the city's chatbot",
            "summary": "A hands-on workshop to try the chatbot that replaced Val-Fleuri's phone line, "
            "and say what is missing.",
            "plain_summary": "The city answers with a robot. Come and try it with us. Tell us what does not work.",
            "question": "What does it take for everyone to reach the city, with or without the chatbot?",
            "can_change": "The chatbot's answers, the hours when a person answers, the return of the phone line.",
            "cannot_change": "The contract with the vendor runs until 2028.",
            "decided_by": "The fictional city council, at its meeting after the workshop.",
        },
    },
    {
        "id": "DI-2026-0003",
        "kind": "consultation",
        "organizers": ["comite-citoyens-fictif-tilleuls"],
        "receiving_body": "ville-fictive-bois-dore",
        "services": ["securite-publique"],
        "regions": ["laval"],
        "risks": ["surveillance", "discrimination"],
        "casefiles": ["CF-2026-0006"],
        "systems": ["PatrouillePrédictive"],
        "briefs": ["BR-2026-0002"],
        "agreements": ["AC-2026-0003"],
        "sessions": [
            {
                "days": 6,
                "time": "19:00",
                "hours": 2,
                "format": "in-person",
                "status": "cancelled",
                "venue": "centre-communautaire-fictif-tilleuls",
                "languages": ["fr"],
                "accommodations": ["childcare"],
                "registration": "none",
                "fr": {
                    "status_note": "Annulée : la salle est fermée pour des travaux imprévus. "
                    "La consultation a lieu trois semaines plus tard, au même endroit."
                },
                "en": {
                    "status_note": "Cancelled: the hall is closed for unplanned repairs. "
                    "The consultation takes place three weeks later, at the same place."
                },
            },
            {
                "days": 27,
                "time": "19:00",
                "hours": 2,
                "format": "in-person",
                "status": "scheduled",
                "venue": "centre-communautaire-fictif-tilleuls",
                "languages": ["fr", "en"],
                "accommodations": ["childcare", "food"],
                "registration": "none",
            },
        ],
        "fr": {
            "title": "Consultation de quartier : la patrouille prédictive aux Tilleuls",
            "summary": "Le comité de citoyens invite le quartier à dire ce qu'il pense des cartes de "
            "patrouille prédictive avant le renouvellement du projet.",
            "plain_summary": "La police utilise des cartes faites par une machine. Venez donner votre avis.",
            "question": "Le quartier veut-il que la police continue d'utiliser ces cartes, et à quelles conditions ?",
            "can_change": "Les conditions que la ville mettra dans l'entente : rapports publics, arrêt possible.",
            "cannot_change": "Le projet pilote en cours se termine comme prévu.",
            "decided_by": "Le conseil municipal fictif de Bois-Doré, avant la fin du projet pilote.",
        },
        "en": {
            "title": "Neighbourhood consultation: predictive patrols in Les Tilleuls",
            "summary": "The citizens' committee invites the neighbourhood to say what it thinks of the "
            "predictive patrol maps before the project is renewed.",
            "plain_summary": "The police use maps made by a machine. Come and give your opinion.",
            "question": "Does the neighbourhood want the police to keep using these maps, and on what terms?",
            "can_change": "The terms the city will put in the agreement: public reports, a possible stop.",
            "cannot_change": "The current pilot project ends as planned.",
            "decided_by": "The fictional Bois-Doré city council, before the pilot project ends.",
        },
    },
    {
        "id": "DI-2026-0004",
        "kind": "forum",
        "organizers": ["labo-fictif-ethique-algorithmique"],
        "receiving_body": "societe-fictive-transport-capitale",
        "services": ["transport"],
        "regions": ["capitale-nationale"],
        "risks": ["surveillance", "vie-privee"],
        "casefiles": ["CF-2026-0008"],
        "systems": ["LectoPlaque"],
        "briefs": ["BR-2026-0002"],
        "sessions": [
            {
                "days": 8,
                "time": "18:00",
                "hours": 3,
                "format": "in-person",
                "status": "moved-online",
                "venue": "bibliotheque-fictive-cap-aux-merles",
                "online_url": "https://visio.example.org/forum-lectoplaque",
                "languages": ["fr"],
                "accommodations": ["live_captions"],
                "registration": "external",
                "registration_url": "https://labo-ethique.example.org/forum-inscription",
                "fr": {
                    "status_note": "Déplacé en ligne : la bibliothèque ne peut pas recevoir plus de "
                    "40 personnes. Le lien est sur la page d'inscription."
                },
                "en": {
                    "status_note": "Moved online: the library cannot hold more than 40 people. "
                    "The link is on the registration page."
                },
            }
        ],
        "fr": {
            "title": "Forum : caméras des autobus et amendes automatiques",
            "summary": "Un forum public sur LectoPlaque, qui envoie des amendes à partir des caméras "
            "des autobus : chercheurs, usagers et société de transport.",
            "plain_summary": "Des caméras dans les autobus envoient des amendes. Parlons-en ensemble.",
            "question": "Quelles règles pour les caméras des autobus : qui voit les images, combien de temps ?",
            "can_change": "La politique de conservation des images, en révision cette année.",
            "cannot_change": "La loi qui permet les amendes par caméra.",
            "decided_by": "Le conseil d'administration fictif de la société de transport, à l'automne.",
        },
        "en": {
            "title": "Forum: bus cameras and automatic fines",
            "summary": "A public forum on LectoPlaque, which sends fines based on bus cameras: "
            "researchers, riders and the transit corporation.",
            "plain_summary": "Cameras on buses send fines. Let us talk about it together.",
            "question": "What rules for bus cameras: who sees the images, and for how long?",
            "can_change": "The image retention policy, under review this year.",
            "cannot_change": "The law that allows camera fines.",
            "decided_by": "The fictional transit corporation's board, in the autumn.",
        },
    },
    {
        "id": "DI-2026-0005",
        "kind": "deliberative",
        "organizers": ["collectif-fictif-droits-numeriques", "labo-fictif-ethique-algorithmique"],
        "receiving_body": "cisss-fictif-estrie",
        "services": ["services-sociaux"],
        "regions": ["estrie"],
        "risks": ["discrimination", "vie-privee"],
        "casefiles": ["CF-2026-0002"],
        "systems": ["Boussole Famille"],
        "briefs": ["BR-2026-0001"],
        "sessions": [
            {
                "days": -10,
                "time": "09:30",
                "hours": 5,
                "format": "in-person",
                "status": "held",
                "venue": "bibliotheque-fictive-mont-clairval",
                "languages": ["fr"],
                "accommodations": ["childcare", "transport_help", "food"],
                "registration": "hub",
                "capacity": 24,
                "fr": {"title": "1. Comprendre le score"},
                "en": {"title": "1. Understanding the score"},
            },
            {
                "days": 4,
                "time": "09:30",
                "hours": 5,
                "format": "in-person",
                "status": "scheduled",
                "venue": "bibliotheque-fictive-mont-clairval",
                "languages": ["fr"],
                "accommodations": ["childcare", "transport_help", "food"],
                "registration": "hub",
                "capacity": 24,
                "fr": {"title": "2. Entendre les familles et les intervenantes", "what_to_bring": "Rien."},
                "en": {"title": "2. Hearing families and social workers", "what_to_bring": "Nothing."},
            },
            {
                "days": 18,
                "time": "09:30",
                "hours": 5,
                "format": "hybrid",
                "status": "scheduled",
                "venue": "bibliotheque-fictive-mont-clairval",
                "online_url": "https://visio.example.org/boussole-3",
                "languages": ["fr"],
                "accommodations": ["childcare", "transport_help", "food", "live_captions"],
                "registration": "hub",
                "capacity": 24,
                "fr": {"title": "3. Écrire nos recommandations"},
                "en": {"title": "3. Writing our recommendations"},
            },
        ],
        "fr": {
            "title": "Démarche délibérative : le score de vulnérabilité des familles",
            "summary": "Vingt-quatre personnes tirées au sort se réunissent trois samedis pour "
            "recommander ce que le centre fait du score de Boussole Famille.",
            "plain_summary": "Une machine donne un score aux familles. Des citoyens en discutent trois "
            "fois. Ils écrivent des recommandations.",
            "question": "Le centre de santé doit-il garder, changer ou arrêter le score de vulnérabilité ?",
            "can_change": "L'usage du score dans les suivis, l'information donnée aux familles, l'arrêt du score.",
            "cannot_change": "L'obligation légale de suivre les signalements.",
            "decided_by": "La direction fictive du centre de santé répond publiquement aux recommandations "
            "dans les 60 jours.",
        },
        "en": {
            "title": "Deliberative process: the families' vulnerability score",
            "summary": "Twenty-four people drawn by lot meet on three Saturdays to recommend what the "
            "centre does with the Boussole Famille score.",
            "plain_summary": "A machine gives families a score. Citizens discuss it three times. They "
            "write recommendations.",
            "question": "Should the health centre keep, change or stop the vulnerability score?",
            "can_change": "How the score is used in follow-ups, what families are told, stopping the score.",
            "cannot_change": "The legal duty to follow up on reports.",
            "decided_by": "The fictional health centre's management answers the recommendations publicly "
            "within 60 days.",
        },
    },
    {
        "id": "DI-2026-0006",
        "kind": "webinar",
        "organizers": ["syndicat-fictif-services-publics"],
        "receiving_body": "ministere-fictif-solidarite",
        "services": ["emploi-solidarite"],
        "regions": ["tout-le-quebec"],
        "risks": ["absence-de-recours", "erreurs"],
        "casefiles": ["CF-2026-0003"],
        "systems": ["VérifAide"],
        "briefs": ["BR-2026-0001"],
        "sessions": [
            {
                "days": -60,
                "time": "12:00",
                "hours": 1,
                "format": "online",
                "status": "held",
                "online_url": "https://visio.example.org/webinaire-verifaide",
                "languages": ["fr", "en"],
                "accommodations": ["live_captions", "asl_interpretation"],
                "registration": "external",
                "registration_url": "https://syndicat-services-publics.example.org/webinaire",
            }
        ],
        "attendance": 112,
        "organizations_present": [
            "syndicat-fictif-services-publics",
            "collectif-fictif-droits-numeriques",
            "ministere-fictif-solidarite",
        ],
        "materials": [
            {
                "kind": "recording",
                "fr": "Enregistrement sous-titré (démo)",
                "en": "Captioned recording (demo)",
                "url": "https://video.example.org/webinaire-verifaide",
            },
            {
                "kind": "minutes",
                "fr": "Compte rendu écrit (démo)",
                "en": "Written minutes (demo)",
                "pdf": [
                    "Webinaire : contester une décision de VérifAide",
                    [
                        "112 personnes présentes en ligne.",
                        "Le ministère a expliqué la révision humaine ajoutée en 2026.",
                        "Les questions restées sans réponse ont été envoyées par écrit.",
                    ],
                ],
            },
        ],
        "fr": {
            "title": "Webinaire : contester une décision de VérifAide",
            "summary": "Une heure en ligne pour savoir comment contester une coupure d'aide sociale "
            "décidée avec VérifAide, avec le syndicat et le ministère.",
            "plain_summary": "Votre aide a été coupée par une machine ? Apprenez comment contester.",
            "question": "Comment faire réviser par une personne une décision prise avec VérifAide ?",
            "can_change": "Le guide de contestation que le ministère publiera.",
            "cannot_change": "Les délais de révision fixés par la loi.",
            "decided_by": "Le ministère fictif publie le guide révisé au printemps.",
            "account": "Cent douze personnes ont suivi le webinaire. Le ministère a promis un guide "
            "en langage simple. Le syndicat suit la promesse.",
        },
        "en": {
            "title": "Webinar: challenging a VérifAide decision",
            "summary": "One hour online to learn how to challenge a social assistance cut decided with "
            "VérifAide, with the union and the ministry.",
            "plain_summary": "Was your assistance cut by a machine? Learn how to challenge it.",
            "question": "How do you get a person to review a decision made with VérifAide?",
            "can_change": "The appeal guide the ministry will publish.",
            "cannot_change": "The review deadlines set by law.",
            "decided_by": "The fictional ministry publishes the revised guide in the spring.",
            "account": "One hundred and twelve people followed the webinar. The ministry promised a "
            "plain-language guide. The union follows up on the promise.",
        },
    },
    {
        "id": "DI-2026-0007",
        "kind": "hearing",
        "organizers": ["ville-fictive-pointe-aux-brumes"],
        "receiving_body": "ministere-fictif-environnement",
        "services": ["environnement", "habitation"],
        "regions": ["bas-saint-laurent"],
        "risks": ["erreurs", "absence-de-recours"],
        "casefiles": ["CF-2026-0012"],
        "systems": ["CarteCrue"],
        # Registration by phone only.
        "sessions": [
            {
                "days": 30,
                "time": "19:00",
                "hours": 3,
                "format": "in-person",
                "status": "scheduled",
                "venue": "hotel-de-ville-fictif-pointe-aux-brumes",
                "languages": ["fr"],
                "accommodations": ["lsq_interpretation", "transport_help"],
                "registration": "none",
                "registration_phone": "418 555-0172",
                "fr": {
                    "what_to_bring": "Votre avis d'inscription en zone inondable, si vous en avez reçu un."
                },
            }
        ],
        # Never translated.
        "fr": {
            "title": "Audience publique : la carte des zones inondables",
            "summary": "La ville tient une audience publique sur la carte CarteCrue, qui a placé des "
            "maisons en zone inondable par erreur.",
            "plain_summary": "Une carte dit que votre maison est en zone inondable ? Venez le dire. "
            "Appelez pour parler.",
            "question": "Quelles maisons la carte a-t-elle mal placées, et comment corriger ?",
            "can_change": "Les corrections que la ville demandera au ministère, maison par maison.",
            "cannot_change": "La méthode de la carte, décidée par le ministère.",
            "decided_by": "Le ministère fictif de l'Environnement, qui a six mois pour répondre à la ville.",
        },
    },
    {
        "id": "DI-2026-0008",
        "kind": "workshop",
        "organizers": ["labo-fictif-ethique-algorithmique"],
        "receiving_body": "cegep-fictif-du-fjord",
        "services": ["education"],
        "regions": ["saguenay-lac-saint-jean"],
        "risks": ["surveillance", "vie-privee"],
        "casefiles": ["CF-2026-0004"],
        "systems": ["SurveilExam"],
        "sessions": [
            {
                "days": 25,
                "time": "14:00",
                "hours": 3,
                "format": "in-person",
                "status": "scheduled",
                "venue": "fab-lab-fictif-anse-aux-herons",
                "languages": ["fr"],
                "accommodations": [],
                "registration": "hub",
                "capacity": 12,
                "fr": {
                    "what_to_bring": "Un ordinateur portable si vous en avez un. Des souliers fermés pour l'atelier."
                },
                "en": {"what_to_bring": "A laptop if you have one. Closed shoes for the workshop."},
            }
        ],
        "fr": {
            "title": "Atelier au Fab Lab : ce que voit un logiciel de surveillance d'examens",
            "summary": "Au Fab Lab, on monte une petite caméra et un logiciel libre pour voir ce "
            "qu'un système comme SurveilExam remarque, et ce qu'il rate.",
            "plain_summary": "On fabrique une petite caméra ensemble. On voit ce qu'une machine remarque.",
            "question": "Qu'est-ce qu'une machine peut vraiment voir pendant un examen à distance ?",
            "can_change": "Les questions que l'association étudiante posera au cégep.",
            "cannot_change": "Le cégep a déjà choisi de ne plus utiliser SurveilExam l'an prochain.",
            "decided_by": "La direction fictive des études du cégep.",
        },
        "en": {
            "title": "Fab Lab workshop: what exam-monitoring software sees",
            "summary": "At the Fab Lab, we build a small camera and free software to see what a "
            "system like SurveilExam notices, and what it misses.",
            "plain_summary": "We build a small camera together. We see what a machine notices.",
            "question": "What can a machine really see during a remote exam?",
            "can_change": "The questions the students' association will ask the college.",
            "cannot_change": "The college has already chosen to stop using SurveilExam next year.",
            "decided_by": "The college's fictional academic management.",
        },
    },
    {
        "id": "DI-2026-0009",
        "kind": "consultation",
        "organizers": ["regroupement-fictif-aines-laurentides"],
        "receiving_body": "office-fictif-habitation",
        "services": ["habitation"],
        "regions": ["lanaudiere"],
        "risks": ["discrimination", "opacite"],
        "casefiles": ["CF-2026-0009"],
        "systems": ["Priorilog"],
        "sessions": [
            {
                "days": -20,
                "time": "14:00",
                "hours": 2,
                "format": "in-person",
                "status": "held",
                "venue": "bibliotheque-fictive-saint-aurele",
                "languages": ["fr"],
                "accommodations": ["transport_help", "food"],
                "registration": "none",
            }
        ],
        "attendance": 26,
        "organizations_present": ["regroupement-fictif-aines-laurentides", "office-fictif-habitation"],
        "materials": [
            {
                "kind": "minutes",
                "fr": "Procès-verbal de la consultation (démo)",
                "en": "Minutes of the consultation (demo)",
                "pdf": [
                    "Consultation sur le classement des demandes de logement social",
                    [
                        "26 personnes présentes, dont 19 locataires.",
                        "Demande principale : savoir sa place sur la liste et pourquoi.",
                        "L'office s'engage à publier les critères du classement.",
                    ],
                ],
            }
        ],
        # Never translated.
        "fr": {
            "title": "Consultation : le classement des demandes de logement social",
            "summary": "Les locataires et les personnes en attente d'un logement social donnent leur "
            "avis sur Priorilog, qui classe les demandes.",
            "plain_summary": "Une machine classe les demandes de logement. Les locataires donnent leur avis.",
            "question": "Que faut-il savoir de sa place sur la liste, et qui doit pouvoir la corriger ?",
            "can_change": "Ce que l'office publie sur le classement et la façon de le contester.",
            "cannot_change": "Le nombre de logements disponibles.",
            "decided_by": "Le conseil d'administration fictif de l'office, à sa prochaine séance.",
            "account": "Vingt-six personnes sont venues, surtout des locataires aînés. Elles veulent "
            "connaître leur rang et la raison. L'office publiera les critères.",
        },
    },
    {
        "id": "DI-2026-0010",
        "kind": "workshop",
        "organizers": ["collectif-fictif-droits-numeriques"],
        "receiving_body": "ministere-fictif-immigration",
        "services": ["immigration"],
        "regions": ["montreal"],
        "risks": ["discrimination", "opacite"],
        "casefiles": ["CF-2026-0005"],
        "systems": ["TriDossiers"],
        "briefs": ["BR-2026-0001"],
        "sessions": [
            {
                "days": 45,
                "time": "18:30",
                "hours": 2,
                "format": "hybrid",
                "status": "scheduled",
                "venue": "bibliotheque-fictive-pre-vert",
                "online_url": "https://visio.example.org/atelier-tridossiers",
                "languages": ["fr", "en"],
                "accommodations": ["asl_interpretation", "lsq_interpretation", "live_captions", "childcare"],
                "registration": "hub",
                "capacity": 30,
                "registration_phone": "514 555-0110",
            }
        ],
        "fr": {
            "title": "Atelier : quand une machine trie les demandes d'immigration",
            "summary": "Un atelier bilingue, sur place et en ligne, pour comprendre comment TriDossiers "
            "envoie certaines demandes dans une file plus lente.",
            "plain_summary": "Une machine trie les demandes d'immigration. Venez comprendre. "
            "L'atelier est en français et en anglais.",
            "question": "Que devrait dire le ministère aux personnes dont la demande va dans la file lente ?",
            "can_change": "L'information donnée aux personnes et les questions envoyées au ministère.",
            "cannot_change": "Les critères d'admissibilité, fixés par règlement.",
            "decided_by": "Le ministère fictif de l'Immigration, qui s'est engagé à répondre par écrit.",
        },
        "en": {
            "title": "Workshop: when a machine sorts immigration applications",
            "summary": "A bilingual workshop, on site and online, to understand how TriDossiers sends "
            "some applications to a slower queue.",
            "plain_summary": "A machine sorts immigration applications. Come and understand. The "
            "workshop is in French and English.",
            "question": "What should the ministry tell people whose application goes to the slow queue?",
            "can_change": "What people are told and the questions sent to the ministry.",
            "cannot_change": "The eligibility criteria, set by regulation.",
            "decided_by": "The fictional Ministry of Immigration, which has promised a written answer.",
        },
    },
]
