"""Incidents read from sentences: kind, place, time, victims and their count, perpetrators,
who ordered it and who witnessed it.

One incident per incident word; the rules look for the classic shapes of testimony and news
("ISIS fighters executed almost 300 civilians", "X was beheaded by Y", "Y ordered his arrest",
"witnesses said"). What they cannot tie to the event stays unlinked rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pursuit.nlp.links import between, blanked, gap_words, nearest, no_other
from pursuit.nlp.model import Incident, IncidentKind, Mention, MentionType
from pursuit.nlp.sentences import Sentence, sentences
from pursuit.nlp.subjects import Carried, Subject, sentence_subjects

__all__ = ["INCIDENTS_EXTRACTOR", "extract_incidents", "victim_count"]

INCIDENTS_EXTRACTOR = "rules:incidents 1"
PER, ORG = MentionType.PERSON, MentionType.ORGANIZATION
_NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "dix": 10,
    "vingt": 20,
    "cent": 100,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "onze": 11,
    "douze": 12,
    "quinze": 15,
    "trente": 30,
    "cinquante": 50,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "zwanzig": 20,
    "hundert": 100,
    "اثنين": 2,
    "ثلاثة": 3,
    "ثلاث": 3,
    "أربعة": 4,
    "أربع": 4,
    "خمسة": 5,
    "خمس": 5,
    "ستة": 6,
    "سبعة": 7,
    "سبع": 7,
    "ثمانية": 8,
    "تسعة": 9,
    "عشرة": 10,
    "عشر": 10,
}
_QUANT = r"(?:almost|nearly|about|around|some|at least|more than|over|up to|approximately|"
_QUANT += r"roughly|an estimated|près de|environ|au moins|plus de|quelque|fast|etwa|mindestens|"
_QUANT += r"mehr als|rund|حوالي|نحو|أكثر من)"
_VICTIMS = (
    r"(?:civilians?|people|men|women|children|boys|girls|prisoners|captives|detainees|villagers|"
    r"tribesmen|shepherds|farmers|workers|journalists|activists|students|worshippers|"
    r"journalistes|militants|Journalisten|Aktivisten|صحفيين|صحفيا|ناشطين|"
    r"residents|yazidis|yezidis|victims|persons|soldiers|fighters|members|hostages|"
    r"civils|personnes|hommes|femmes|enfants|prisonniers|otages|habitants|détenus|villageois|"
    r"Menschen|Männer|Frauen|Kinder|Zivilisten|Gefangene|Gefangenen|Häftlinge|Bewohner|Personen|"
    r"مدني|مدنيا|مدنيين|شخص|شخصا|أشخاص|رجل|رجلا|رجال|امرأة|نساء|طفل|طفلا|أطفال|أسير|أسرى|"
    r"شبان|شابا|شرطيا|شرطي|معتقلا|معتقلين|سجينا|سجناء)"
)
_COUNT = re.compile(
    rf"(?:{_QUANT}\s+)?(?<!\w)(?P<n>\d[\d,.\s]*\d|\d|{'|'.join(_NUMBER_WORDS)})\s+"
    rf"(?:of\s+the\s+|d'entre\s+|der\s+)?(?:[^\W\d]+\s+){{0,2}}?{_VICTIMS}\b",
    re.I,
)
_BY = re.compile(
    r"^(?:\s*[\w'-]+){0,4}?\s*\b(?:by|par|على يد|من قبل)\s+(?:(?:the|a|an|un|une|le|la)\s+)?"
    r"(?:[\w'-]+\s*){0,2}?[,\s]*$",
    re.I,
)
_ORDER = re.compile(
    r"\b(?:ordered|ordering|order|orders|commanded|ordonné|ordonne|أمر|امر|befahl|befiehlt|"
    r"befohlen|ordnete|angeordnet)\b",
    re.I,
)
# German "ließ … hinrichten", French "a fait exécuter": "let" or "make" with the act as an
# infinitive is an order.
_DE_LET = re.compile(r"\b(?:ließ|liess|lässt)\b", re.I)
_FR_MADE = re.compile(r"\b(?:a|avait|ont|avaient|aurait)?\s*fait\s*$|\bfaisait\s*$", re.I)
# "beheaded ... on the orders of the local emir, X"; "بأمر من الوالي X".
_ORDERS_OF = re.compile(
    r"(?:\bon the orders? of|\bat the orders? of|\bon orders from|"
    r"\bsur (?:l'|les )?ordres? d[eu']?|"
    r"\bauf (?:Befehl|Anordnung|Geheiß) (?:von|des|der)|بأمر من|بأوامر من|بناء على أوامر)\s*"
    r"(?:(?:the|a|an|le|la|l'|dem|des|der)\s*)?(?:[\w'-]+\s*){0,3}?[,\s]*$",
    re.I,
)
# "Auf Befehl von X wurden ... hingerichtet": the one who ordered named before the act.
_ORDER_LEAD_WORDS = 10
# "she took part in the enslavement", "he admitted taking part in the execution".
_PART_IN = re.compile(
    r"\b(?:took part|taking part|take part|participated|participating|involved|"
    r"a participé|participé|شارك|شاركت)\s+(?:in|à|aux?|في)\s+(?:the\s+|l'|la\s+|le\s+)?$",
    re.I,
)
# German names the part before the act and the verb after it: "an der Versklavung … beteiligt".
_DE_PART_BEFORE = re.compile(r"\ban\s+(?:der|dem|den)\s*$", re.I)
_DE_PART_AFTER = re.compile(
    r"^[^,.;]{0,50}?\b(?:beteiligt|teilgenommen|mitgewirkt|teilnahm|teilnahmen)\b", re.I
)
# A trigger written as a verb ("executed", "exécutés", "أعدم") can have its doer before it.
_VERB_FORM = re.compile(
    r"(?:ed|é|és|ée|ées)$|^ge\w+(?:t|en)$|^(?:shot|shot dead|hingerichtet|erschossen|ermordet|"
    r"entführt|exekutiert|enthauptet|folterte|tötete|erschoss|ermordete|أعدم|قتل|ذبح|اختطف|"
    r"اعتقل|قتلوا|ذبحوا|يعذب|يعذّب|عذب|عذّب|عذبوا|يعذبون)$"
)
# "X was tried in Paris for the murder of ...": the accused is named as the doer.
_ACCUSED_OF = re.compile(
    r"\b(?:tried|convicted|charged|accused|accuses?|indicted|prosecuted|sentenced|found guilty|"
    r"jugée?|condamnée?|accusée?|accusent|accusait|poursuivie?|inculpée?|angeklagt|verurteilt|"
    r"beschuldigt)\b[^.;]{0,60}?"
    r"\b(?:for|of|with|pour|de|d'|en|wegen)\s+(?:the\s+|his\s+|her\s+|l'|la\s+|le\s+|des\s+|"
    r"der\s+)?$",
    re.I,
)
# The accusing verb before the accused, the act after: "has charged X, 34, a Dutch citizen, with
# membership of … and with the murder", "a condamné X, gardien …, pour la torture".
_ACCUSING_BEFORE = re.compile(
    r"\b(?:charged|accused|convicted|indicted|sentenced|prosecuted|condamné|condamnée|accusé|"
    r"accusée|inculpé|inculpée|jugé|jugée|verurteilte|verurteilt|angeklagt|beschuldigt)\s*$",
    re.I,
)
_ACCUSED_LINK = re.compile(
    r"\b(?:with|for|of|pour|de|d'|wegen)\s+(?:the\s+|la\s+|le\s+|l'|des\s+|der\s+)?$", re.I
)
_ACCUSED_WORDS = 25
# Arabic verb-first: "أعدم X ثلاثة رجال", "قتل X رجلين"; an object after the doer tells the
# active reading from the passive one, which is written alike without vowels.
_AR_FIRST_VERB = re.compile(r"^(?:أعدم|اعدم|قتل|ذبح|اختطف|خطف|عذب|عذّب)$")
_AR_OBJECT = re.compile(r"\s*(?:\S+ين\b|\d|ثلاث|أربع|خمس|ست|سبع|ثمان|تسع|عشر|نحو|حوالي)")
# German puts the finite verb second: "Laut Zeugen erschoss Abu Hamza zwei Geiseln" names the
# doer right after a past-tense act, which is always active.
_DE_FINITE = re.compile(
    r"^(?:erschoss|erschossen|folterte|folterten|tötete|töteten|ermordete|ermordeten|"
    r"exekutierte|exekutierten|enthauptete|enthaupteten|entführte|entführten|misshandelte|"
    r"misshandelten)$",
    re.I,
)
# Arabic "قام X بإعدام ...": "did" before the doer, the act noun after a joined بـ.
_AR_DID_BEFORE = re.compile(r"(?:قام|قامت|وقام|وقامت)(?=\s)")
# Words a title may add to its role word ("المسؤول الأمني", "the local emir").
_TITLE_WORDS = 1


def _title_only(text: str, s: Sentence, start: int, end: int) -> bool:
    """Nothing, or only a title, between two points: Arabic puts the doer's title between
    the verb and his name ("أعدم والي الرقة أبو لقمان", "قام المسؤول الأمني أبو عبيدة")."""
    if start > end:
        return False
    kinds = (MentionType.ROLE, MentionType.LOCATION)
    titles = [m for m in s.of(*kinds) if m.start >= start and m.end <= end]
    roles = sum(1 for m in titles if m.type is MentionType.ROLE)
    rest = blanked(text, start, end, [(m.start, m.end) for m in titles])
    if any(mark in rest for mark in ",;:.،؛"):
        return False  # a clause ends between them: "… wurden erschossen, Abu Hamza sah zu"
    words = gap_words(rest)
    return not words if roles == 0 else len(words) <= _TITLE_WORDS


# "X, the sharia official in Hajin, personally executed": the apposition is skipped.
_APPOSITION = re.compile(r"^\s*[,،][^,،;]{0,60}[,،]")
# "they stopped our bus and abducted my husband": a first act, then "and" the second.
_COORDINATED = re.compile(
    r"^\s*\w+(?:ed|t|é|ée|és|ées)\s+(?:[\w'-]+\s+){0,3}(?:and|et|und|و)\s*$", re.I
)
# "One of them, Abu Usama, tortured …": a short opening phrase the name stands beside.
_NAMED_OPENER = re.compile(
    r"\W*(?:one of (?:them|the \w+)|l'un d'(?:eux|entre eux)|einer von ihnen|أحدهم)\s*[,،]\s*", re.I
)
_NEGATED = frozenset("not never denies denied nie nicht jamais ne".split())
_PASSIVE = re.compile(r"\b(?:was|were|been|being|été|تم)\b|;", re.I)
# German passive: "wurden sie auf dem Platz erschossen" puts the auxiliary before the victims.
_DE_PASSIVE = re.compile(r"\b(?:wurde|wurden|worden|wird|werden)\b", re.I)
# "X, who executed"; "X is alleged to have executed", "X aurait personnellement torturé".
_RELATIVE = re.compile(r"^\s*[,،]?\s*(?:who|qui|der|die|الذي|التي)\s+", re.I)
_HEDGES = frozenset(
    """personally himself herself allegedly reportedly then also later is alleged said to have
    has had aurait avait a personnellement lui-même elle-même ensuite soll sollen hat habe haben
    hatte selbst persönlich dann كان كانت قد""".split()
)
_WITNESS = re.compile(
    r"\b(?:witness(?:es|ed)?|saw|watched|told|testified|said|témoin|a vu|شاهد|قال)\b", re.I
)
_VICTIM_BEFORE = re.compile(
    r"^[\s,]*(?:who\s+)?(?:was|were|had been|has been|a été)\s+"
    r"(?:(?:later|then|allegedly|reportedly|brutally|publicly|summarily|also)\s+)?$",
    re.I,
)
_VICTIM_AFTER = re.compile(r"^\s*(?:of|de|d')\s+$", re.I)


def _value(match: re.Match[str]) -> int | None:
    raw = match.group("n").lower()
    digits = re.sub(r"[,.\s]", "", raw)
    if raw.isdigit() and len(raw) == 4 and 1900 <= int(raw) < 2100:
        # "ließ 2014 in Rakka Gefangene erschießen": a year, words, then the victims is a
        # date; "2000 people" with nothing between stays a count.
        tail = match.group()[match.end("n") - match.start() :]
        if len(tail.split()) > 1:
            return None
    return int(digits) if digits.isdigit() else _NUMBER_WORDS.get(raw)


def victim_count(text: str) -> tuple[int, str] | None:
    """The first victim count in `text` ("almost 300 civilians" -> 300) and its words."""
    match = _COUNT.search(text)
    value = _value(match) if match is not None else None
    return (value, match.group()) if match is not None and value else None


# "according to two residents", "two former prisoners say": people counted as the source are
# not victims.
_SOURCE_BEFORE = re.compile(r"(?:according to|selon|d'après|laut|حسب|بحسب)\s*$", re.I)
_SOURCE_AFTER = re.compile(
    r"\s*(?:say|said|says|told|tell|recall|recalled|testified|report|reported|disent|"
    r"ont dit|racontent|affirment|sagen|sagten|berichten|berichteten|قالوا|أفادوا|يقولون)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class _Count:
    start: int
    value: int
    words: str


# An Arabic dual counts two by its ending alone: "أعدم أسيرين" (two captives).
_AR_DUAL = re.compile(r"(?<!\w)(?:أسيرين|رجلين|شابين|امرأتين|طفلين|سجينين|شخصين|حارسين)(?!\w)")


def _counts(text: str, s: Sentence) -> list[_Count]:
    """The victim counts of a sentence, leaving out counted sources."""
    out = [_Count(m.start(), 2, m.group()) for m in _AR_DUAL.finditer(text, s.start, s.end)]
    for match in _COUNT.finditer(text, s.start, s.end):
        value = _value(match)
        lead = text[max(s.start, match.start() - 20) : match.start()]
        if value and not _SOURCE_BEFORE.search(lead) and not _SOURCE_AFTER.match(text, match.end()):
            out.append(_Count(match.start(), value, match.group()))
    out.sort(key=lambda c: c.start)
    return out


def _count_of(trigger: Mention, counts: list[_Count], used: set[int]) -> _Count | None:
    """The first count after the trigger, else the nearest before it; one count, one incident."""
    free = [c for c in counts if c.start not in used]
    after = [c for c in free if c.start >= trigger.start]
    before = [c for c in free if c.start < trigger.start]
    found = after[0] if after else before[-1] if before else None
    if found is not None:
        used.add(found.start)
    return found


def _agents(text: str, s: Sentence, trigger: Mention) -> list[Mention]:
    """Who did it: "<agent> executed ..." before the word, or "... executed by <agent>"."""
    agents = s.of(PER, ORG)
    for agent in nearest(trigger, agents, after=True)[:1]:
        if _BY.match(between(text, trigger, agent, s.mentions)):
            return [agent]
        verb_first = _AR_FIRST_VERB.match(trigger.text) and _title_only(
            text, s, trigger.end, agent.start
        )
        if verb_first and _AR_OBJECT.match(text, agent.end):
            return [agent]
        inverted = _DE_FINITE.match(trigger.text) and _title_only(text, s, trigger.end, agent.start)
        if inverted and agent.type is PER:
            return [agent]
    if not _VERB_FORM.search(trigger.text.lower()):
        return []
    for agent in nearest(trigger, agents, after=False)[:1]:
        gap = between(text, agent, trigger, s.mentions)
        if len(gap_words(gap)) > 3 or _VICTIM_BEFORE.match(gap) or _PASSIVE.search(gap):
            continue
        if "," in gap or "،" in gap:
            # The agent closes an apposition ("X, one of the soldiers of ISIS, ...") or sits
            # inside one ("Abou Moussab, chef de la Hisba, a torturé"): the subject decides.
            continue
        if not _ORDER.search(gap):
            return [agent]
    return []


def _subject_agents(
    text: str, s: Sentence, trigger: Mention, subjects: list[Subject]
) -> list[Mention]:
    """ "he personally tortured", "she took part in the enslavement", "both men tortured": the
    doer is the subject nearest before the act (all the persons a plural subject stands for)."""
    before = [x for x in subjects if x.anchor.end <= trigger.start]
    if not before:
        return []
    last = before[-1].anchor
    group = [x for x in before if (x.anchor.start, x.anchor.end) == (last.start, last.end)]
    if _subject_did(text, s, trigger, group[0]):
        return [x.person for x in group]
    return []


def _subject_did(text: str, s: Sentence, trigger: Mention, subject: Subject) -> bool:
    gap = between(text, subject.anchor, trigger, s.mentions)
    if _PART_IN.search(gap) and len(gap_words(gap)) <= 8 and "never" not in gap_words(gap):
        return True
    german = _DE_PART_BEFORE.search(gap) and _DE_PART_AFTER.match(text[trigger.end : s.end])
    if german and len(gap_words(gap)) <= 14 and not _NEGATED & set(gap_words(gap)):
        return True
    if _ACCUSED_OF.search(gap) and len(gap_words(gap)) <= 14:
        return True
    accusing = _ACCUSING_BEFORE.search(text, s.start, subject.anchor.start)
    if accusing is not None and not text[accusing.end() : subject.anchor.start].strip():
        words = gap_words(gap)
        if _ACCUSED_LINK.search(gap) and len(words) <= _ACCUSED_WORDS and not _NEGATED & set(words):
            return True
    did = list(_AR_DID_BEFORE.finditer(text, s.start, subject.anchor.start))[-1:]
    if (
        did
        and gap.strip() in ("ب", "")
        and _title_only(text, s, did[0].end(), subject.anchor.start)
    ):
        return True
    if subject.anchor.extractor.endswith("object 1"):
        return False  # "described him as …": an object pronoun does only what it is accused of
    if gap.strip() in (",", "،") and _NAMED_OPENER.fullmatch(text, s.start, subject.anchor.start):
        return _VERB_FORM.search(trigger.text.lower()) is not None
    core = _RELATIVE.sub("", _APPOSITION.sub("", gap))
    words = [w for w in gap_words(core) if w not in _HEDGES]
    short = len(words) <= 2 or _COORDINATED.match(core) is not None
    short = short and not _PASSIVE.search(core) and not _ORDER.search(gap)
    opens_clause = core.strip().startswith((",", "،"))
    return bool(short and _VERB_FORM.search(trigger.text.lower()) and not opens_clause)


def _ordered_by(text: str, s: Sentence, trigger: Mention, subjects: list[Subject]) -> list[Mention]:
    for agent in nearest(trigger, s.of(PER, ORG), after=True)[:1]:
        if agent.type is PER and _ORDERS_OF.search(between(text, trigger, agent, s.mentions)):
            return [agent]
    for person in nearest(trigger, s.of(PER), after=False)[:1]:
        lead = gap_words(between(text, person, trigger, s.mentions))
        if len(lead) <= _ORDER_LEAD_WORDS and _ORDERS_OF.search(text, s.start, person.start):
            return [person]
    for subject in reversed([x for x in subjects if x.anchor.end <= trigger.start]):
        gap = between(text, subject.anchor, trigger, s.mentions)
        words = gap_words(gap)
        # "X was the emir of ... and, according to two residents, ordered the stoning"
        close = _ORDER.search(" ".join(words[-3:])) is not None and len(words) <= 20
        let = _DE_LET.search(gap) or _FR_MADE.search(gap)
        ordered = _ORDER.search(gap) or (let and trigger.text.islower())
        if ordered and (len(words) <= 8 or close):
            return [subject.person]
        break
    return []


def _victims(text: str, s: Sentence, trigger: Mention) -> list[Mention]:
    found = []
    for person in nearest(trigger, s.of(PER), after=True)[:1]:
        if _VICTIM_AFTER.match(between(text, trigger, person, s.mentions)):
            found.append(person)
    for person in nearest(trigger, s.of(PER), after=False)[:1]:
        if _VICTIM_BEFORE.match(between(text, person, trigger, s.mentions)):
            found.append(person)
    return found


def _witnesses(text: str, s: Sentence, taken: set[int]) -> list[Mention]:
    found = []
    for person in s.of(PER):
        if id(person) in taken:
            continue
        after = text[person.end : min(s.end, person.end + 30)]
        before = text[max(s.start, person.start - 30) : person.start]
        if _WITNESS.match(after.strip()) or re.search(r"(?:witness|according to)\s*,?\s*$", before):
            found.append(person)
    return found


def _nearest_of(trigger: Mention, s: Sentence, kind: MentionType) -> Mention | None:
    options = s.of(kind)
    if not options:
        return None
    return min(options, key=lambda m: abs(m.start - trigger.start))


def _with_coordinated(doers: list[Mention], subjects: list[Subject]) -> list[Mention]:
    """ "A and B executed four men": the names joined to a doer did it too."""
    spans = {(d.start, d.end) for d in doers}
    out: list[Mention] = []
    for person in [
        *(x.person for x in subjects if (x.anchor.start, x.anchor.end) in spans),
        *doers,
    ]:
        if not any(person is o for o in out):
            out.append(person)
    return out


def _incident(
    text: str, s: Sentence, trigger: Mention, subjects: list[Subject], count: _Count | None
) -> Incident:
    passive = _DE_PASSIVE.search(text, s.start, trigger.start) is not None
    perpetrators = (
        [] if passive else _agents(text, s, trigger) or _subject_agents(text, s, trigger, subjects)
    )
    perpetrators = _with_coordinated(perpetrators, subjects)
    ordered = _ordered_by(text, s, trigger, subjects)
    victims = [v for v in _victims(text, s, trigger) if v not in perpetrators]
    taken = {id(m) for m in perpetrators + ordered + victims}
    return Incident(
        kind=IncidentKind(trigger.label),
        trigger=trigger,
        start=s.start,
        end=s.end,
        place=_nearest_of(trigger, s, MentionType.LOCATION),
        time=_nearest_of(trigger, s, MentionType.DATE),
        victim_count=count.value if count else None,
        victim_count_text=count.words if count else "",
        victims=tuple(victims),
        perpetrators=tuple(p for p in perpetrators if p not in ordered),
        ordered_by=tuple(ordered),
        witnesses=tuple(_witnesses(text, s, taken)),
        confidence=0.6 if perpetrators or count else 0.4,
        extractor=INCIDENTS_EXTRACTOR,
    )


def extract_incidents(text: str, mentions: Sequence[Mention]) -> list[Incident]:
    """One incident per incident word, with what its sentence says about it."""
    out = []
    previous: Carried | None = None
    for s in sentences(text, mentions):
        subjects, previous = sentence_subjects(text, s, previous)
        counts, used = _counts(text, s), set[int]()
        for trigger in s.of(MentionType.INCIDENT):
            if no_other(MentionType.INCIDENT, s.mentions, trigger.start, trigger.start):
                count = _count_of(trigger, counts, used)
                out.append(_incident(text, s, trigger, subjects, count))
    return out
