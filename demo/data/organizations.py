"""Fictional public bodies, municipalities, vendors and non-profits, found again by ``key``;
those with an English name get an English translation."""

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
