"""
Every role × every endpoint × a target inside and outside their subtree.

Allowed: the answer is 200 and carries the target's data. Refused: no 200 and not a trace of the
target (403, 404 or the login page), so nobody can tell a hidden organisation from a missing one.
"""
import pytest
from django.test import Client

from tests.factories import StaffFactory, TrainingAdministratorFactory, UserFactory, cadre, union_tree

pytestmark = pytest.mark.django_db

ROLES = ("province_admin", "city_admin", "district_admin", "staff", "learner", "anonymous")
# Which roles reach a target inside the city_a → district_a branch, and one in the other city.
REACH = {
    "province_admin": {"inside", "outside"},
    "staff": {"inside", "outside"},
    "city_admin": {"inside"},
    "district_admin": {"inside"},
    "learner": set(),
    "anonymous": set(),
}
PROVINCE_ONLY = {"province_admin", "staff"}


@pytest.fixture
def world():
    orgs = union_tree()
    province_admin = UserFactory(username="p_admin")
    TrainingAdministratorFactory(user=province_admin, organisation=orgs["province"])
    city_admin = UserFactory(username="c_admin")
    TrainingAdministratorFactory(user=city_admin, organisation=orgs["city_a"])
    district_admin = UserFactory(username="d_admin")
    TrainingAdministratorFactory(user=district_admin, organisation=orgs["district_a"])
    users = {
        "province_admin": province_admin, "city_admin": city_admin, "district_admin": district_admin,
        "staff": StaffFactory(username="staff_x"), "learner": cadre(orgs["union_a"], username="self_learner"),
    }
    targets = {
        "inside": {"org": orgs["district_a"], "cadre": cadre(orgs["union_a"], username="target_in")},
        "outside": {"org": orgs["district_b"], "cadre": cadre(orgs["union_b"], username="target_out")},
    }
    return users, targets


ENDPOINTS = {
    "dashboard": lambda t: ("get", f"/cadre-credits/compliance/?org={t['org'].code}", t["cadre"].username),
    "export": lambda t: ("post", "/cadre-credits/compliance/export/", t["cadre"].username,
                         {"org": t["org"].code, "format": "csv"}),
    "rest_counts": lambda t: ("get", f"/api/cadre-credits/v1/organisations/{t['org'].code}/compliance/",
                              t["org"].code),
    "rest_cadres": lambda t: ("get", f"/api/cadre-credits/v1/organisations/{t['org'].code}/cadres/",
                              t["cadre"].username),
    "rest_learner": lambda t: ("get", f"/api/cadre-credits/v1/learners/{t['cadre'].username}/summary/",
                               f'"user_id":{t["cadre"].id}'),
    "record_page": lambda t: ("get", f"/cadre-credits/admin/?username={t['cadre'].username}", 'id="learner-title"'),
}


def client_for(role, users):
    client = Client()
    if role != "anonymous":
        client.force_login(users[role])
    return client


@pytest.mark.parametrize("where", ["inside", "outside"])
@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_exactly_its_subtree(world, role, endpoint, where):
    users, targets = world
    method, url, trace, *data = ENDPOINTS[endpoint](targets[where])
    response = getattr(client_for(role, users), method)(url, *data)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    body = body.decode("utf-8", "replace").replace(" ", "")
    if where in REACH[role]:
        assert response.status_code == 200, (role, endpoint, where, response.status_code)
        assert trace.replace(" ", "") in body
    else:
        # The record page is the administrators' lookup form: it answers a hidden learner as an unknown one.
        refusals = (302, 401, 403, 404, 200) if endpoint == "record_page" and REACH[role] else (302, 401, 403, 404)
        assert response.status_code in refusals, (role, endpoint, where, response.status_code)
        assert trace.replace(" ", "") not in body


@pytest.mark.parametrize("role", ROLES)
def test_an_adjustment_outside_the_subtree_is_not_recorded(world, role):
    from credit_plugin import api

    users, targets = world
    for where, target in targets.items():
        client_for(role, users).post("/cadre-credits/admin/adjust/", {
            "username": target["cadre"].username, "credits": "5", "hours": "2", "day": "2026-05-01",
            "reason": "补录", "request_id": f"00000000-0000-0000-0000-00000000000{len(where)}",
        })
        recorded = api.year_summary(user_id=target["cadre"].id, year=2026).credits
        assert (recorded == 5) == (where in REACH[role]), (role, where)


@pytest.mark.parametrize("url", ["/cadre-credits/admin/cadres/import/", "/cadre-credits/admin/import/"])
@pytest.mark.parametrize("role", ROLES)
def test_province_wide_imports_are_for_province_administrators(world, role, url):
    users, _ = world
    status = client_for(role, users).get(url).status_code
    assert (status == 200) == (role in PROVINCE_ONLY), (role, status)


@pytest.mark.parametrize("role", ROLES)
def test_the_organisation_list_shows_only_the_subtree(world, role):
    users, _ = world
    response = client_for(role, users).get("/api/cadre-credits/v1/organisations/")
    if role == "anonymous":
        assert response.status_code in (401, 403)
        return
    codes = {organisation["code"] for organisation in response.json()["results"]}
    expected = {
        "province_admin": 7, "staff": 7, "city_admin": {"370100", "370102", "370102001"},
        "district_admin": {"370102", "370102001"}, "learner": set(),
    }[role]
    assert codes == expected if isinstance(expected, set) else len(codes) == expected
