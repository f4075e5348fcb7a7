"""
Empty: the survey plugin listens to no signals and declares no ``signals_config``. The package is
kept only because .importlinter's "only survey_plugin.api crosses" contract names it, and
import-linter refuses a contract naming a module that does not exist; delete the two together.
"""
