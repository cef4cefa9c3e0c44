from django.db import migrations


def load_defaults(apps, schema_editor):
    from moderation import defaults

    defaults.defaults_load(
        flag_rule_model=apps.get_model("moderation", "FlagRule"),
        treatment_model=apps.get_model("moderation", "Treatment"),
        ruleset_version_model=apps.get_model("moderation", "RulesetVersion"),
    )


class Migration(migrations.Migration):
    dependencies = [("moderation", "0003_pipeline_and_queue")]

    operations = [migrations.RunPython(load_defaults, migrations.RunPython.noop)]
