# Report exports are django-user-tasks jobs now (UserTaskStatus and its artifacts): their own table goes.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('credit_plugin', '0006_ledger_reference_index'),
    ]

    operations = [
        migrations.DeleteModel(
            name='ReportExport',
        ),
    ]
