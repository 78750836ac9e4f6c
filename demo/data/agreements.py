"""The demo collaboration agreements, their parties, signatories and commitments."""

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
                "role": {
                    "fr": "Service des communications et du 311",
                    "en": "Communications and 311 department",
                },
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
                "role": {"fr": "Direction des technologies", "en": "Information technology department"},
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
                "role": {"fr": "Direction de la police de quartier"},
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
