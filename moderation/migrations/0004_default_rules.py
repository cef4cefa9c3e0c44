from django.db import migrations


def load_defaults(apps, schema_editor):
    from moderation import defaults

    FlagRule = apps.get_model("moderation", "FlagRule")
    Treatment = apps.get_model("moderation", "Treatment")
    RulesetVersion = apps.get_model("moderation", "RulesetVersion")
    for rule in defaults.detector_rule_defaults():
        FlagRule.objects.get_or_create(name=rule["name"], defaults=rule)
    for treatment in defaults.treatment_defaults():
        Treatment.objects.get_or_create(name=treatment["name"], defaults=treatment)
    RulesetVersion.objects.create(reason="Default rules and treatment lexicon")


class Migration(migrations.Migration):
    dependencies = [("moderation", "0003_pipeline_and_queue")]

    operations = [migrations.RunPython(load_defaults, migrations.RunPython.noop)]
