"""One profile per person: every edge reads the same mentions, spellings and properties."""

from __future__ import annotations

import pytest

from pursuit.cases.dossier import build_dossier
from pursuit.corrections import CorrectionAction
from pursuit.entities import EntityType
from pursuit.errors import AmbiguousEntity, DecisionConflict, InputError, UnknownEntity
from pursuit.resolve.decisions import correct_identity, record_decision
from pursuit.resolve.judgements import Decision, judgement_history
from pursuit.resolve.profiles import NameSource, get_profile, list_profiles
from pursuit.store.workspace import Workspace

from .builders import add_document

EN = "The emir Abu Hafs al-Jazrawi ordered it; he was seen at the bridge."
FR = "L'émir Abou Hafs al-Jazraoui a ordonné l'exécution."
AR = "قال الشاهد إن الأمير أبو حفص الجزراوي أمر بالإعدام."
OTHER = "Abu Hafs al-Masri, an Egyptian, commanded the checkpoint."


def _three(ws: Workspace) -> dict[str, str]:
    ids: dict[str, str] = {}
    ids |= add_document(ws, EN, ["Abu Hafs al-Jazrawi"], "en.txt", {"Abu Hafs al-Jazrawi": "SA"})
    ids |= add_document(ws, FR, ["Abou Hafs al-Jazraoui"], "fr.txt")
    ids |= add_document(ws, AR, ["أبو حفص الجزراوي"], "ar.txt")
    ids |= add_document(ws, OTHER, ["Abu Hafs al-Masri"], "other.txt", {"Abu Hafs al-Masri": "EG"})
    return ids


def _merge_jazrawi(ws: Workspace, ids: dict[str, str]) -> None:
    with ws.write() as conn:
        for spelling in ("Abou Hafs al-Jazraoui", "أبو حفص الجزراوي"):
            correct_identity(conn, ids[spelling], "merge", ids["Abu Hafs al-Jazrawi"], "ana", "x")


def test_a_merged_person_is_one_profile_everywhere(ws: Workspace) -> None:
    ids = _three(ws)
    _merge_jazrawi(ws, ids)
    with ws.read() as conn:
        people = list_profiles(conn, "person")
        assert len(people) == 2
        jazrawi = next(p for p in people if "Abu Hafs al-Jazrawi" in [p.name, *p.aliases])
        assert jazrawi.mention_count == 3 and len(jazrawi.item_ids) == 3
        spellings = {s.text: s.items for s in jazrawi.spellings}
        assert set(spellings) == {
            "Abu Hafs al-Jazrawi",
            "Abou Hafs al-Jazraoui",
            "أبو حفص الجزراوي",
        }
        assert jazrawi.properties["nationality"] == ["SA"]
        assert jazrawi.attested["nationality"][0].items == spellings["Abu Hafs al-Jazrawi"]
        # by id of any member, or by any spelling, the same profile and all its mentions
        for ref in [*ids.values()][:3] + ["Abou Hafs al-Jazraoui", "أبو حفص الجزراوي"]:
            dossier = build_dossier(conn, ref)
            assert dossier.entity.id == jazrawi.id
            assert len(dossier.mentions) == jazrawi.mention_count == 3
        assert "EG" not in jazrawi.properties["nationality"]


def test_display_name_is_a_spelling_sources_use(ws: Workspace) -> None:
    ids = add_document(ws, AR, ["أبو حفص الجزراوي"], "ar.txt")
    with ws.read() as conn:
        profile = get_profile(conn, ids["أبو حفص الجزراوي"])
    assert profile.name == "أبو حفص الجزراوي"  # not the folded label ابو
    assert profile.name_source is NameSource.SOURCES
    more = "Abu Hafs was there. Abu Hafs al-Jazrawi too; Abu Hafs al-Jazrawi again."
    ids = add_document(ws, more, ["Abu Hafs", "Abu Hafs al-Jazrawi"], "b.txt")
    with ws.write() as conn:
        correct_identity(conn, ids["Abu Hafs"], "merge", ids["Abu Hafs al-Jazrawi"], "ana", "x")
        merged = get_profile(conn, "Abu Hafs")
    assert merged.name == "Abu Hafs al-Jazrawi"  # the fuller spelling the same item supports


def test_a_rename_names_the_whole_profile(ws: Workspace) -> None:
    ids = _three(ws)
    _merge_jazrawi(ws, ids)
    with ws.write() as conn:
        correct_identity(
            conn, ids["أبو حفص الجزراوي"], "rename", "Abu Hafs al-Jazrawi (emir)", "ana"
        )
        profile = get_profile(conn, ids["Abou Hafs al-Jazraoui"])
    assert profile.name == "Abu Hafs al-Jazrawi (emir)"
    assert profile.name_source is NameSource.REVIEWER
    assert "Abu Hafs al-Jazrawi" in profile.aliases


def test_a_whole_entity_retype_changes_its_type(ws: Workspace) -> None:
    ids = add_document(ws, "Hisba patrols passed by.", ["Hisba"], "h.txt")
    with ws.write() as conn:
        correct_identity(conn, ids["Hisba"], "retype", "organization", "ana", "a police body")
        assert [p.id for p in list_profiles(conn, "person")] == []
        orgs = list_profiles(conn, EntityType.ORGANIZATION)
    assert [p.id for p in orgs] == [ids["Hisba"]] and orgs[0].type is EntityType.ORGANIZATION


def test_a_contradicting_same_is_refused_naming_the_earlier_decision(ws: Workspace) -> None:
    ids = _three(ws)
    jazrawi, masri = ids["Abu Hafs al-Jazrawi"], ids["Abu Hafs al-Masri"]
    with ws.write() as conn:
        record_decision(conn, jazrawi, masri, Decision.NOT_SAME, "ana", reason="two men")
        correct_identity(conn, ids["Abou Hafs al-Jazraoui"], "merge", jazrawi, "ana", "x")
    refused = r"judgement #1.*not same.*by ana.*two men"
    with pytest.raises(DecisionConflict, match=refused), ws.write() as conn:
        # through a member of his profile: still refused
        correct_identity(conn, masri, CorrectionAction.MERGE, ids["Abou Hafs al-Jazraoui"], "bo")
    with ws.read() as conn:
        assert len(judgement_history(conn)) == 2  # nothing stored by the refusal
        assert get_profile(conn, masri).members == (masri,)
    with pytest.raises(InputError, match="reason"), ws.write() as conn:
        record_decision(conn, masri, jazrawi, "same", "bo", supersede=True)
    with ws.write() as conn:
        made = record_decision(
            conn, masri, jazrawi, "same", "bo", reason="DNA report", supersede=True
        )
        assert "supersedes judgement #1" in made.reason
        history = judgement_history(conn)
        assert get_profile(conn, masri).id == get_profile(conn, jazrawi).id
    earlier = next(j for j in history if j.id == 1)
    assert earlier.deleted_at is not None and earlier.reason == "two men"  # kept, withdrawn


def test_a_split_is_a_not_same_that_supersedes_the_merges(ws: Workspace) -> None:
    ids = _three(ws)
    _merge_jazrawi(ws, ids)
    french, main = ids["Abou Hafs al-Jazraoui"], ids["Abu Hafs al-Jazrawi"]
    with ws.write() as conn:
        with pytest.raises(DecisionConflict, match=r"judgement #1: .* same .*by ana"):
            record_decision(conn, french, main, "not_same", "bo", reason="another man")
        with pytest.raises(InputError, match="reason"):
            correct_identity(conn, french, "split", main, "bo")
        correct_identity(conn, french, "split", main, "bo", "the French source means his brother")
        assert get_profile(conn, french).members == (french,)
        assert len(get_profile(conn, main).members) == 2


def test_a_name_two_profiles_carry_is_refused_not_guessed(ws: Workspace) -> None:
    add_document(ws, "Abu Omar spoke.", ["Abu Omar"], "1.txt")
    add_document(ws, "Later abu omar left.", ["abu omar"], "2.txt")
    with ws.read() as conn:
        assert len(list_profiles(conn, "person")) == 1  # one folded label: one row
    ids = add_document(ws, "Abu Omar al-Shishani came.", ["Abu Omar al-Shishani"], "3.txt")
    other = add_document(ws, "Abu Omar al-Tunisi came.", ["Abu Omar al-Tunisi"], "4.txt")
    with ws.write() as conn:
        base = get_profile(conn, "Abu Omar").id
        correct_identity(conn, ids["Abu Omar al-Shishani"], "merge", base, "ana", "x")
        with pytest.raises(DecisionConflict):  # both can't be him once one is not
            record_decision(
                conn,
                other["Abu Omar al-Tunisi"],
                ids["Abu Omar al-Shishani"],
                "not_same",
                "ana",
                reason="two men",
            )
            correct_identity(conn, other["Abu Omar al-Tunisi"], "merge", base, "ana", "x")
    with ws.read() as conn, pytest.raises(UnknownEntity):
        get_profile(conn, "Abu Nobody")
    add_document(ws, "Abu Bakr arrived.", ["Abu Bakr"], "5.txt")
    add_document(ws, "Abu Bakr al-Iraqi arrived.", ["Abu Bakr al-Iraqi"], "6.txt")
    with ws.write() as conn:
        first = get_profile(conn, "Abu Bakr al-Iraqi").id
        rename = get_profile(conn, "Abu Bakr").id
        correct_identity(conn, rename, "rename", "Abu Bakr al-Iraqi", "ana", "register")
        with pytest.raises(AmbiguousEntity, match=first):
            get_profile(conn, "Abu Bakr al-Iraqi")


def test_a_split_through_a_chain_withdraws_every_joining_merge(ws: Workspace) -> None:
    ids = _three(ws)
    _merge_jazrawi(ws, ids)  # French = main, Arabic = main
    french, arabic = ids["Abou Hafs al-Jazraoui"], ids["أبو حفص الجزراوي"]
    with ws.write() as conn:
        with pytest.raises(DecisionConflict, match="joins the two into one identity"):
            record_decision(conn, french, arabic, "not_same", "bo", reason="two men")
        correct_identity(conn, arabic, "split", french, "bo", "the register names another man")
        assert get_profile(conn, arabic).id != get_profile(conn, french).id


def test_the_queue_never_offers_a_pair_already_one_profile_or_decided(ws: Workspace) -> None:
    from pursuit.resolve.resolution import resolve_persons
    from pursuit.resolve.review import QueueStatus, review_queue

    ids = _three(ws)
    resolve_persons(ws)
    with ws.read() as conn:
        pending = {e.proposal.pair for e in review_queue(conn, QueueStatus.PENDING)}
    french, main = ids["Abou Hafs al-Jazraoui"], ids["Abu Hafs al-Jazrawi"]
    assert tuple(sorted((french, main))) in pending  # the model proposes the spellings
    _merge_jazrawi(ws, ids)
    with ws.write() as conn:
        record_decision(conn, main, ids["Abu Hafs al-Masri"], "not_same", "ana", reason="two")
    resolve_persons(ws)
    with ws.read() as conn:
        entries = review_queue(conn, QueueStatus.PENDING)
        profile = get_profile(conn, main)
    for entry in entries:
        a, b = entry.proposal.pair
        assert not {a, b} <= set(profile.members), entry
        assert ids["Abu Hafs al-Masri"] not in (a, b) or not ({a, b} & set(profile.members))
