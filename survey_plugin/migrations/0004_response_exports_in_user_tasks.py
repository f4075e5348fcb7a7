"""
Response exports are django-user-tasks jobs now: their table goes. The files it points at say who
answered what, so each is deleted from storage first; nothing would find them afterwards.
"""
from django.db import migrations


def delete_export_files(apps, schema_editor):
    for export in apps.get_model("survey_plugin", "ResponseExport").objects.exclude(file="").iterator():
        export.file.delete(save=False)


class Migration(migrations.Migration):

    dependencies = [
        ('survey_plugin', '0003_response_exports'),
    ]

    operations = [
        migrations.RunPython(delete_export_files, migrations.RunPython.noop, elidable=True),
        migrations.DeleteModel(
            name='ResponseExport',
        ),
    ]
