"""The constrained merge never chains across a "not same" or a strong contradiction."""

from __future__ import annotations

from pursuit.resolve.clusters import Attributes, ConstrainedClusters, contradiction


def test_no_chaining_through_a_not_same_pair() -> None:
    cc = ConstrainedClusters.build(["A", "B", "C"], cannot_link=[("A", "C")])
    assert cc.union("A", "B")
    assert not cc.union("B", "C")
    assert cc.clusters() == [["A", "B"], ["C"]]
    assert cc.refusals[0].kind == "judgement"


def test_strongest_edge_wins_the_contested_member() -> None:
    cc = ConstrainedClusters.build(["A", "B", "C"], cannot_link=[("A", "C")])
    edges = sorted([("A", "B", 0.9), ("B", "C", 0.99)], key=lambda e: -e[2])
    for a, b, _ in edges:
        cc.union(a, b)
    assert cc.clusters() == [["A"], ["B", "C"]]


def test_birth_years_far_apart_keep_clusters_apart() -> None:
    attrs = {"A": Attributes(frozenset({1983})), "B": Attributes(frozenset({1990}))}
    cc = ConstrainedClusters.build(attrs, attributes=attrs)
    assert not cc.union("A", "B")
    assert "1983" in cc.refusals[0].reason and cc.refusals[0].kind == "contradiction"


def test_different_nisba_origins_contradict_but_close_years_do_not() -> None:
    jazrawi = Attributes(frozenset({1983}), frozenset({"arabian peninsula"}))
    masri = Attributes(frozenset(), frozenset({"egypt"}))
    assert contradiction(jazrawi, masri) is not None
    assert contradiction(jazrawi, Attributes(frozenset({1984}))) is None


def test_contradiction_is_checked_against_the_whole_cluster() -> None:
    attrs = {
        "A": Attributes(frozenset({1980})),
        "B": Attributes(),
        "C": Attributes(frozenset({1995})),
    }
    cc = ConstrainedClusters.build(attrs, attributes=attrs)
    assert cc.union("A", "B")
    assert not cc.union("B", "C")
    assert cc.canonical() == {"A": "A", "B": "A", "C": "C"}
