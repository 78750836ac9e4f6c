"""The demo accounts: one per role, with published passwords."""

# Fixed, published passwords are acceptable only because the command refuses to run with DEBUG
# off unless forced: these accounts exist to let a visitor try each role on a local copy.
ACCOUNTS = [
    {
        "username": "demo-admin",
        "password": "vigie-demo-admin",
        "role": "Administrator (superuser)",
        "group": None,
        "first_name": "Alex",
        "last_name": "Administration (démo)",
    },
    {
        "username": "demo-editor",
        "password": "vigie-demo-editor",
        "role": "Community editor",
        "group": "Community editors",
        "first_name": "Camille",
        "last_name": "Rédaction (démo)",
    },
    {
        "username": "demo-reviewer",
        "password": "vigie-demo-reviewer",
        "role": "Reviewer",
        "group": "Reviewers",
        "first_name": "Sam",
        "last_name": "Révision (démo)",
    },
    {
        "username": "demo-partner",
        "password": "vigie-demo-partner",
        "role": "Municipal partner",
        "group": "Municipal partners",
        "organization": "ville-fictive-val-fleuri",
        "first_name": "Dominique",
        "last_name": "Partenaire (démo)",
    },
]
