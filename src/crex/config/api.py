"""The REST API object: version 1 with the routers of each capability."""

from ninja import NinjaAPI

from crex.intake.api.errors import install_problem_handlers
from crex.intake.api.reports import router as reports_router

api = NinjaAPI(
    title="crex API",
    version="1",
    description="Report cybercrime and read reports your organisation may see.",
    urls_namespace="api",
)
install_problem_handlers(api)
api.add_router("/v1/reports", reports_router)
