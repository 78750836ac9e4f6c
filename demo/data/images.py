"""The charts and diagrams of the demo case files, drawn with Pillow at load time
(``demo.drawing``); the text inside the images is in French. Found again by title."""

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
