"""
The README's "Try it" flows, walked in order as written, on the seeded demo: every page a step names
opens for the role the step names, and every label the README quotes (培训达标情况, 在 Studio 中编辑…)
is a link on the home page to the path the README gives. A step whose words no longer match the
pages fails here. The screenshots, one per flow, are the README's tour (docs/tour/).
"""
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from devhost.demo_users import DEMO_USERS
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
REPO_ROOT = Path(__file__).resolve().parents[2]
TOUR = REPO_ROOT / "docs" / "tour"
FLOW = re.compile(r"^- \*\*(?P<title>[^*:]+):\*\* (?P<text>.*?)(?=^- \*\*|^\s*$)", re.M | re.S)
ROLE = re.compile(r"as `(?P<role>learner|author|org_admin|province_admin)`")
# "open 培训达标情况 (`/cadre-credits/compliance/`)", "follow 在 Studio 中编辑", "under 我的培训档案"
LABEL = re.compile(r"\b(?:open|follow|under|or) (?P<label>[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z ]*[\u4e00-\u9fff])"
                   r"(?: \(`(?P<path>/[^`<]*)`)?")
PATH = re.compile(r"`(?P<path>/[^`<]*)`")


def readme_flows() -> list[tuple[str, str]]:
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Try it"):]
    section = section[:section.index("\n## ", 4)]
    return [(match["title"], " ".join(match["text"].split())) for match in FLOW.finditer(section)]


def test_the_readme_names_its_flows():
    titles = [title for title, _ in readme_flows()]
    assert titles == ["Compliance", "Authoring", "Credits and a certificate", "Demand survey"]


def test_every_readme_flow_works_as_written_for_its_roles(live_server, chromium):
    call_command("seed_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    passwords = {user.username: user.password for user in DEMO_USERS}
    TOUR.mkdir(parents=True, exist_ok=True)
    for title, text in readme_flows():
        steps = re.split(r"(?=as `(?:learner|author|org_admin|province_admin)`)", text)
        for number, step in enumerate(steps):
            role = ROLE.search(step)
            if role is None:
                continue
            context = chromium.new_context(viewport={"width": 1024, "height": 900}, locale="zh-CN")
            page = context.new_page()
            log_in(page, live_server.url, role["role"], passwords[role["role"]])
            home_links = page.eval_on_selector_all(
                "main a", "links => links.map(a => [a.innerText, new URL(a.href).pathname])")
            for label in LABEL.finditer(step):
                found = [path for link_text, path in home_links if label["label"] in link_text]
                assert found, f"{title}: the README says {label['label']!r}; the home page has no such link"
                if label["path"]:
                    assert label["path"].split("?")[0] in found, (title, label["label"], found)
            for path in PATH.findall(step):
                response = page.goto(f"{live_server.url}{path}")
                assert response.status < 400, f"{title}: {path} as {role['role']} is {response.status}"
            slug = re.sub(r"[^a-z]+", "-", title.lower()).strip("-")
            page.screenshot(path=str(TOUR / f"{slug}-{number}-{role['role']}.png"), full_page=False)
            context.close()
