"""Database tables of the survey plugin. Only ``survey_plugin.api`` uses them."""
