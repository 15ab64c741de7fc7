"""URL map: public portal at /, analyst workspace at /workspace/ (cases at
/workspace/cases/), REST API at /api/, TAXII 2.1 at /taxii2/."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from crex.config.api import api

urlpatterns = [
    path("", include("crex.intake.urls")),
    path("workspace/cases/", include("crex.cases.urls")),
    path("workspace/exports/", include("crex.sharing.urls")),
    path("workspace/", include("crex.reports.urls")),
    path("api/", api.urls),
    path("taxii2/", include("crex.sharing.taxii.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("favicon.ico", RedirectView.as_view(url=static("crex/favicon.svg"), permanent=True)),
]
