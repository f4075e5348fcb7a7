"""How a bank breaks down by type, difficulty and tag (what `cadre-course check` prints)."""
from collections import Counter

from .i18n import _

KIND_NAMES = {"single": "单选 single", "multiple": "多选 multiple", "true_false": "判断 true/false"}
DIFFICULTY_NAMES = {"easy": "易 easy", "medium": "中 medium", "hard": "难 hard"}


def bank_summary(questions) -> str:
    """Counts by type, difficulty and tag, as lines of text."""
    kinds = Counter(question.kind.value for question in questions)
    difficulties = Counter(question.difficulty.value for question in questions)
    tags = Counter(tag for question in questions for tag in question.tags)
    lines = [_("{count} questions").format(count=len(questions)), _("By type:")]
    lines.extend(f"  {KIND_NAMES[kind]}: {count}" for kind, count in sorted(kinds.items()))
    lines.append(_("By difficulty:"))
    lines.extend(f"  {DIFFICULTY_NAMES[level]}: {count}" for level, count in sorted(difficulties.items()))
    lines.append(_("By tag:"))
    lines.extend(f"  {tag}: {count}" for tag, count in sorted(tags.items(), key=lambda item: (-item[1], item[0])))
    return "\n".join(lines)
