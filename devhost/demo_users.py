"""The devhost's demo logins: one per kind of person who uses the system."""
from dataclasses import dataclass


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    full_name: str
    role: str
    is_staff: bool = False
    is_superuser: bool = False
    # The organisation (code) whose subtree the user administers training for, if any.
    administers: str = ""
    course_staff: bool = False


DEMO_USERS = (
    DemoUser("learner", "learner-demo", "王小纲", "learner, a grassroots union cadre in 济南市 (基层工会干部)"),
    # Course staff of the demo course, not global staff (who would see every organisation's cadres).
    DemoUser("author", "author-demo", "李文", "course author, staff of the demo course (课程作者)",
             course_staff=True),
    # Not staff: global staff are province administrators and would see every city.
    DemoUser("org_admin", "org-admin-demo", "张明",
             "training administrator of 济南市总工会 and the organisations below it (济南市总工会培训管理员)",
             administers="370100"),
    DemoUser("province_admin", "province-admin-demo", "赵华", "province administrator, 山东省总工会 (省总管理员)",
             is_staff=True, is_superuser=True, administers="370000"),
)
