"""edx-platform's ``StudentModule`` (lms/djangoapps/courseware/models.py): a learner's state and score of one block."""
from django.conf import settings
from django.db import IntegrityError, models, transaction
from opaque_keys.edx.django.models import CourseKeyField, UsageKeyField


class StudentModule(models.Model):
    """
    One row per (learner, block, course), as the platform keeps it ("CSM"). The devhost keeps the
    block's fields in the workbench's store; here only the score the grades app reads and writes.

    .. no_pii:
    """

    module_type = models.CharField(max_length=32, default="problem", db_index=True)
    module_state_key = UsageKeyField(max_length=255, db_column="module_id")
    student = models.ForeignKey(settings.AUTH_USER_MODEL, db_index=True, on_delete=models.CASCADE)
    course_id = CourseKeyField(max_length=255, db_index=True)
    state = models.TextField(null=True, blank=True)
    grade = models.FloatField(null=True, blank=True, db_index=True)
    max_grade = models.FloatField(null=True, blank=True)
    done = models.CharField(max_length=8, default="na")
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    modified = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        app_label = "courseware"
        unique_together = (("student", "module_state_key", "course_id"),)

    def __str__(self):
        return f"{self.student_id} {self.module_state_key} {self.grade}/{self.max_grade}"


def get_score(user_id: int, usage_key):
    """The learner's stored score row of the block, or None (``lms/djangoapps/courseware/model_data.py``)."""
    return StudentModule.objects.filter(student_id=user_id, module_state_key=usage_key,
                                        course_id=usage_key.context_key).first()


def set_score(user_id: int, usage_key, score: float, max_score: float):
    """Store a score as the platform's ``set_score`` does (first writer creates the row); return its time."""
    keys = {"student_id": user_id, "module_state_key": usage_key, "course_id": usage_key.context_key}
    created = False
    try:
        with transaction.atomic():
            module, created = StudentModule.objects.get_or_create(
                defaults={"grade": score, "max_grade": max_score, "module_type": usage_key.block_type}, **keys)
    except IntegrityError:
        module = StudentModule.objects.get(**keys)
    if not created:
        module.grade, module.max_grade = score, max_score
        module.save()
    return module.modified
