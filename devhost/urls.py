"""
URLs of the devhost: its own pages, the XBlock runtime's URLs, and our plugins' URLs.

Plugin URLs are added only through ``get_plugin_url_patterns``, as the LMS adds them (``devhost.plugins``).
"""
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.views.generic.base import RedirectView
from django.views.i18n import JavaScriptCatalog
from workbench import views as workbench_views

from devhost import views, xblock_views
from devhost.plugins import lms_plugin_url_patterns

devhost_patterns = [
    path("", views.home, name="home"),
    path("unit/<str:scenario_id>/", xblock_views.unit, name="unit"),
    path("studio/unit/<str:scenario_id>/", xblock_views.unit, {"page": "studio"}, name="studio_unit"),
    path("studio/preview/<str:scenario_id>/", xblock_views.unit, {"page": "preview"}, name="studio_preview"),
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
    # Pages that name no icon (the Django admin's) make the browser ask for /favicon.ico.
    path("favicon.ico", RedirectView.as_view(url=static("devhost/favicon.svg"), permanent=True)),
    # The platform's block URLs: the LMS's handlers, Studio's editor and preview handlers, block resources.
    re_path(r"^courses/(?P<course_id>[^/]+)/xblock/(?P<usage_id>[^/]+)/handler/(?P<handler>[^/]*)(?:/(?P<suffix>.*))?$",
            xblock_views.xblock_handler, name="xblock_handler"),
    re_path(r"^preview/xblock/(?P<usage_key_string>.*?)/handler/(?P<handler>[^/]*)(?:/(?P<suffix>.*))?$",
            xblock_views.preview_handler, name="preview_handler"),
    re_path(r"^xblock/resource/(?P<block_type>[^/]+)/(?P<resource>.*)$", workbench_views.package_resource,
            name="package_resource"),  # the name the XBlock SDK's runtime reverses
    re_path(r"^xblock/(?P<usage_key_string>.*?)/handler/(?P<handler>[^/]*)(?:/(?P<suffix>.*))?$",
            xblock_views.component_handler, name="component_handler"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
]

urlpatterns += lms_plugin_url_patterns()
urlpatterns += staticfiles_urlpatterns()
