"""URLs the survey plugin adds to the LMS and Studio (mounted by edx-django-utils' plugin framework)."""
from django.urls import include, path, re_path

from survey_plugin import views

urlpatterns = [
    path("api/cadre-surveys/v1/", include(("survey_plugin.rest_api.v1.urls", "v1"))),
    path("cadre-surveys/demand/", views.demand_dashboard, name="demand_dashboard"),
    path("cadre-surveys/demand/export/", views.demand_export, name="demand_export"),
    re_path(r"^cadre-surveys/courses/(?P<course_key>course-v1:[^/]+)/demand/$", views.course_demand,
            name="course_demand"),
    path("cadre-surveys/exports/<uuid:task_id>/", views.response_export, name="response_export"),
    path("cadre-surveys/exports/<uuid:task_id>/download/", views.response_export_download,
         name="response_export_download"),
]
