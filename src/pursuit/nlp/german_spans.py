"""German model spans cleaned before they become mentions.

German capitalises every noun and puts the verb second, so a sentence often opens with a
capitalised phrase that looks like a name to any statistical model: "Der Syrer", "Ein Sprecher",
"Laut Anklage", "Nach Angaben der ...". Two checks, both from the shape of the language rather
than from a list of bad outputs:

1. Function words are a closed class (articles, pronouns, prepositions, conjunctions, a few
   sentence adverbs; listed below) and never begin or end a name in running text, so they are
   cut from a span's edges. A person's name also never begins with a common noun, a role word or
   a demonym: "Sprecher Hans Müller", "Emir Abu Hafs", "Syrer Walid Kassem" keep only the name.
   A capitalised article stays at the head of an organization or place the model took whole
   ("Die Zeit", "Den Haag"). Lowercase words, dashes and a day number ("am 29.") never end a
   name, and "Zeugin Fatma Y." or "der Angeklagte Yusuf D." is a person whatever the model said.
2. A span must keep at least one word that can be a name: one that is not a function word, not
   a role word or demonym, not a common noun of the model's training text (`common_nouns.txt`,
   written by tools/train_german_ner.py: capitalised words used three times or more outside
   names and seldom inside a person's name) and not a court or testimony noun (listed below:
   the training text is Wikipedia). For a person, a word with the ending of an abstract noun
   ("-ung", "-schaft") or a compound ending in a common noun ("Bildungsminister") describes too.
   A lone word with an abstract ending is no group or place either. "Gefängnis", "Anklage" or
   "Einheit" alone is no one.

The rules were set on WikiANN's training and development splits and the project's own German
sentences, plus one look at the person errors in GermEval 2014's first 400 sentences (which
gave the bracket, colon, compound and lowercase cuts); bench/eval_german.py measures on WikiANN's
test split and GermEval 2014.
"""

from __future__ import annotations

import re

from pursuit.nlp.model import MentionType
from pursuit.nlp.peoples import demonym_index
from pursuit.nlp.roles import role_index

__all__ = ["FUNCTION_WORDS", "clean_german_span"]

_ARTICLES = frozenset(
    "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner "
    "dieser diese dieses diesen diesem jener jene jenes jenen jenem".split()
)
FUNCTION_WORDS = _ARTICLES | frozenset(
    "mein meine meinen meinem meiner sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer "
    "unser unsere unseren unserem unserer euer eure dessen deren er sie es wir ich du ihm ihn "
    "man sich laut nach vor bei aus von vom zu zum zur im am in an ans ins mit seit gegen über "
    "unter für durch ohne um bis zwischen neben hinter gemäß wegen trotz während als wie und "
    "oder aber auch doch dann so da wo ob dass nun noch schon nur nicht sogar bereits damals "
    "später zuvor heute gestern hier dort".split()
)
# Nouns for a person ("Die Zeugin Fatma Y.", "der Angeklagte Yusuf D."): heading a span that
# goes on with a name, they make it that person's name whatever the model said.
_PERSON_NOUNS = frozenset(
    "Zeuge Zeugin Angeklagte Angeklagter Beschuldigte Beschuldigter Verdächtige Verdächtiger "
    "Sprecher Sprecherin Bruder Schwester Vater Mutter Sohn Tochter Ehefrau Ehemann Witwe Onkel "
    "Neffe Cousin Mitglied Anhänger Anhängerin Dschihadist Dschihadistin Islamist Islamistin "
    "Rückkehrer Rückkehrerin Gefangene Gefangener Häftling Opfer Überlebende Überlebender Herr "
    "Frau Scheich Imam Tante Cousine Nichte Enkel Schwager Großvater Großmutter Sir Dr Prof"
    "".split()
)
# Court and testimony nouns the training text (Wikipedia) seldom uses, and the days of the week
# and other time nouns: never a name alone.
_CASE_NOUNS = _PERSON_NOUNS | frozenset(
    "Anklage Anklageschrift Gericht Prozess Verfahren Urteil Haftbefehl Gefängnis Lager "
    "Festnahme Vorwurf Vorwürfe Angaben Ermittler Ermittlungen Behörden Aussage Aussagen Einheit "
    "Gruppe Miliz Kampf Mitgliedschaft Terrororganisation Vereinigung Staatsanwaltschaft Zeugen "
    "Angeklagten Gefangenen Sprechers Polizei Armee Regierung Truppen Kämpfer Treue Treueid "
    "Treueeid Gefolgschaft Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag "
    "Morgen Abend Nacht Woche Monat Jahr Namen".split()
)
# Endings of abstract and collective nouns ("Ermittlung", "Forschungsergebnisse", "Botschaft"):
# no one's name ends so.
_NOUN_ENDING = re.compile(
    r"(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|nis|nisse|tion|tionen|tät|ismus)$"
)
# A lone word with these endings is an abstract noun, not a group or place ("Aufklärung",
# "Nationalsozialismus"); in WikiANN's training split 16 in 17 such words are no name.
# Words in "-isch" alone are languages ("Arabisch", "Kurdisch").
_ABSTRACT = re.compile(
    r"(?:ung|ungen|heit|heiten|keit|keiten|ismus|tion|tionen|nis|nisse|nissen|isch)$"
)
# A regnal number or an initial keeps its full stop: "Johannes Paul II.", "P. Diddy".
_KEEPS_DOT = re.compile(r"^(?:[IVXLC]+|[A-ZÄÖÜ])\.$")
_PARTICLES = frozenset("von van der de al el bin ibn bint abu ez es ad ar as at".split())
_WORD = re.compile(r"[^\s]+")
_EDGE_PUNCT = "\"'„“”‚‘’«»,.;:!?"


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of the span's words, with quotes and punctuation at their edges left out."""
    out = []
    for match in _WORD.finditer(text, start, end):
        word = match.group()
        lead = len(word) - len(word.lstrip(_EDGE_PUNCT))
        kept = word[:-1].rstrip(_EDGE_PUNCT) + "." if word.endswith(".") else ""
        tail = len(word) - len(word.rstrip(_EDGE_PUNCT))
        if _KEEPS_DOT.match(kept[lead:]):
            tail = len(word) - len(kept)
        if lead + tail < len(word):
            out.append((match.start() + lead, match.end() - tail))
    return out


def _descriptive(word: str, nouns: frozenset[str], person: bool = False) -> bool:
    """A common noun, a role word or a demonym: words that describe a person, never name one.
    For a person also the endings of abstract nouns and compounds whose last part is such a
    word ("Bildungsminister", "Gründungsmitglied"); places and groups are often named so."""
    if word in nouns or word in _CASE_NOUNS or _lexicon_word(word):
        return True
    return person and (_NOUN_ENDING.search(word) is not None or _compound(word, nouns))


def _lexicon_word(word: str) -> bool:
    for index in (role_index(), demonym_index()):
        hits = index.find(word)
        if hits and hits[0].start == 0 and hits[0].end == len(word):
            return True
    return False


def _compound(word: str, nouns: frozenset[str]) -> bool:
    """German compounds take their class from the last part: a word ending in a known common
    noun or role word of five letters or more is a common noun too."""
    word = word.rsplit("-", 1)[-1]
    for i in range(3, len(word) - 4):
        head = word[i:]
        known = head[:1].upper() + head[1:]
        if known in nouns or known in _CASE_NOUNS or _lexicon_word(head):
            return True
    return False


def _cuttable_head(word: str, kind: MentionType, nouns: frozenset[str]) -> bool:
    """Function words never begin a name; for a person, neither does a describing word."""
    low = word.lower()
    if kind is MentionType.PERSON:
        lowercase = word.islower() and low not in _PARTICLES
        return low in FUNCTION_WORDS or lowercase or _descriptive(word, nouns, person=True)
    if low in _ARTICLES:
        # A capitalised article belongs to a title the model took whole: "Die Zeit", "Den Haag".
        return word.islower()
    return low in FUNCTION_WORDS


def _cuttable_tail(
    text: str, words: list[tuple[int, int]], kind: MentionType, nouns: frozenset[str]
) -> bool:
    """Function words, lowercase words ("IS gekämpft"), dashes and a day number after them
    ("am 29.") never end a name; nor, for a person, a describing noun ("Tobias Lang
    Mitglied")."""
    word = text[slice(*words[-1])]
    if word.lower() in FUNCTION_WORDS or (word.islower() and word not in _PARTICLES):
        return True
    if not any(c.isalnum() for c in word):
        return True
    if word[:1].isdigit() and len(words) > 1:
        before = text[slice(*words[-2])]
        if before.lower() in FUNCTION_WORDS or not any(c.isalnum() for c in before):
            return True
        if text[words[-1][1] : words[-1][1] + 1] == ".":
            return True
    if len(words) > 1 and _acronym(text[slice(*words[-2])]) and _descriptive(word, nouns):
        return True  # "dem IS Treue geschworen": the object after the group is no part of it
    # Only court and person nouns: surnames are often common nouns too ("Sommer", "Richter").
    return kind is MentionType.PERSON and (word in _CASE_NOUNS or _compound(word, frozenset()))


def _acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and word.isalpha()


def _person_head(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """The words after a person noun heading the span ("Zeugin Fatma Yilmaz"), if a name
    follows it."""
    for i, w in enumerate(words[:-1]):
        word = text[slice(*w)]
        if word in _PERSON_NOUNS:
            rest = words[i + 1 :]
            return rest if text[slice(*rest[0])][:1].isupper() else None
        if word.lower() not in FUNCTION_WORDS:
            return None
    return None


def clean_german_span(
    text: str, start: int, end: int, kind: MentionType, nouns: frozenset[str]
) -> tuple[int, int, MentionType] | None:
    """The span's offsets and type, with function words (and, for persons, describing words)
    cut from its edges; None when no word that could be a name is left."""
    words = _first_line(text, _words(text, start, end))
    named = _person_head(text, words)
    if named is not None:
        words, kind = named, MentionType.PERSON
    if kind is MentionType.PERSON:
        words = _name_part(text, words)
    while words and _cuttable_head(text[slice(*words[0])], kind, nouns):
        words = words[1:]
    while words and _cuttable_tail(text, words, kind, nouns):
        words = words[:-1]
    names = [
        w
        for w in words
        if text[slice(*w)].lower() not in FUNCTION_WORDS
        and not _descriptive(text[slice(*w)], nouns, kind is MentionType.PERSON)
    ]
    if not names or (len(words) == 1 and _ABSTRACT.search(text[slice(*words[0])])):
        return None
    return (*_balanced(text, words[0][0], words[-1][1]), kind)


def _first_line(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A name never runs across a line break: a headline and the line under it are two."""
    for i in range(1, len(words)):
        if "\n" in text[words[i - 1][1] : words[i][0]]:
            return words[:i]
    return words


def _name_part(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A person's name stops before a bracket ("Henry Tesch (CDU)", "Greg Leeb (43.)") and at a
    colon ("Jander: Lehrbuch")."""
    for i, (start, end) in enumerate(words):
        if text[start - 1 : start] == "(":
            return words[:i]
        if text[end : end + 1] == ":":
            return words[: i + 1]
    return words


def _balanced(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut an opening or closing bracket at the span's edge that has no partner inside it;
    "Lindau (Bodensee)" keeps its brackets."""
    span = text[start:end]
    if span.startswith("(") and ")" not in span:
        start += 1
    if span.endswith(")") and "(" not in span:
        end -= 1
    return start, end
