"""
URLs of the devhost: its own pages, the XBlock runtime's URLs, and our plugins' URLs.

Plugin URLs are added only through ``get_plugin_url_patterns``, as the LMS adds them.
"""
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path, re_path
from django.views.i18n import JavaScriptCatalog
from edx_django_utils.plugins import get_plugin_url_patterns
from workbench import views as workbench_views

from devhost import views
from devhost.plugins import LMS

devhost_patterns = [
    path("", views.home, name="home"),
    path("unit/<str:scenario_id>/", views.unit, name="unit"),
    path("unit/<str:scenario_id>/<str:view_name>/", views.unit, name="unit_view"),
    path("course-exports/<str:name>", views.course_download, name="course_download"),
    path("lms-bridge/", views.bridge, name="bridge"),
    path("lms-bridge/<str:action>/", views.bridge_action, name="bridge_action"),
]

urlpatterns = [
    path("", include((devhost_patterns, "devhost"))),
    path("login/", auth_views.LoginView.as_view(template_name="devhost/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    # The names below are the ones the XBlock SDK's runtime reverses.
    re_path(
        r"^handler/(?P<usage_id>[^/]+)/(?P<handler_slug>[^/]*)(?:/(?P<suffix>.*))?$",
        views.handler,
        name="handler",
    ),
    re_path(
        r"^resource/(?P<block_type>[^/]+)/(?P<resource>.*)$",
        workbench_views.package_resource,
        name="package_resource",
    ),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
]

urlpatterns += get_plugin_url_patterns(LMS)
urlpatterns += staticfiles_urlpatterns()
