"""Fictional testimonies, attached to demo case files by their public ids."""

# Fictional people, fictional words: each context says so. Consent records are complete so the
# case files can show them; the retention dates are far enough away not to expire in a demo.
TESTIMONIES = [
    {
        "casefile": "CF-2026-0001",
        "text": "J'ai appelé la clinique trois fois. On m'a dit que l'ordinateur avait déjà choisi et que je devais attendre. J'ai attendu six semaines pour une infection.",
        "plain_text": "J'ai appelé la clinique. On m'a dit d'attendre. J'ai attendu six semaines.",
        "identification": "pseudonym",
        "display_name": "Lucie",
        "context": "Personne fictive de Pré-Vert, témoignage inventé pour la démonstration",
    },
    {
        "casefile": "CF-2026-0001",
        "text": "Ma mère n'a pas Internet. Avec le nouveau système, elle passe toujours après les autres.",
        "plain_text": "",
        "identification": "anonymous",
        "display_name": "",
        "context": "Proche aidant fictif, témoignage inventé pour la démonstration",
    },
    {
        "casefile": "CF-2026-0002",
        "text": "I sent my bank statements twice. The letter said the computer had found an error, but nobody could tell me which one.",
        "language": "en",
        "plain_text": "I sent my papers twice. Nobody could tell me what was wrong.",
        "identification": "named",
        "display_name": "Sam Tremblay (fictional)",
        "context": "Fictional person, account invented for the demonstration",
    },
]
