"""The web UI's routes: plain server-rendered pages, mounted by `create_app` at `/`."""

from __future__ import annotations

from fastapi import APIRouter

from pursuit.web import (
    admin_pages,
    claims_pages,
    correction_pages,
    evidence_pages,
    identity_pages,
    incident_pages,
    inquiry_pages,
    package_pages,
    review_routes,
    role_pages,
    signin_pages,
    static_pages,
    watch_pages,
    witness_pages,
)

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
router.include_router(evidence_pages.router)
router.include_router(inquiry_pages.router)
router.include_router(review_routes.router)
router.include_router(correction_pages.router)
router.include_router(identity_pages.router)
router.include_router(signin_pages.router)
router.include_router(static_pages.router)
router.include_router(admin_pages.router)
router.include_router(witness_pages.router)
router.include_router(claims_pages.router)
router.include_router(incident_pages.router)
router.include_router(role_pages.router)
router.include_router(watch_pages.router)
router.include_router(package_pages.router)
