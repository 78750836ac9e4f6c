"""Words the loader adds to every demo item: the fiction notes, headings and credits."""

# By item type key (hub.items).
FICTION_NOTE = {
    "casefile": {"fr": "(Cas fictif de démonstration.)", "en": "(Fictional demonstration case.)"},
    "brief": {"fr": "(Mémoire fictif de démonstration.)", "en": "(Fictional demonstration brief.)"},
    "agreement": {"fr": "(Entente fictive de démonstration.)", "en": "(Fictional demonstration agreement.)"},
    "system": {"fr": "(Système fictif de démonstration.)", "en": "(Fictional demonstration system.)"},
    "dialogue": {"fr": "(Dialogue fictif de démonstration.)", "en": "(Fictional demonstration dialogue.)"},
    "report": {"fr": "(Bilan fictif de démonstration.)", "en": "(Fictional demonstration report.)"},
    "learning_resource": {
        "fr": "(Ressource fictive de démonstration.)",
        "en": "(Fictional demonstration learning resource.)",
    },
    "toolkit": {"fr": "(Trousse fictive de démonstration.)", "en": "(Fictional demonstration toolkit.)"},
}
PLAIN_FICTION_NOTE = {"fr": "Cet exemple est inventé.", "en": "This example is made up."}
CASEFILE_HEADINGS = {
    "fr": {
        "story": "Ce que nous savons",
        "timeline": "Chronologie",
        "evidence": "Sources",
        "response": "Réponse de l'organisme",
    },
    "en": {
        "story": "What we know",
        "timeline": "Timeline",
        "evidence": "Sources",
        "response": "The agency's response",
    },
}
IMAGE_CREDIT = {
    "fr": "Illustration générée pour la démonstration",
    "en": "Illustration generated for the demo",
}
