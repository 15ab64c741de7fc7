"""Case pages (mounted at ``/workspace/cases/``): the list, one case and its actions, the
inbox of referrals received; cases and referrals are addressed by number."""

from django.urls import path

from crex.cases import views
from crex.sharing import downloads

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("inbox/", views.inbox, name="inbox"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/graph/", views.graph, name="graph"),
    path("<int:pk>/accept/", views.accept, name="accept"),
    path("<int:pk>/close/", views.close, name="close"),
    path("<int:pk>/handling/", views.change_handling, name="handling"),
    path("<int:pk>/export/<str:form>/", downloads.case_download, name="export"),
    path("<int:pk>/merge/", views.merge, name="merge"),
    path("<int:pk>/split/", views.split, name="split"),
    path("<int:pk>/move/", views.move, name="move"),
    path("<int:pk>/refer/", views.refer, name="refer"),
    path("referrals/<int:pk>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("referrals/<int:pk>/answer/", views.answer, name="answer"),
]
