"""TAXII 2.1 URL map (mounted at /taxii2/)."""

app_name = "taxii"
urlpatterns: list = []
