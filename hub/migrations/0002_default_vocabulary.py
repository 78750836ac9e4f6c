"""The default vocabulary of services, regions and risks, in French and English.

Frozen here on purpose: later edits happen in the admin, not by changing this file."""

import uuid

from django.db import migrations

SERVICES = [
    ("sante", "Santé", "Health"),
    ("services-sociaux", "Services sociaux", "Social services"),
    ("education", "Éducation", "Education"),
    ("emploi-solidarite", "Emploi et solidarité sociale", "Employment and social solidarity"),
    ("immigration", "Immigration", "Immigration"),
    ("securite-publique", "Sécurité publique", "Public safety"),
    ("justice", "Justice", "Justice"),
    ("transport", "Transport", "Transportation"),
    ("habitation", "Habitation", "Housing"),
    ("fiscalite", "Fiscalité", "Taxation"),
    ("services-municipaux", "Services municipaux", "Municipal services"),
    ("environnement", "Environnement", "Environment"),
]

REGIONS = [
    ("bas-saint-laurent", "01", "Bas-Saint-Laurent", "Bas-Saint-Laurent"),
    ("saguenay-lac-saint-jean", "02", "Saguenay–Lac-Saint-Jean", "Saguenay–Lac-Saint-Jean"),
    ("capitale-nationale", "03", "Capitale-Nationale", "Capitale-Nationale"),
    ("mauricie", "04", "Mauricie", "Mauricie"),
    ("estrie", "05", "Estrie", "Estrie"),
    ("montreal", "06", "Montréal", "Montréal"),
    ("outaouais", "07", "Outaouais", "Outaouais"),
    ("abitibi-temiscamingue", "08", "Abitibi-Témiscamingue", "Abitibi-Témiscamingue"),
    ("cote-nord", "09", "Côte-Nord", "Côte-Nord"),
    ("nord-du-quebec", "10", "Nord-du-Québec", "Nord-du-Québec"),
    ("gaspesie-iles-de-la-madeleine", "11", "Gaspésie–Îles-de-la-Madeleine", "Gaspésie–Îles-de-la-Madeleine"),
    ("chaudiere-appalaches", "12", "Chaudière-Appalaches", "Chaudière-Appalaches"),
    ("laval", "13", "Laval", "Laval"),
    ("lanaudiere", "14", "Lanaudière", "Lanaudière"),
    ("laurentides", "15", "Laurentides", "Laurentides"),
    ("monteregie", "16", "Montérégie", "Montérégie"),
    ("centre-du-quebec", "17", "Centre-du-Québec", "Centre-du-Québec"),
    ("tout-le-quebec", "", "Tout le Québec", "All of Québec"),
]

RISKS = [
    ("discrimination", "Discrimination", "Discrimination"),
    ("vie-privee", "Vie privée", "Privacy"),
    ("surveillance", "Surveillance", "Surveillance"),
    ("opacite", "Opacité", "Opacity"),
    ("erreurs", "Erreurs", "Errors"),
    ("exclusion-numerique", "Exclusion numérique", "Digital exclusion"),
    ("absence-de-recours", "Absence de recours", "No means of appeal"),
    ("conditions-de-travail", "Conditions de travail", "Working conditions"),
]


def create_vocabulary(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    french, _ = Locale.objects.get_or_create(language_code="fr")
    english, _ = Locale.objects.get_or_create(language_code="en")

    def create(model_name, rows, extra=lambda row: {}):
        model = apps.get_model("hub", model_name)
        for order, row in enumerate(rows, start=1):
            key, fr_label, en_label = row[0], row[-2], row[-1]
            translation_key = uuid.uuid4()
            for locale, label in ((french, fr_label), (english, en_label)):
                model.objects.get_or_create(
                    key=key,
                    locale=locale,
                    defaults={
                        "label": label,
                        "sort_order": order,
                        "translation_key": translation_key,
                        **extra(row),
                    },
                )

    create("Service", SERVICES)
    create("Region", REGIONS, extra=lambda row: {"code": row[1]})
    create("Risk", RISKS)


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_vocabulary, migrations.RunPython.noop)]
