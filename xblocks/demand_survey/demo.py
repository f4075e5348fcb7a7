"""The demo survey: what newly appointed and serving cadres need to learn (used by the workbench and devhost)."""
from lxml import etree

from xblocks.demand_survey import olx
from xblocks.demand_survey.questions import Option, QuestionKind, SurveyQuestion

DEMO_TOPICS = (
    ("union-basics", "工会基础知识 ABC", "工会的性质、职能与组织制度"),
    ("union-law", "《工会法》与《劳动法》", "工会工作涉及的主要法律法规"),
    ("collective-bargaining", "集体协商与集体合同", "工资集体协商的程序与技巧"),
    ("rights-protection", "职工维权与劳动争议调解", "劳动争议调解的流程与案例"),
    ("union-finance", "工会经费与财务管理", "经费收缴、使用与审查监督"),
    ("digital-union", "智慧工会与网上服务", "线上服务职工的方法"),
)


def demo_questions() -> list[SurveyQuestion]:
    return [
        SurveyQuestion(
            id="role", kind=QuestionKind.SINGLE, prompt="您目前担任的工会职务是？",
            options=(Option("chair", "工会主席"), Option("vice", "工会副主席"), Option("staff", "专职工会干部"),
                     Option("part_time", "兼职工会干部")),
        ),
        SurveyQuestion(
            id="topics", kind=QuestionKind.TOPICS, prompt="您最需要学习哪些内容？（最多选 3 项，按需要程度排序）",
            max_picks=3, ranked=True,
        ),
        SurveyQuestion(
            id="formats", kind=QuestionKind.MULTIPLE, prompt="您喜欢哪些学习形式？（最多选 2 项）", max_picks=2,
            options=(Option("video", "短视频微课"), Option("live", "直播讲座"), Option("case", "案例研讨"),
                     Option("quiz", "闯关答题")),
        ),
        SurveyQuestion(
            id="usefulness", kind=QuestionKind.RATING, prompt="现有课程对您的工作帮助有多大？",
            low_label="帮助很小", high_label="帮助很大",
        ),
        SurveyQuestion(
            id="times", kind=QuestionKind.RANKING, prompt="请按方便程度给学习时间排序",
            options=(Option("morning", "早上"), Option("lunch", "午休"), Option("evening", "晚上"),
                     Option("weekend", "周末")), required=False,
        ),
        SurveyQuestion(id="wish", kind=QuestionKind.TEXT, prompt="您还希望增加哪些课程？", required=False,
                       max_length=500),
    ]


def demo_survey_xml() -> str:
    node = etree.Element("demand_survey", display_name="工会干部学习需求调查", anonymous="true", show_results="true")
    olx.write_children(node, "请花两分钟告诉我们您需要学什么：我们会按大家的需要安排课程（变“送餐”为“点餐”）。",
                       demo_questions())
    return etree.tostring(node, encoding="unicode")
