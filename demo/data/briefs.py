"""The demo advocacy briefs; they cite demo case files by public id."""

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
