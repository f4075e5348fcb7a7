"""Every page of the plugin renders inside the base template the LMS (or its theme) names."""
from django.shortcuts import render

from credit_plugin import config


def page(request, template: str, context: dict, *, status: int = 200):
    return render(request, template, {"base_template": config.get("CADRE_TRAINING_BASE_TEMPLATE"), **context},
                  status=status)
