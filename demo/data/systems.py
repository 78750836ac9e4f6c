"""The demo's register entries: one per system its case files name (``CASE_FILES[*]["ai_system"]``).

The first twelve are written out, with varied disclosure: a full declaration by the organization,
a partial one with fields it says it does not disclose, or nothing declared at all. The others
are documented by the community from their case file alone (``casefile_systems``). What an entry
decides, its vendors, automation and lifecycle are also taken from its case files by the loader. Every
organization, document and address is fictional."""

from registry.casefile_systems import AUTOMATION_OF_CASEFILE, LIFECYCLE_OF_STATUS

from .casefiles import CASE_FILES

ALL_DECLARED = {
    "fr": {
        "accountable_role": "Direction fictive des services numériques",
        "legal_basis": "Loi fictive sur l'administration numérique, article 12.",
        "recourse": "Demande de révision auprès du bureau fictif des plaintes, dans les 90 jours.",
    },
    "en": {
        "accountable_role": "Fictional digital services branch",
        "legal_basis": "Fictional Digital Administration Act, section 12.",
        "recourse": "A request for review to the fictional complaints office, within 90 days.",
    },
}

SYSTEMS = [
    {
        "id": "SY-2026-0001",
        "name": "TriaClic",
        "organization": "ministere-fictif-sante",
        "vendors": ["boreal-analytique"],
        "technique": "machine-learning",
        "lifecycle_status": "in-use",
        "start_month": "2024-05",
        "automation": "partly-automated",
        "fr": {
            "unit": "Direction fictive de l'accès aux soins",
            "summary": "TriaClic attribue une priorité de 1 à 5 aux demandes de rendez-vous en clinique déposées en ligne.",
            "plain_summary": "Un ordinateur choisit qui passe en premier à la clinique. Une infirmière peut changer son choix.",
            "purpose": "Réduire l'attente pour les demandes urgentes.",
        },
        "en": {
            "unit": "Fictional access to care branch",
            "summary": "TriaClic gives a priority from 1 to 5 to clinic appointment requests submitted online.",
            "plain_summary": "A computer chooses who goes first at the clinic. A nurse can change its choice.",
            "purpose": "Shorter waits for urgent requests.",
        },
        "declared": {
            "source": {
                "fr": "Fiche de transparence fictive de TriaClic",
                "en": "Fictional TriaClic transparency sheet",
            },
            "url": "https://sante.example.org/transparence/triaclic",
            "date": "2025-01-15",
            "values": {
                "contact": "transparence@sante.example.org",
                "public_page_url": "https://sante.example.org/triaclic",
                "lifecycle_status": "in-use",
                "start_month": "2024-05",
                "automation": "partly-automated",
                "personal_data": "yes",
                "technique": "machine-learning",
                "vendors": ["boreal-analytique"],
                "source_code_url": "https://code.sante.example.org/triaclic",
                "consultation_held": "yes",
                "consultation_url": "https://sante.example.org/consultation-triaclic",
                "assessments": [("aia-3", "2024-02-01", "https://sante.example.org/eia-triaclic")],
            },
            "fr": {
                **ALL_DECLARED["fr"],
                "purpose": "Voir plus vite les personnes dont l'état est urgent.",
                "alternatives": "Un triage téléphonique par des infirmières, jugé trop coûteux.",
                "decision_role": "Propose une priorité pour chaque demande ; une infirmière la valide.",
                "human_override": "L'infirmière de garde peut changer toute priorité.",
                "data_sources": "Les réponses au formulaire de demande.",
                "training_data": "Trois ans de demandes anonymisées de cliniques fictives.",
                "monitoring": "Un rapport trimestriel sur les délais par mode de demande.",
                "risks": [
                    (
                        "Les demandes faites avec de l'aide sont moins bien classées.",
                        "Une révision humaine de ces demandes.",
                    )
                ],
            },
            "en": {
                **ALL_DECLARED["en"],
                "purpose": "To see urgent cases sooner.",
                "alternatives": "Telephone triage by nurses, judged too costly.",
                "decision_role": "Proposes a priority for each request; a nurse confirms it.",
                "human_override": "The nurse on duty can change any priority.",
                "data_sources": "The answers to the request form.",
                "training_data": "Three years of anonymized requests from fictional clinics.",
                "monitoring": "A quarterly report on waits by way of applying.",
                "risks": [("Requests made with help are ranked lower.", "A human review of those requests.")],
            },
        },
    },
    {
        "id": "SY-2026-0002",
        "name": "Boussole Famille",
        "organization": "cisss-fictif-estrie",
        "vendors": ["donnees-castor"],
        "technique": "machine-learning",
        "lifecycle_status": "pilot",
        "start_month": "2025-01",
        "automation": "advisory",
        "fr": {
            "unit": "Direction fictive de la protection de la jeunesse",
            "summary": "Boussole Famille estime un risque pour guider les intervenantes qui reçoivent des signalements.",
            "plain_summary": "Un ordinateur donne une note de risque aux familles signalées. Des intervenantes décident.",
            "purpose": "Aider à choisir les signalements à voir en premier.",
        },
        "en": {
            "unit": "Fictional youth protection branch",
            "summary": "Boussole Famille estimates a risk to guide the workers who receive reports about children.",
            "plain_summary": "A computer gives a risk score to reported families. Social workers decide.",
            "purpose": "Help choose which reports to look at first.",
        },
        "declared": {
            "source": {
                "fr": "Rapport annuel fictif 2025 du CISSS",
                "en": "Fictional 2025 annual report of the CISSS",
            },
            "url": "https://estrie.example.org/rapport-2025",
            "date": "2025-06-30",
            "not_disclosed": ["training_data", "source_code_url", "vendors", "risks_mitigations"],
            "values": {
                "lifecycle_status": "pilot",
                "start_month": "2025-01",
                "automation": "advisory",
                "personal_data": "yes",
            },
            "fr": {
                "purpose": "Soutenir le jugement des intervenantes.",
                "decision_role": "Affiche un niveau de risque à côté de chaque signalement.",
            },
            "en": {
                "purpose": "To support the workers' judgement.",
                "decision_role": "Shows a risk level beside each report.",
            },
        },
    },
    {
        "id": "SY-2026-0003",
        "name": "VérifAide",
        "organization": "ministere-fictif-solidarite",
        "vendors": ["algopolis"],
        "technique": "rule-based",
        "lifecycle_status": "suspended",
        "start_month": "2023-09",
        "automation": "fully-automated",
        "fr": {
            "unit": "Direction fictive de la conformité",
            "summary": "VérifAide compare les déclarations des prestataires à d'autres fichiers et suspend l'aide en cas d'écart.",
            "plain_summary": "Un ordinateur vérifiait les personnes qui reçoivent de l'aide. Il arrêtait l'aide seul. Il est suspendu.",
            "purpose": "Trouver les trop-payés.",
        },
        "en": {
            "unit": "Fictional compliance branch",
            "summary": "VérifAide compares recipients' declarations with other files and suspends benefits when they differ.",
            "plain_summary": "A computer checked people who receive benefits. It stopped benefits on its own. It is suspended.",
            "purpose": "To find overpayments.",
        },
        "declared": {
            "source": {
                "fr": "Réponse fictive à une demande d'accès",
                "en": "Fictional answer to an access request",
            },
            "url": "https://solidarite.example.org/acces/2025-118",
            "date": "2025-04-02",
            "not_disclosed": [
                "accountable_role",
                "purpose",
                "alternatives",
                "legal_basis",
                "data_sources",
                "training_data",
                "vendors",
                "source_code_url",
                "impact_assessments",
                "risks_mitigations",
                "monitoring",
            ],
            "values": {"lifecycle_status": "suspended"},
            "fr": {},
            "en": {},
        },
    },
    {
        "id": "SY-2026-0004",
        "name": "SurveilExam",
        "organization": "cegep-fictif-du-fjord",
        "vendors": ["vision-nordique"],
        "technique": "machine-learning",
        "lifecycle_status": "in-use",
        "start_month": "2024-08",
        "automation": "partly-automated",
        "fr": {
            "unit": "Service fictif des études",
            "summary": "SurveilExam filme les examens en ligne et signale les comportements qu'il juge suspects.",
            "plain_summary": "Une caméra surveille les examens à la maison. L'ordinateur signale des élèves. Un professeur regarde.",
            "purpose": "Surveiller les examens faits à distance.",
        },
        "en": {
            "unit": "Fictional academic services",
            "summary": "SurveilExam films online exams and flags behaviour it judges suspicious.",
            "plain_summary": "A camera watches exams at home. The computer flags students. A teacher looks.",
            "purpose": "To proctor exams taken remotely.",
        },
    },
    {
        "id": "SY-2026-0005",
        "name": "TriDossiers",
        "organization": "ministere-fictif-immigration",
        "vendors": ["quantix-services-publics"],
        "technique": "machine-learning",
        "lifecycle_status": "in-use",
        "start_month": "2023-03",
        "automation": "partly-automated",
        "fr": {
            "unit": "Direction fictive de la sélection",
            "summary": "TriDossiers classe les demandes d'immigration en trois voies de traitement.",
            "plain_summary": "Un ordinateur met les demandes dans trois files. Des agents décident ensuite.",
            "purpose": "Traiter plus vite les demandes simples.",
        },
        "en": {
            "unit": "Fictional selection branch",
            "summary": "TriDossiers sorts immigration applications into three processing streams.",
            "plain_summary": "A computer puts applications in three lines. Officers then decide.",
            "purpose": "To process simple applications faster.",
        },
        "declared": {
            "source": {
                "fr": "Évaluation fictive de l'incidence algorithmique",
                "en": "Fictional algorithmic impact assessment",
            },
            "url": "https://immigration.example.org/eia-tridossiers",
            "date": "2024-11-20",
            "values": {
                "contact": "https://immigration.example.org/nous-joindre",
                "public_page_url": "https://immigration.example.org/tridossiers",
                "lifecycle_status": "in-use",
                "start_month": "2023-03",
                "automation": "partly-automated",
                "personal_data": "yes",
                "technique": "machine-learning",
                "vendors": ["quantix-services-publics"],
                "consultation_held": "no",
                "assessments": [("aia-2", "2023-01-15", "https://immigration.example.org/eia-tridossiers")],
            },
            "not_disclosed": ["source_code_url", "training_data"],
            "fr": {
                **ALL_DECLARED["fr"],
                "purpose": "Réduire les délais pour les demandes complètes.",
                "decision_role": "Classe chaque demande ; aucun refus n'est fait sans agent.",
                "human_override": "Un agent peut changer la voie de toute demande.",
                "data_sources": "Le formulaire de demande et les pièces jointes.",
                "monitoring": "Un contrôle annuel des taux d'acceptation par pays.",
                "risks": [("Des écarts selon le pays d'origine.", "Un contrôle annuel des taux par pays.")],
            },
            "en": {
                **ALL_DECLARED["en"],
                "purpose": "Shorter delays for complete applications.",
                "decision_role": "Sorts each application; no refusal is made without an officer.",
                "human_override": "An officer can change the stream of any application.",
                "data_sources": "The application form and its attachments.",
                "monitoring": "A yearly check of acceptance rates by country.",
                "risks": [("Differences by country of origin.", "A yearly check of rates by country.")],
            },
        },
    },
    {
        "id": "SY-2026-0006",
        "name": "PatrouillePrédictive",
        "organization": "police-fictive-bois-dore",
        "vendors": ["algopolis"],
        "technique": "machine-learning",
        "lifecycle_status": "pilot",
        "start_month": "2025-03",
        "automation": "advisory",
        "fr": {
            "unit": "Division fictive des opérations",
            "summary": "PatrouillePrédictive dessine chaque jour une carte des secteurs où patrouiller en priorité.",
            "plain_summary": "Un ordinateur dit à la police où patrouiller. Certains quartiers sont plus visités.",
            "purpose": "Répartir les patrouilles.",
        },
        "en": {
            "unit": "Fictional operations division",
            "summary": "PatrouillePrédictive draws a daily map of the areas to patrol first.",
            "plain_summary": "A computer tells the police where to patrol. Some neighbourhoods get more visits.",
            "purpose": "To allocate patrols.",
        },
        "declared": {
            "source": {
                "fr": "Communiqué fictif du service de police",
                "en": "Fictional police press release",
            },
            "url": "https://police-bois-dore.example.org/communique-2025-03",
            "date": "2025-03-10",
            "not_disclosed": [
                "data_sources",
                "training_data",
                "source_code_url",
                "impact_assessments",
                "monitoring",
            ],
            "values": {
                "lifecycle_status": "pilot",
                "start_month": "2025-03",
                "technique": "machine-learning",
            },
            "fr": {"purpose": "Prévenir les vols dans les commerces."},
            "en": {"purpose": "To prevent thefts from shops."},
        },
    },
    {
        "id": "SY-2026-0007",
        "name": "ÉvalRisque",
        "organization": "ministere-fictif-justice",
        "vendors": ["quantix-services-publics"],
        "technique": "machine-learning",
        "lifecycle_status": "planned",
        "automation": "advisory",
        "fr": {
            "unit": "Direction fictive des services correctionnels",
            "summary": "ÉvalRisque estimerait le risque de récidive pour éclairer les décisions de libération.",
            "plain_summary": "Un ordinateur donnerait une note aux personnes détenues. Des juges la liraient.",
            "purpose": "Éclairer les décisions de libération.",
        },
        "en": {
            "unit": "Fictional correctional services branch",
            "summary": "ÉvalRisque would estimate the risk of reoffending to inform release decisions.",
            "plain_summary": "A computer would score people in prison. Judges would read the score.",
            "purpose": "To inform release decisions.",
        },
    },
    {
        "id": "SY-2026-0008",
        "name": "LectoPlaque",
        "organization": "societe-fictive-transport-capitale",
        "vendors": ["vision-nordique"],
        "technique": "machine-learning",
        "lifecycle_status": "in-use",
        "start_month": "2022-10",
        "automation": "fully-automated",
        "fr": {
            "unit": "Service fictif du stationnement",
            "summary": "LectoPlaque lit les plaques d'immatriculation et émet les constats de stationnement.",
            "plain_summary": "Une caméra lit les plaques des autos. L'ordinateur envoie les amendes.",
            "purpose": "Contrôler le stationnement payant.",
        },
        "en": {
            "unit": "Fictional parking service",
            "summary": "LectoPlaque reads licence plates and issues parking tickets.",
            "plain_summary": "A camera reads car plates. The computer sends the fines.",
            "purpose": "To enforce paid parking.",
        },
        "declared": {
            "source": {
                "fr": "Registre fictif des systèmes de la société",
                "en": "The company's fictional system register",
            },
            "url": "https://transport-capitale.example.org/registre",
            "date": "2025-02-01",
            "values": {
                "contact": "registre@transport-capitale.example.org",
                "public_page_url": "https://transport-capitale.example.org/lectoplaque",
                "lifecycle_status": "in-use",
                "start_month": "2022-10",
                "automation": "fully-automated",
                "personal_data": "yes",
                "technique": "machine-learning",
                "vendors": ["vision-nordique"],
                "source_code_url": "https://code.transport-capitale.example.org/lectoplaque",
                "consultation_held": "no",
                "assessments": [
                    ("pia", "2022-06-01", "https://transport-capitale.example.org/efvp-lectoplaque")
                ],
            },
            "fr": {
                **ALL_DECLARED["fr"],
                "purpose": "Contrôler le paiement du stationnement sans agent sur place.",
                "alternatives": "Des agents à pied, comme avant 2022.",
                "decision_role": "Émet le constat quand la plaque n'a pas payé.",
                "human_override": "Un agent annule le constat sur contestation.",
                "data_sources": "Les images des caméras et les paiements.",
                "training_data": "Des images de plaques fournies par le fournisseur fictif.",
                "monitoring": "Un taux d'erreur de lecture publié chaque mois.",
                "risks": [
                    (
                        "Une plaque mal lue donne une amende à la mauvaise personne.",
                        "Une photo jointe à chaque constat.",
                    )
                ],
            },
            "en": {
                **ALL_DECLARED["en"],
                "purpose": "To check parking payment without staff on site.",
                "alternatives": "Officers on foot, as before 2022.",
                "decision_role": "Issues the ticket when the plate has not paid.",
                "human_override": "An officer cancels the ticket when it is disputed.",
                "data_sources": "Camera images and payments.",
                "training_data": "Plate images supplied by the fictional vendor.",
                "monitoring": "A reading error rate published every month.",
                "risks": [("A misread plate fines the wrong person.", "A photo attached to every ticket.")],
            },
        },
    },
    {
        "id": "SY-2026-0009",
        "name": "Priorilog",
        "organization": "office-fictif-habitation",
        "vendors": ["donnees-castor"],
        "technique": "rule-based",
        "lifecycle_status": "in-use",
        "start_month": "2021-04",
        "automation": "advisory",
        "fr": {
            "unit": "Service fictif des demandes de logement",
            "summary": "Priorilog calcule un rang sur la liste d'attente des logements sociaux.",
            "plain_summary": "Un ordinateur calcule votre place sur la liste pour un logement. Un comité décide.",
            "purpose": "Classer les demandes de logement.",
        },
        "en": {
            "unit": "Fictional housing applications service",
            "summary": "Priorilog computes a rank on the social housing waiting list.",
            "plain_summary": "A computer works out your place on the housing list. A committee decides.",
            "purpose": "To rank housing applications.",
        },
    },
    {
        "id": "SY-2026-0010",
        "name": "CibleAudit",
        "organization": "agence-fictive-revenu",
        "vendors": ["algopolis"],
        "technique": "machine-learning",
        "lifecycle_status": "in-use",
        "start_month": "2022-01",
        "automation": "partly-automated",
        "fr": {
            "unit": "Direction fictive de la vérification",
            "summary": "CibleAudit choisit les déclarations de revenus à vérifier.",
            "plain_summary": "Un ordinateur choisit qui sera vérifié par l'impôt. Des agents font la vérification.",
            "purpose": "Choisir les vérifications fiscales.",
        },
        "en": {
            "unit": "Fictional audit branch",
            "summary": "CibleAudit chooses which tax returns to audit.",
            "plain_summary": "A computer chooses who the tax office checks. Officers do the check.",
            "purpose": "To choose tax audits.",
        },
        "declared": {
            "source": {"fr": "Plan stratégique fictif 2024-2027", "en": "Fictional 2024-2027 strategic plan"},
            "url": "https://revenu.example.org/plan-strategique",
            "date": "2024-04-01",
            "not_disclosed": [
                "data_sources",
                "training_data",
                "technique",
                "vendors",
                "source_code_url",
                "impact_assessments",
                "risks_mitigations",
            ],
            "values": {
                "lifecycle_status": "in-use",
                "automation": "partly-automated",
                "personal_data": "yes",
            },
            "fr": {
                "accountable_role": ALL_DECLARED["fr"]["accountable_role"],
                "purpose": "Mieux cibler les vérifications.",
                "decision_role": "Propose des dossiers ; des agents choisissent lesquels vérifier.",
            },
            "en": {
                "accountable_role": ALL_DECLARED["en"]["accountable_role"],
                "purpose": "To target audits better.",
                "decision_role": "Proposes files; officers choose which to audit.",
            },
        },
    },
    {
        "id": "SY-2026-0011",
        "name": "Allô Val-Fleuri",
        "organization": "ville-fictive-val-fleuri",
        "vendors": ["boreal-analytique"],
        "technique": "generative",
        "lifecycle_status": "in-use",
        "start_month": "2025-05",
        "automation": "advisory",
        "fr": {
            "unit": "Service fictif aux citoyens",
            "summary": "Allô Val-Fleuri est un agent conversationnel qui répond aux questions sur les services de la ville.",
            "plain_summary": "Un robot répond à vos questions sur la ville. Il peut se tromper.",
            "purpose": "Répondre aux questions fréquentes jour et nuit.",
        },
        "en": {
            "unit": "Fictional citizen services",
            "summary": "Allô Val-Fleuri is a chatbot that answers questions about the town's services.",
            "plain_summary": "A robot answers your questions about the town. It can be wrong.",
            "purpose": "To answer common questions day and night.",
        },
        "declared": {
            "source": {
                "fr": "Page fictive « Notre agent conversationnel »",
                "en": "Fictional page “Our chatbot”",
            },
            "url": "https://val-fleuri.example.org/agent",
            "date": "2025-05-20",
            "values": {
                "contact": "311@val-fleuri.example.org",
                "public_page_url": "https://val-fleuri.example.org/agent",
                "lifecycle_status": "in-use",
                "start_month": "2025-05",
                "automation": "advisory",
                "personal_data": "no",
                "technique": "generative",
                "vendors": ["boreal-analytique"],
                "consultation_held": "yes",
            },
            "not_disclosed": ["training_data", "source_code_url"],
            "fr": {
                "purpose": "Répondre aux questions fréquentes jour et nuit.",
                "decision_role": "Ne décide rien : il répond et renvoie vers un employé.",
                "recourse": "Appeler le 311 pour parler à une personne.",
                "monitoring": "Des réponses relues chaque semaine par le service aux citoyens.",
            },
            "en": {
                "purpose": "To answer common questions day and night.",
                "decision_role": "Decides nothing: it answers and refers to an employee.",
                "recourse": "Call 311 to speak to a person.",
                "monitoring": "Answers reviewed every week by citizen services.",
            },
        },
    },
    {
        "id": "SY-2026-0012",
        "name": "CarteCrue",
        "organization": "ministere-fictif-environnement",
        "vendors": ["boreal-analytique"],
        "technique": "machine-learning",
        "lifecycle_status": "in-use",
        "start_month": "2024-03",
        "automation": "advisory",
        "fr": {
            "unit": "Direction fictive de l'expertise hydrique",
            "summary": "CarteCrue prévoit les zones inondables et guide les avis aux riverains.",
            "plain_summary": "Un ordinateur prévoit les inondations. Des experts envoient les alertes.",
            "purpose": "Prévoir les crues printanières.",
        },
        "en": {
            "unit": "Fictional water expertise branch",
            "summary": "CarteCrue forecasts flood zones and guides notices to residents.",
            "plain_summary": "A computer forecasts floods. Experts send the warnings.",
            "purpose": "To forecast spring floods.",
        },
    },
]

WRITTEN = {spec["name"] for spec in SYSTEMS}


def casefile_systems():
    """An entry for each other system a case file names, documented from that case file alone."""
    entries = []
    for casefile in CASE_FILES:
        if casefile["ai_system"] in WRITTEN:
            continue
        number = len(SYSTEMS) + len(entries) + 1
        entries.append(
            {
                "id": f"SY-2026-{number:04d}",
                "name": casefile["ai_system"],
                "organization": casefile["agency"],
                "vendors": [casefile["vendor"]],
                "lifecycle_status": LIFECYCLE_OF_STATUS[casefile["status"]],
                "automation": AUTOMATION_OF_CASEFILE[casefile["automation"]],
                "fr": {
                    "summary": f"{casefile['ai_system']} : système d'IA documenté par un dossier de la communauté.",
                    "plain_summary": "Un organisme public utilise ce système. Un dossier en parle.",
                },
                "en": {
                    "summary": f"{casefile['ai_system']}: an AI system documented by a community case file.",
                    "plain_summary": "A public body uses this system. A case file talks about it.",
                },
            }
        )
    return entries


SYSTEMS += casefile_systems()
