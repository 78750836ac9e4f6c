"""The glossary of AI terms loaded with the demo."""

# Real terms with real, plain definitions (only the examples are imagined). Each term is found
# again by its anchor (``slug``), the same in both languages; "related" names other anchors.

GLOSSARY = [
    {
        "slug": "algorithme",
        "related": ["modele", "apprentissage-automatique", "systeme-decision-automatisee"],
        "fr": {
            "term": "algorithme",
            "other_forms": "algorithmes",
            "definition": "Une suite d'instructions précises qu'un ordinateur suit, étape par étape, pour faire une tâche ou arriver à une décision.",
            "example": "Un algorithme classe les demandes de rendez-vous selon les réponses données dans un formulaire.",
        },
        "en": {
            "term": "algorithm",
            "other_forms": "algorithms",
            "definition": "A set of precise instructions that a computer follows, step by step, to do a task or reach a decision.",
            "example": "An algorithm sorts appointment requests according to the answers given in a form.",
        },
    },
    {
        "slug": "intelligence-artificielle",
        "related": ["apprentissage-automatique", "algorithme", "modele"],
        "fr": {
            "term": "intelligence artificielle",
            "other_forms": "IA",
            "definition": "Des programmes informatiques qui font des tâches qu'on associait à l'intelligence humaine : reconnaître une image, comprendre un texte, prédire ou recommander.",
            "example": "Un outil d'IA propose des réponses aux agents d'un centre d'appels.",
        },
        "en": {
            "term": "artificial intelligence",
            "other_forms": "AI",
            "definition": "Computer programs that do tasks we used to link to human intelligence: recognizing an image, understanding a text, predicting or recommending.",
            "example": "An AI tool suggests answers to the agents of a call centre.",
        },
    },
    {
        "slug": "systeme-decision-automatisee",
        "related": ["algorithme", "evaluation-impact-algorithmique", "explicabilite"],
        "fr": {
            "term": "système de décision automatisée",
            "other_forms": "systèmes de décision automatisée\nsystème décisionnel automatisé\nsystèmes décisionnels automatisés",
            "definition": "Un outil informatique qui prend une décision administrative, ou qui aide une personne à la prendre : accepter une demande, fixer un montant, choisir un dossier à vérifier.",
            "example": "Un système décide quelles demandes d'aide sociale sont traitées en premier.",
        },
        "en": {
            "term": "automated decision system",
            "other_forms": "automated decision systems\nautomated decision-making system\nautomated decision-making systems",
            "definition": "A computer tool that makes an administrative decision, or helps a person make it: approving an application, setting an amount, choosing a file to check.",
            "example": "A system decides which social assistance applications are handled first.",
        },
    },
    {
        "slug": "apprentissage-automatique",
        "related": ["donnees-entrainement", "modele", "intelligence-artificielle"],
        "fr": {
            "term": "apprentissage automatique",
            "other_forms": "apprentissage machine",
            "definition": "Une façon de créer un programme : au lieu de lui écrire toutes les règles, on lui montre beaucoup d'exemples et il y trouve lui-même des régularités.",
            "example": "Un programme apprend à repérer les demandes urgentes en étudiant des milliers de demandes déjà classées.",
        },
        "en": {
            "term": "machine learning",
            "other_forms": "",
            "definition": "A way of building a program: instead of writing all the rules, people show it many examples and it finds patterns in them by itself.",
            "example": "A program learns to spot urgent requests by studying thousands of requests that were already sorted.",
        },
    },
    {
        "slug": "biais-algorithmique",
        "related": ["donnees-entrainement", "profilage", "faux-positif"],
        "fr": {
            "term": "biais algorithmique",
            "other_forms": "biais algorithmiques",
            "definition": "Une erreur qui se répète et désavantage toujours les mêmes groupes de personnes, souvent parce que le système a appris à partir de décisions injustes du passé.",
            "example": "Un système refuse plus souvent les demandes venant d'un quartier pauvre, parce que ces demandes étaient plus souvent refusées avant.",
        },
        "en": {
            "term": "algorithmic bias",
            "other_forms": "",
            "definition": "An error that keeps repeating and always puts the same groups of people at a disadvantage, often because the system learned from unfair past decisions.",
            "example": "A system refuses applications from a poor neighbourhood more often, because such applications were refused more often in the past.",
        },
    },
    {
        "slug": "donnees-entrainement",
        "related": ["apprentissage-automatique", "biais-algorithmique", "modele"],
        "fr": {
            "term": "données d'entraînement",
            "other_forms": "données d'apprentissage",
            "definition": "Les exemples qu'on donne à un programme d'apprentissage automatique pour qu'il apprenne. S'ils sont incomplets ou injustes, le programme le sera aussi.",
            "example": "Les décisions prises par un ministère de 2018 à 2022 servent à apprendre à un système à trier les nouvelles demandes.",
        },
        "en": {
            "term": "training data",
            "other_forms": "",
            "definition": "The examples given to a machine learning program so that it can learn. If they are incomplete or unfair, the program will be too.",
            "example": "The decisions a ministry made from 2018 to 2022 are used to teach a system how to sort new applications.",
        },
    },
    {
        "slug": "modele",
        "related": ["apprentissage-automatique", "donnees-entrainement", "algorithme"],
        "fr": {
            "term": "modèle",
            "other_forms": "modèles",
            "definition": "Ce que produit l'apprentissage automatique : un programme qui a retenu des régularités dans des exemples et s'en sert pour faire des prédictions sur de nouveaux cas.",
            "example": "Le modèle donne à chaque déclaration de revenus un score de risque de 0 à 100.",
        },
        "en": {
            "term": "model",
            "other_forms": "models",
            "definition": "What machine learning produces: a program that has kept patterns from examples and uses them to make predictions about new cases.",
            "example": "The model gives each tax return a risk score from 0 to 100.",
        },
    },
    {
        "slug": "reconnaissance-faciale",
        "related": ["faux-positif", "biais-algorithmique"],
        "fr": {
            "term": "reconnaissance faciale",
            "other_forms": "",
            "definition": "Une technologie qui compare l'image d'un visage à une ou plusieurs photos, pour trouver qui est la personne ou vérifier qu'elle est bien celle qu'elle dit être.",
            "example": "Une application compare votre visage à la photo de votre pièce d'identité avant d'ouvrir votre compte.",
        },
        "en": {
            "term": "facial recognition",
            "other_forms": "face recognition",
            "definition": "A technology that compares an image of a face with one or more photos, to find out who a person is or to check that they are who they say they are.",
            "example": "An app compares your face with the photo on your ID card before opening your account.",
        },
    },
    {
        "slug": "profilage",
        "related": ["biais-algorithmique", "systeme-decision-automatisee"],
        "fr": {
            "term": "profilage",
            "other_forms": "",
            "definition": "Utiliser des informations sur une personne (âge, adresse, revenus, habitudes) pour la classer dans une catégorie et prévoir ce qu'elle fera ou décider comment la traiter.",
            "example": "Un système classe les élèves à risque de décrocher selon leur code postal et la langue parlée à la maison.",
        },
        "en": {
            "term": "profiling",
            "other_forms": "",
            "definition": "Using information about a person (age, address, income, habits) to put them in a category and predict what they will do or decide how to treat them.",
            "example": "A system ranks students at risk of dropping out by their postal code and the language spoken at home.",
        },
    },
    {
        "slug": "explicabilite",
        "related": ["systeme-decision-automatisee", "evaluation-impact-algorithmique"],
        "fr": {
            "term": "explicabilité",
            "other_forms": "explicable",
            "definition": "La capacité d'expliquer, en mots simples, pourquoi un système a donné tel résultat pour une personne.",
            "example": "Une lettre dit : « Votre déclaration est vérifiée parce que votre revenu a changé de plus de 50 %. »",
        },
        "en": {
            "term": "explainability",
            "other_forms": "explainable",
            "definition": "Being able to explain, in simple words, why a system gave a particular result for a person.",
            "example": "A letter says: “Your tax return is being checked because your income changed by more than 50%.”",
        },
    },
    {
        "slug": "faux-positif",
        "related": ["biais-algorithmique", "reconnaissance-faciale"],
        "fr": {
            "term": "faux positif",
            "other_forms": "faux positifs",
            "definition": "Quand un système signale à tort quelque chose qui n'existe pas : il répond « oui » alors que la bonne réponse était « non ».",
            "example": "Une déclaration de revenus est signalée comme suspecte, mais la vérification ne trouve aucune erreur.",
        },
        "en": {
            "term": "false positive",
            "other_forms": "false positives",
            "definition": "When a system wrongly flags something that is not there: it answers “yes” when the right answer was “no”.",
            "example": "A tax return is flagged as suspicious, but the check finds no error.",
        },
    },
    {
        "slug": "evaluation-impact-algorithmique",
        "related": ["systeme-decision-automatisee", "explicabilite"],
        "fr": {
            "term": "évaluation d'impact algorithmique",
            "other_forms": "évaluations d'impact algorithmique\névaluation de l'incidence algorithmique",
            "definition": "Un examen fait avant d'utiliser un système automatisé, pour mesurer les risques qu'il pose pour les personnes et prévoir comment les réduire. Le gouvernement du Canada l'exige pour ses systèmes de décision automatisée.",
            "example": "Avant d'utiliser un outil qui trie les demandes, un ministère publie son évaluation d'impact et le niveau de risque du système.",
        },
        "en": {
            "term": "algorithmic impact assessment",
            "other_forms": "algorithmic impact assessments",
            "definition": "A review done before using an automated system, to measure the risks it poses to people and plan how to reduce them. The Government of Canada requires one for its automated decision systems.",
            "example": "Before using a tool that sorts applications, a ministry publishes its impact assessment and the system's risk level.",
        },
    },
]
