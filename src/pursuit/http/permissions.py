"""Which permission each route needs: one table, checked before any route runs.

Every endpoint of the app is named here by `module:function`. A route missing from the table is
refused for everyone (fail closed), and the suite enumerates the app's routes and fails on any
route missing here, so a new route cannot be served without a decision about who may use it.
The table says what a user must be allowed somewhere; routes about one case's records (an item,
an entity, a mention, a proposed pair) then check the user's role in that very case, answering
404 when the user has no role there at all, so that a case's existence stays secret, and
listings (items, cases, search, entities, the custody log, the review queue, judgements,
screening) keep only the cases the user may read (`http.scope`, `http.screening`).

Verification, checkpoints and resolution runs span the whole workspace (a verification report
names items of every case; a run compares the persons of every case): beyond the permission
named here they need it in every case, which administrators and users given a role for all
cases have (`http.scope.require_everywhere`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import Request

from pursuit.errors import AccessDenied
from pursuit.http.auth import current_principal
from pursuit.security.roles import Permission

__all__ = ["PUBLIC", "ROUTE_PERMISSIONS", "SIGNED_IN", "authorize", "endpoint_key"]

PUBLIC = "public"  # reachable without signing in: signing in itself
SIGNED_IN = "signed_in"  # any signed-in user: their own session

P = Permission
ROUTE_PERMISSIONS: dict[str, Permission | str] = {
    # REST API
    "api.cases:cases_list": P.READ,
    "api.cases:case_detail": P.READ,
    "api.items:items_list": P.READ,
    "api.items:item_detail": P.READ,
    "api.items:item_text_route": P.READ,
    "api.items:item_blob": P.READ,
    "api.items:item_upload": P.INGEST,
    "api.custody:custody_log": P.READ,
    "api.custody:item_custody": P.READ,
    "api.search:search_items": P.READ,
    "api.entities:entities_list": P.READ,
    "api.entities:entity_detail": P.READ,
    "api.entities:entity_dossier": P.EXPORT,
    "api.package:entity_package": P.EXPORT,
    "api.exchange:export_ftm_route": P.EXPORT,
    "api.corrections:correct_one_mention": P.CORRECT,
    "api.corrections:correct_one_entity": P.CORRECT,
    "api.corrections:corrections_list": P.READ,
    "api.verify:verify": P.VERIFY,  # and in every case: workspace-wide
    "api.verify:checkpoint": P.VERIFY,  # and in every case: workspace-wide
    "api.identity:screen": P.SCREEN,
    "api.identity:screen_decide": P.JUDGE,
    "api.identity:reconcile_get": P.SCREEN,
    "api.identity:reconcile_post": P.SCREEN,
    "api.identity:review": P.READ,
    "api.identity:review_run": P.JUDGE,  # and in every case: workspace-wide
    "api.identity:review_decide": P.JUDGE,
    "api.identity:review_bulk": P.JUDGE,
    "api.identity:judgements_list": P.READ,
    "api.identity:judgements_add": P.JUDGE,
    "api.identity:judgements_withdraw": P.JUDGE,
    "api.roles:roles_list": P.READ,
    "api.roles:role_get": P.READ,
    "api.roles:role_set": P.CORRECT,
    "web.role_pages:role_form": P.CORRECT,
    "api.names:compare": P.READ,
    "api.names:parse": P.READ,
    "api.claims:claims_list": P.READ,
    "api.claims:claims_add": P.CORRECT,
    "api.claims:claims_reject": P.CORRECT,
    "api.claims:claims_grade": P.CORRECT,
    "api.claims:claims_history": P.READ,
    "api.claims:contradictions_list": P.READ,
    "api.claims:contradictions_resolve": P.CORRECT,
    "web.claims_pages:claims_page": P.READ,
    "web.claims_pages:claims_grade_form": P.CORRECT,
    "web.claims_pages:claims_reject_form": P.CORRECT,
    "web.claims_pages:claims_resolve_form": P.CORRECT,
    "api.incidents:incidents_list": P.READ,
    "api.incidents:incident_detail": P.READ,
    "api.incidents:incident_merge": P.CORRECT,
    "api.incidents:incident_split": P.CORRECT,
    "api.incidents:incident_element_status": P.CORRECT,
    "web.incident_pages:incidents_page": P.READ,
    "web.incident_pages:incident_page": P.READ,
    "web.incident_pages:incident_merge_form": P.CORRECT,
    "web.incident_pages:incident_split_form": P.CORRECT,
    "web.incident_pages:incident_element_form": P.CORRECT,
    "api.watch:watch_list": P.READ,
    "api.watch:watch_add": P.CORRECT,
    "api.watch:watch_remove": P.CORRECT,
    "api.watch:alerts_list": P.READ,
    "api.watch:alert_dismiss": P.CORRECT,
    "web.watch_pages:alerts_page": P.READ,
    "web.watch_pages:alert_dismiss_form": P.CORRECT,
    "web.watch_pages:watch_form": P.CORRECT,
    "web.watch_pages:unwatch_form": P.CORRECT,
    # the app itself
    "app:openapi_document": P.READ,
    "app:api_docs": P.READ,
    # web UI
    "web.evidence_pages:home": P.READ,
    "web.evidence_pages:cases": P.READ,
    "web.evidence_pages:case": P.READ,
    "web.evidence_pages:items": P.READ,
    "web.evidence_pages:item": P.READ,
    "web.evidence_pages:upload": P.INGEST,
    "web.evidence_pages:verify_form": P.VERIFY,  # and in every case: workspace-wide
    "web.evidence_pages:verify_run": P.VERIFY,  # and in every case: workspace-wide
    "web.inquiry_pages:search": P.READ,
    "web.inquiry_pages:entities": P.READ,
    "web.inquiry_pages:entity": P.READ,
    "web.inquiry_pages:dossier": P.READ,
    "web.inquiry_pages:dossier_pdf": P.EXPORT,
    "web.package_pages:package_form": P.EXPORT,
    "web.review_routes:review_page": P.READ,
    "web.review_routes:review_decide": P.JUDGE,
    "web.review_routes:review_history": P.READ,
    "web.correction_pages:entity_form": P.CORRECT,
    "web.correction_pages:mention_form": P.CORRECT,
    "web.identity_pages:names_page": P.READ,
    "web.identity_pages:names_compare": P.READ,
    "web.identity_pages:screen_page": P.SCREEN,
    "web.identity_pages:screen_names": P.SCREEN,
    "web.identity_pages:screen_decide": P.JUDGE,
    "web.admin_pages:people_page": P.ADMIN,
    "web.admin_pages:people_add": P.ADMIN,
    "web.admin_pages:people_grant": P.ADMIN,
    "web.admin_pages:people_revoke": P.ADMIN,
    "web.witness_pages:witnesses_page": P.WITNESS_MANAGE,
    "web.witness_pages:witness_reveal": P.WITNESS_REVEAL,
    "web.static_pages:style_sheet": PUBLIC,
    "web.signin_pages:signin_page": PUBLIC,
    "web.signin_pages:signin": PUBLIC,
    "web.signin_pages:signin_link": PUBLIC,
    "web.signin_pages:signout": SIGNED_IN,
    "web.signin_pages:reauth_page": SIGNED_IN,
    "web.signin_pages:reauth": SIGNED_IN,
}


def endpoint_key(endpoint: Callable[..., Any] | None) -> str:
    """`module:function` of an endpoint, without the `pursuit.` prefix."""
    if endpoint is None:
        return ""
    return f"{endpoint.__module__.removeprefix('pursuit.')}:{endpoint.__name__}"


async def authorize(request: Request) -> None:
    """The check every route runs first: signed in, and allowed what the table says."""
    key = endpoint_key(request.scope.get("endpoint"))
    needed = ROUTE_PERMISSIONS.get(key)
    if needed is None:
        raise AccessDenied(f"the route {key or request.url.path} declares no permission")
    if needed == PUBLIC:
        return
    principal = await current_principal(request)
    if needed == SIGNED_IN:
        return
    permission = Permission(needed)
    if not principal.can(permission):
        what = permission.value.replace("_", " ")
        raise AccessDenied(f"{principal.name} may not {what} in any case")
