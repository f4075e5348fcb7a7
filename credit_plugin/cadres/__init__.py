"""Cadre records: the organisation tree, cadre profiles, who may see whom, compliance and imports."""
