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


DEMO_USERS = (
    DemoUser("learner", "learner-demo", "王小纲", "learner (基层工会干部)"),
    DemoUser("author", "author-demo", "李文", "course author (课程作者)", is_staff=True),
    DemoUser("org_admin", "org-admin-demo", "张明", "organisation training administrator (组织培训管理员)",
             is_staff=True),
    DemoUser("province_admin", "province-admin-demo", "赵华", "province administrator (省总管理员)",
             is_staff=True, is_superuser=True),
)
