"""Public portal views."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def home(request: HttpRequest) -> HttpResponse:
    """The portal's start page."""
    return render(request, "intake/home.html")
