"""Question banks of any size for tests, varied as a province's bank is (kinds, difficulties, tags)."""
from question_bank.api import OPTION_IDS, Difficulty, Option, Question, QuestionKind

TAGS = ("工会法", "工会章程", "工会经费", "民主管理", "劳动合同法", "安全生产", "女职工权益", "集体协商")


def generated_bank(count: int) -> list[Question]:
    """``count`` questions with opaque ids; the answers vary, so an id or position reveals none of them."""
    kinds, levels = list(QuestionKind), list(Difficulty)
    questions = []
    for number in range(count):
        kind = kinds[number % len(kinds)]
        if kind == QuestionKind.TRUE_FALSE:
            options = (Option("T", "正确"), Option("F", "错误"))
            answer = ("T",) if number % 7 < 4 else ("F",)
        else:
            options = tuple(Option(letter, f"第{number}题选项{letter}：依法维护职工权益") for letter in OPTION_IDS[:4])
            answer = (OPTION_IDS[number * 7 % 4],) if kind == QuestionKind.SINGLE else (
                OPTION_IDS[number % 4], OPTION_IDS[(number + 2) % 4])
        questions.append(Question(
            id=f"q{(number * 7919) % 100000:05d}", kind=kind,
            stem=f"第{number}题：根据《中华人民共和国工会法》，下列说法正确的是（ ）。",
            options=options, answer=answer, explanation="参见工会法相关条款。",
            difficulty=levels[number % len(levels)], tags=(TAGS[number % len(TAGS)],),
        ))
    return questions
