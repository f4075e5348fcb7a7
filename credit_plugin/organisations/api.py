"""
The organisations applet's public API: the tree, cadres, administrators and who may see what.
Returns frozen data (``data.py``), never models.
"""
from credit_plugin.organisations.administrators import (
    administered_subtrees,
    administrators_of,
    assign_training_administrator,
    import_training_administrators,
)
from credit_plugin.organisations.cadre_import import import_cadres
from credit_plugin.organisations.data import (
    AdministratorImportResult,
    CadreCategory,
    CadreDates,
    CadreImportResult,
    CadreProfileData,
    CadreRow,
    CadreStatus,
    OrganisationData,
    OrganisationLevel,
    PendingRow,
    PlannedAssignment,
    PlannedCadre,
    PlannedOrganisation,
)
from credit_plugin.organisations.invitations import invite as invite_pending_cadres
from credit_plugin.organisations.people import (
    Account,
    accounts_by,
    contacts_of,
    name_of,
    names_of,
    user_ids_by_username,
)
from credit_plugin.organisations.permissions import (
    can_change_learner,
    can_view_learner,
    is_credit_admin,
    is_province_admin,
    require_admin,
    require_province_admin,
)
from credit_plugin.organisations.profiles import (
    cadre_ids,
    cadre_organisation_path,
    cadre_profile,
    children,
    codes_below,
    organisation,
    organisation_lineage,
    pending_cadres,
    root_organisation_name,
    save_organisation,
    serving_cadre_dates,
    serving_cadre_ids,
    serving_cadres,
    users_by_employee_number,
)
from credit_plugin.organisations.tree import TreeError
from credit_plugin.organisations.visibility import (
    UnknownOrganisation,
    can_see_organisation,
    report_organisations,
    top_organisations,
    visible_organisation,
    visible_organisations,
)

__all__ = [
    # The tree
    "OrganisationData",
    "OrganisationLevel",
    "TreeError",
    "children",
    "codes_below",
    "organisation",
    "organisation_lineage",
    "root_organisation_name",
    "save_organisation",
    # Cadres
    "CadreCategory",
    "CadreDates",
    "CadreProfileData",
    "CadreRow",
    "CadreStatus",
    "cadre_ids",
    "cadre_organisation_path",
    "cadre_profile",
    "serving_cadre_dates",
    "serving_cadre_ids",
    "serving_cadres",
    "users_by_employee_number",
    # Cadres without an account yet: invited, registered when they accept
    "PendingRow",
    "invite_pending_cadres",
    "pending_cadres",
    # People
    "Account",
    "accounts_by",
    "contacts_of",
    "name_of",
    "names_of",
    "user_ids_by_username",
    # Who may see what
    "UnknownOrganisation",
    "can_change_learner",
    "can_see_organisation",
    "can_view_learner",
    "is_credit_admin",
    "is_province_admin",
    "report_organisations",
    "require_admin",
    "require_province_admin",
    "top_organisations",
    "visible_organisation",
    "visible_organisations",
    # Administrators
    "AdministratorImportResult",
    "PlannedAssignment",
    "administered_subtrees",
    "administrators_of",
    "assign_training_administrator",
    "import_training_administrators",
    # Importing organisations and cadres
    "CadreImportResult",
    "PlannedCadre",
    "PlannedOrganisation",
    "import_cadres",
]
