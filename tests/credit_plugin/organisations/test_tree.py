"""The organisation tree: subtrees at any depth, moves that carry the subtree, no cycles."""
import pytest

from credit_plugin.models import Organisation
from credit_plugin.organisations import tree
from tests.factories import organisation, union_tree

pytestmark = pytest.mark.django_db


def codes(queryset):
    return sorted(queryset.values_list("code", flat=True))


def test_a_subtree_is_the_organisation_and_everything_below_it():
    orgs = union_tree()
    assert codes(tree.subtree(orgs["city_a"].path)) == ["370100", "370102", "370102001"]
    assert len(codes(tree.subtree(orgs["province"].path))) == 7


def test_moving_an_organisation_moves_its_subtree():
    orgs = union_tree()
    tree.save_organisation(code="370102", name="历下区总工会", level="district", parent=orgs["city_b"])
    assert codes(tree.subtree(orgs["city_b"].path)) == ["370102", "370102001", "370200", "370202", "370202001"]
    assert codes(tree.subtree(orgs["city_a"].path)) == ["370100"]
    union = Organisation.objects.get(code="370102001")
    assert union.path.startswith(Organisation.objects.get(code="370200").path)


def test_an_organisation_cannot_move_below_itself():
    orgs = union_tree()
    with pytest.raises(tree.TreeError):
        tree.save_organisation(code="370100", name="济南市总工会", level="city", parent=orgs["union_a"])


def test_any_depth():
    parent = organisation("L0", level="province")
    for depth in range(1, 30):
        parent = organisation(f"L{depth}", parent=parent)
    assert tree.subtree(Organisation.objects.get(code="L0").path).count() == 30
    assert tree.ancestor_ids(parent.path)[0] == Organisation.objects.get(code="L0").id


def test_a_cadres_lineage_follows_a_move_of_their_organisation(django_assert_num_queries):
    from credit_plugin import api
    from tests.factories import cadre

    orgs = union_tree()
    user = cadre(orgs["union_a"])
    assert api.cadre_profile(user_id=user.id).organisation_lineage == ("370000", "370100", "370102", "370102001")
    with django_assert_num_queries(1):  # the path's codes are remembered: one query for the profile
        api.cadre_profile(user_id=user.id)
    tree.save_organisation(code="370102", name="历下区总工会", level="district", parent=orgs["city_b"])
    assert api.cadre_profile(user_id=user.id).organisation_lineage == ("370000", "370200", "370102", "370102001")
    assert api.organisation_lineage(code="370102001") == ("370000", "370200", "370102", "370102001")
    assert api.organisation_lineage(code="no-such-code") == ()
