"""Presence claims: a person was at a place, with the sentence's date as the time.

Three shapes, each read between the subject and the place with other mentions blanked out:
"X lived/was seen/fled ... in PLACE" (a verb of being, moving or acting, then a place
preposition), "X, the sharia official in PLACE" (a role word in between), and a fronted place
("In Raqqa, X ..."). Lists continue a claim ("moved between Raqqa, Deir ez-Zor and Tal Abyad").
Words that put the person elsewhere (tried, sentenced, born, said, never) stop the claim: a
false presence is worse than a missing one.
"""

from __future__ import annotations

import re

from pursuit.nlp.links import between, gap_words, nearest
from pursuit.nlp.model import Incident, Mention, MentionType
from pursuit.nlp.sentences import Sentence
from pursuit.nlp.subjects import Subject

__all__ = ["act_places", "presence_places"]

L = MentionType.LOCATION
_VERBS = frozenset(
    """was were is been being lived living lives stayed staying arrived moved travelled traveled
    went gone fled returned based stationed seen spotted remained worked working fought
    fighting settled served serving held kept detained imprisoned jailed captured arrested
    killed shot wounded ran led commanded operated operating active entered reached crossed
    hid hiding left leaving became visited met died married guarded patrolled tortured
    executed taught preached recruited grew raised studied took taking part participated
    brought drove escorted smuggled treated released freed found caught enforced
    vécu vivait vit était été est arrivé arrivée allé allée parti partie rentré rentrée
    installé installée resté restée détenu détenue arrêté arrêtée combattu tué trouvait trouve
    trouvé trouvée réfugié réfugiée passé passée
    vu vue vus aperçu aperçue combattait vivait habitait servi travaillé travaillait
    hielt aufgehalten lebte gelebt wohnte gewohnt kämpfte gekämpft reiste gereist arbeitete
    gearbeitet gesehen war waren ist kam gekommen blieb geblieben diente gedient festgenommen
    verhaftet stationiert tauchte aufgetaucht
    كان كانت عاش وصل انتقل ذهب سافر عاد قاتل أقام يقيم تقيم مقيم مقيمة اعتقل قتل شوهد شوهدت
    ظهر أقامت سكن""".split()
)
_STOP = frozenset(
    """tried sentenced convicted charged indicted acquitted born wanted said says told tells
    say claims claimed denies denied never not n't no nor ordered planned extradited deported
    accused named listed identified described mentioned reported quoted cited sanctioned
    designated registered recorded questioned interviewed prosecuted judged
    jugé jugée condamné condamnée né née jamais pas dit affirme nie accusé poursuivi
    geboren verurteilt angeklagt bestreitet bestritt nie nicht kein keine sagte erklärte
    gesucht نفى لم ليس ولد""".split()
)
_PREPOSITION = re.compile(
    r"\b(?:in|at|near|to|into|inside|outside|around|between|à|au|aux|en|dans|près d'|nach|im|bei|"
    r"près de|vers|(?:left|leaving|headed|departed|parti|partie) (?:for|pour)|في|إلى|الى|قرب)"
    r"\s+(?:[\w'-]+\s+){0,5}?(?:the\s+|la\s+|le\s+|les\s+|l'|d'|de\s+)?$",
    re.I,
)
# "X, near Hajin", "X in Raqqa": nothing but a place preposition between the name and the place.
_BARE = re.compile(r"^[\s,]*(?:in|at|near|à|près d'|près de|في|قرب)\s+(?:the\s+)?$", re.I)
_LIST = re.compile(r"^\s*(?:,|and|et|or|ou|و)\s*(?:and\s+|et\s+)?(?:the\s+[\w -]{0,25}?of\s+)?$")
_FRONTED = re.compile(
    r"^\W*(?:in|at|near|during|à|au|en|dans|pendant|lors|في|خلال)\b[^.;]{0,50}?"
    r"\b(?:in|at|for|of|à|en|de|dans|في)\s+(?:the\s+)?$|^\W*(?:in|at|à|en|dans|في)\s+(?:the\s+)?$",
    re.I,
)
# Arabic puts the verb first: "تقيم أم عائشة في مخيم الهول".
_VERB_FIRST = re.compile(
    r"(?:كان|كانت|عاش|وصل|انتقل|ذهب|سافر|عاد|قاتل|أقام|يقيم|تقيم|شوهد|شوهدت|ظهر|سكن)\s*$"
)
_PAST = re.compile(r"^[a-z]{3,}ed$")
_MAX_WORDS = 14


def _blocked(s: Sentence, subject: Subject, place: Mention, own: frozenset[int]) -> bool:
    """Another person between the subject and the place takes the clause over."""
    return any(
        m.type is MentionType.PERSON
        and subject.anchor.end <= m.start
        and m.end <= place.start
        and id(m) not in own
        for m in s.mentions
    )


def _linked(text: str, s: Sentence, subject: Subject, place: Mention) -> bool:
    gap = between(text, subject.anchor, place, s.mentions)
    if _BARE.match(gap) or _known_in(text, gap, place):
        return True
    words = gap_words(gap)
    if not words or len(words) > _MAX_WORDS or words[0] in ("s", "'s") or gap.lstrip()[:1] in "'’":
        return False
    if _STOP.intersection(words) or not _PREPOSITION.search(gap):
        return False
    if _VERB_FIRST.search(text[s.start : subject.anchor.start]) and len(words) <= 3:
        return True
    roles = [
        m for m in s.of(MentionType.ROLE) if subject.anchor.end <= m.start and m.end <= place.start
    ]
    verbs = _VERBS.intersection(words) or any(_PAST.match(w) for w in words)
    return bool(verbs) or bool(roles)


def _known_in(text: str, gap: str, place: Mention) -> bool:
    """ "X, the Swedish man known in Raqqa as Y": a name used in a place."""
    known = re.search(r"\bknown in\s*$", gap, re.I)
    return known is not None and re.match(r"\s+as\b", text[place.end :]) is not None


def _fronted(text: str, s: Sentence, subject: Subject, place: Mention) -> bool:
    """ "In Raqqa, X ...": a place opening the sentence, the subject the first name after it."""
    if place.end > subject.anchor.start or not _FRONTED.match(text[s.start : place.start]):
        return False
    if any(m.type is MentionType.PERSON and m.start < subject.anchor.start for m in s.mentions):
        return False
    words = gap_words(between(text, place, subject.anchor, s.mentions))
    after = gap_words(text[subject.anchor.end : min(s.end, subject.anchor.end + 40)])
    return len(words) <= 8 and not _STOP.intersection(words + after[:3])


def presence_places(text: str, s: Sentence, subject: Subject, own: frozenset[int]) -> list[Mention]:
    """The places this sentence says `subject` was at; `own`: ids of the subject's names."""
    places = s.of(L)
    found: list[Mention] = [p for p in places if _fronted(text, s, subject, p)]
    last: Mention | None = None
    for place in nearest(subject.anchor, places, after=True):
        if _blocked(s, subject, place, own):
            break
        if (
            last is not None
            and _LIST.match(between(text, last, place, s.mentions))
            or _linked(text, s, subject, place)
        ):
            found.append(place)
            last = place
    return found


# The place an act happened at, right after its word: "executed … in Raqqa", "réduite en
# esclavage à Raqqa", "بإعدام ثلاثة شبان في البوكمال", "hingerichtet in Rakka".
_ACT_AT = re.compile(
    r"^(?:[^,;.()]{0,60}?\s)?(?:in|at|near|inside|à|au|aux|dans|près de|im|in der|bei|في|قرب)\s+"
    r"(?:the\s+|la\s+|le\s+|l'|dem\s+|der\s+)?$",
    re.I,
)
_ACT_WORDS = 8


def act_places(text: str, incident: Incident, s: Sentence) -> list[tuple[Mention, Mention]]:
    """(person, place) for each one who did an act the sentence places: whoever executed
    someone in Raqqa was in Raqqa then. Who ordered it may have given the order from afar, and
    a source naming the dead does not place them as it places the doers: both are left out."""
    trigger = incident.trigger
    for place in nearest(trigger, s.of(L), after=True)[:1]:
        gap = between(text, trigger, place, s.mentions)
        others = [
            m
            for m in s.mentions
            if m.type in (MentionType.PERSON, MentionType.INCIDENT)
            and trigger.end <= m.start
            and m.end <= place.start
            and not any(m is d for d in incident.perpetrators)
        ]
        if others or len(gap_words(gap)) > _ACT_WORDS or not _ACT_AT.match(gap):
            return []
        return [(p, place) for p in incident.perpetrators if p.type is MentionType.PERSON]
    return []
