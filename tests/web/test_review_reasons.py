"""The review page shows each proposal's reasons in words, each tagged with its code."""

from __future__ import annotations

import re

from pursuit.resolve.resolution import resolve_persons
from pursuit.store.workspace import Workspace
from tests.resolve.builders import add_document
from tests.signin import signed_client


def test_the_review_page_prints_reasons_in_words(ws: Workspace) -> None:
    add_document(
        ws,
        "Abu Hafs al-Jazrawi and Abou Hafs al-Jazraoui are named.",
        ["Abu Hafs al-Jazrawi", "Abou Hafs al-Jazraoui"],
    )
    resolve_persons(ws)
    with signed_client(ws) as client:
        page = client.get("/review").text
    shown = re.search(r'data-code="model_probability">model probability (\d\.\d{3})<', page)
    assert shown is not None, page
    assert 'data-code="kunya_equal">kunya equal<' in page
