"""Role, nationality, presence and liability claims in the shapes reports and testimony use,
in English, French, Arabic and German: each sentence names the claim a reviewer would expect."""

from __future__ import annotations

import pytest

from pursuit.nlp import extract_claims, extract_mentions


def facts(text: str, language: str) -> set[tuple[str, str, str]]:
    claims = extract_claims(text, extract_mentions(text, language))
    return {(c.subject.text, c.predicate.value, c.value) for c in claims}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "Abu Khalid al-Shami, a Jordanian, was the wali of Raqqa.",
            ("Abu Khalid al-Shami", "role", "wali"),
        ),
        (
            "en",
            "Abu Khalid al-Shami, ISIS's security chief in Raqqa, fled to Turkey.",
            ("Abu Khalid al-Shami", "role", "security official"),
        ),
        (
            "en",
            "Abu Jaafar al-Shami ran the prison in Tabqa. He was a security official there.",
            ("Abu Jaafar al-Shami", "role", "security official"),
        ),
        (
            "fr",
            "Abou Khalid al-Chami a été nommé émir de Raqqa.",
            ("Abou Khalid al-Chami", "role", "emir"),
        ),
        (
            "fr",
            "Le juge islamique Abou Omar al-Iraqi a condamné sept habitants.",
            ("Abou Omar al-Iraqi", "role", "judge"),
        ),
        (
            "ar",
            "وكان أبو حمزة الشامي قائداً في داعش منذ 2014.",
            ("أبو حمزة الشامي", "role", "commander"),
        ),
        ("ar", "عمل أبو خالد الشامي حارساً في سجن الطبقة.", ("أبو خالد الشامي", "role", "guard")),
        (
            "de",
            "Abu Khalid al-Schami war Kommandeur des IS in Rakka.",
            ("Abu Khalid al-Schami", "role", "commander"),
        ),
    ],
)
def test_role_forms(language: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in facts(text, language)


def test_role_word_before_a_list_of_names_describes_each() -> None:
    text = "The guards included two Egyptian brothers, Abu Karam al-Masri and Abu Said al-Masri."
    found = facts(text, "en")
    for name in ("Abu Karam al-Masri", "Abu Said al-Masri"):
        assert (name, "role", "guard") in found
        assert (name, "nationality", "Egypt") in found


def test_role_of_an_alias_goes_to_the_legal_name() -> None:
    text = (
        "Bilal Vermeulen travelled to Syria in 2013. In Deir ez-Zor he became Abu Ibrahim "
        "al-Baljiki and served as a guard in a prison."
    )
    found = facts(text, "en")
    assert ("Bilal Vermeulen", "role", "guard") in found
    assert ("Abu Ibrahim al-Baljiki", "role", "guard") not in found


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Abu Khalid al-Shami (Yemeni, born 1990) was listed.", "Yemen"),
        (
            "fr",
            "Abou Khalid al-Chami, de nationalité saoudienne, a combattu à Raqqa.",
            "Saudi Arabia",
        ),
        ("ar", "أبو خالد الشامي سعودي الجنسية انضم إلى داعش عام 2014.", "Saudi Arabia"),
        (
            "de",
            "Abu Khalid al-Schami, ein saudischer Staatsangehöriger, hielt sich 2015 in Rakka auf.",
            "Saudi Arabia",
        ),
    ],
)
def test_nationality_forms(language: str, text: str, expected: str) -> None:
    subjects = {s for s, p, v in facts(text, language) if p == "nationality" and v == expected}
    assert len(subjects) == 1


@pytest.mark.parametrize(
    ("language", "text", "place"),
    [
        ("en", "The emir Abu Khalid al-Shami was seen in Raqqa in 2016.", "Raqqa"),
        ("fr", "L'émir Abou Khalid al-Chami a été vu à Raqqa en 2016.", "Raqqa"),
        ("ar", "شوهد أبو خالد الشامي في الرقة عام 2016.", "Raqqa"),
        (
            "de",
            "Abu Khalid al-Schami, ein saudischer Staatsangehöriger, hielt sich 2015 in Rakka auf.",
            "Raqqa",
        ),
        ("de", "Abu Khalid al-Schami reiste 2014 nach Syrien.", "Syria"),
    ],
)
def test_presence_forms(language: str, text: str, place: str) -> None:
    assert any(p == "presence" and v == place for _, p, v in facts(text, language))


def test_pronoun_after_two_spellings_of_one_name_is_that_man() -> None:
    text = (
        "Witnesses spelled his name two ways: Abou Yahya el-Maghrebi and Abu Yahya al-Maghribi. "
        "He was the emir of the Hisba in Manbij and ordered the stoning of a woman."
    )
    found = facts(text, "en")
    assert ("Abou Yahya el-Maghrebi", "role", "emir") in found
    assert ("Abou Yahya el-Maghrebi", "ordered", "stoning") in found


@pytest.mark.parametrize(
    ("language", "text", "claim"),
    [
        (
            "en",
            "Julien Moreau was tried in Paris for the murder of a Yazidi captive.",
            ("Julien Moreau", "perpetrator", "murder"),
        ),
        (
            "fr",
            "Karim Aziz, l'un des soldats de l'État islamique, aurait torturé des détenus.",
            ("Karim Aziz", "perpetrator", "torturé"),
        ),
        (
            "ar",
            "أعدم أبو خالد الشامي ثلاثة رجال في منبج.",
            ("أبو خالد الشامي", "perpetrator", "أعدم"),
        ),
        (
            "ar",
            "قام أبو خالد الشامي بإعدام رجلين في منبج.",
            ("أبو خالد الشامي", "perpetrator", "إعدام"),
        ),
        (
            "de",
            "Abu Khalid al-Schami erschoss zwei Gefangene in Rakka.",
            ("Abu Khalid al-Schami", "perpetrator", "erschoss"),
        ),
    ],
)
def test_committed_forms(language: str, text: str, claim: tuple[str, str, str]) -> None:
    assert claim in facts(text, language)


@pytest.mark.parametrize(
    ("language", "text", "claim"),
    [
        (
            "en",
            "The commander, Abu Qutayba al-Iraqi, had told the guards to kill anyone who ran.",
            ("Abu Qutayba al-Iraqi", "ordered", "kill"),
        ),
        (
            "fr",
            "Les prisonniers ont été exécutés sur ordre d'Abou Khalid al-Chami.",
            ("Abou Khalid al-Chami", "ordered", "exécutés"),
        ),
        (
            "fr",
            "Notre émir était Abou Oussama al-Maghribi ; l'émir a répondu qu'il fallait les tuer.",
            ("Abou Oussama al-Maghribi", "ordered", "tuer"),
        ),
        (
            "de",
            "Die Gefangenen wurden auf Befehl von Abu Khalid al-Schami hingerichtet.",
            ("Abu Khalid al-Schami", "ordered", "hingerichtet"),
        ),
        ("ar", "أبو خالد الشامي أمر بإعدام خمسة أسرى.", ("أبو خالد الشامي", "ordered", "إعدام")),
    ],
)
def test_ordered_forms(language: str, text: str, claim: tuple[str, str, str]) -> None:
    assert claim in facts(text, language)


def test_german_passive_has_no_doer() -> None:
    text = "Am nächsten Morgen wurden sie auf dem Platz von Hadschin erschossen."
    assert not any(p == "perpetrator" for _, p, _ in facts(text, "de"))


@pytest.mark.parametrize(
    ("language", "text", "count"),
    [
        ("fr", "L'émir a ordonné l'exécution de onze civils à Sabkha.", "11"),
        ("en", "Three of the men he called were shot that afternoon.", "3"),
        ("ar", "أعدم مقاتلو التنظيم نحو 150 شرطياً قرب حمام العليل.", "150"),
    ],
)
def test_victim_counts(language: str, text: str, count: str) -> None:
    assert any(p == "victim_count" and v == count for _, p, v in facts(text, language))


def test_counted_sources_are_not_victims_and_a_count_serves_one_act() -> None:
    found = facts("According to two residents, he ordered the stoning of a woman.", "en")
    assert not any(p == "victim_count" for _, p, _ in found)
    text = "قُتل 12 مدنياً وأصيب العشرات في قصف استهدف سوق بلدة هجين."
    counts = [(s, v) for s, p, v in facts(text, "ar") if p == "victim_count"]
    assert counts == [("قُتل", "12")]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # Plural doers: "both men", "they", "ils" stand for the persons just named.
        (
            "en",
            "The guards were Abu Bakr al-Shami and Abu Ali al-Halabi. Survivors say both men "
            "tortured prisoners.",
            ("Abu Bakr al-Shami", "perpetrator", "tortured"),
        ),
        (
            "en",
            "Abu Talha al-Almani and Abu Umar al-Shishani executed four men near Hajin.",
            ("Abu Talha al-Almani", "perpetrator", "executed"),
        ),
        (
            "fr",
            "Abou Talha et Abou Omar ont rejoint l'État islamique en 2014.",
            ("Abou Talha", "affiliation", "Islamic State"),
        ),
        (
            "de",
            "Abu Talha und Abu Omar waren Wächter im Gefängnis.",
            ("Abu Talha", "role", "guard"),
        ),
        (
            "ar",
            "أبو طلحة الألماني وأبو عمر الشيشاني عذبوا المعتقلين في سجن الطبقة.",
            ("أبو طلحة الألماني", "perpetrator", "عذبوا"),
        ),
        # Object pronouns of describing and accusing verbs.
        (
            "en",
            "Nadia Karimi was tried in Paris in 2021. The prosecution described her as a "
            "recruiter of the Islamic State.",
            ("Nadia Karimi", "role", "recruiter"),
        ),
        (
            "fr",
            "Nadia Karimi a vécu à Mossoul. Une ancienne otage l'accuse de l'avoir réduite en "
            "esclavage à Raqqa en 2016.",
            ("Nadia Karimi", "perpetrator", "esclavage"),
        ),
        # Presence where a person did an act.
        (
            "fr",
            "Nadia Karimi a vécu à Mossoul. Une ancienne otage l'accuse de l'avoir réduite en "
            "esclavage à Raqqa en 2016.",
            ("Nadia Karimi", "presence", "Raqqa"),
        ),
        (
            "en",
            "Abu Talha al-Almani beheaded a pilot in Raqqa in 2015.",
            ("Abu Talha al-Almani", "presence", "Raqqa"),
        ),
        (
            "ar",
            "أعدم أبو طلحة الألماني أربعة رجال في الرقة عام 2015.",
            ("أبو طلحة الألماني", "presence", "Raqqa"),
        ),
        # A role read from a list followed by "as", and a second verb of the clause.
        (
            "en",
            "The register lists Abu Bakr al-Shami (Syrian, born 1990) and Abu Ali al-Halabi "
            "(born 1988) as fighters.",
            ("Abu Bakr al-Shami", "role", "fighter"),
        ),
        (
            "en",
            "Hassan Ali joined ISIS in 2014 and became an emir in Mosul.",
            ("Hassan Ali", "role", "emir"),
        ),
        (
            "en",
            "Among the guards were Abu Bakr al-Shami and Abu Ali al-Halabi.",
            ("Abu Ali al-Halabi", "role", "guard"),
        ),
    ],
)
def test_plural_object_and_act_forms(
    language: str, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in facts(text, language)


@pytest.mark.parametrize(
    ("language", "text", "unexpected"),
    [
        # "-born" names an origin, not a birthplace read from the next place.
        (
            "en",
            "Abu Hamza, an Egyptian-born fighter, stayed in Mayadin in 2016.",
            ("Abu Hamza", "birthplace", "Mayadin"),
        ),
        # Who ordered an act may have ordered it from afar: no presence from the act's place.
        (
            "en",
            "Abu Hamza ordered the execution of three men in Raqqa.",
            ("Abu Hamza", "presence", "Raqqa"),
        ),
        # "him" after a describing verb is not the doer of the next act.
        (
            "en",
            "Omar Saleh arrived in 2014. The guards saw him and executed two prisoners.",
            ("Omar Saleh", "perpetrator", "executed"),
        ),
        # "they" needs two persons (or one beside an unnamed one) before it.
        (
            "en",
            "Abu Hamza arrived in Raqqa in 2014. They executed two men.",
            ("Abu Hamza", "perpetrator", "executed"),
        ),
    ],
)
def test_forms_that_claim_nothing(
    language: str, text: str, unexpected: tuple[str, str, str]
) -> None:
    assert unexpected not in facts(text, language)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # A time phrase between the group and the German verb, or inside "schloss sich … an".
        (
            "de",
            "Der Syrer Walid Kassem hat dem IS im Sommer 2013 Treue geschworen.",
            ("Walid Kassem", "affiliation", "Islamic State"),
        ),
        (
            "de",
            "Jonas Reuter schloss sich im Januar 2014 der Al-Nusra-Front an.",
            ("Jonas Reuter", "affiliation", "Jabhat al-Nusra"),
        ),
        # A role in apposition names the group: "X, a commander with ...", "X قائداً في داعش".
        (
            "en",
            "Abu Bakr, a commander with Jabhat al-Nusra, was killed.",
            ("Abu Bakr", "affiliation", "Jabhat al-Nusra"),
        ),
        (
            "ar",
            "وكان أبو حمزة الشامي قائداً في داعش منذ 2014.",
            ("أبو حمزة الشامي", "affiliation", "Islamic State"),
        ),
        # What the role is of, then the name after a comma.
        (
            "fr",
            "L'émir de la police islamique, Abou Talha al-Almani, a fait fouetter trois hommes.",
            ("Abou Talha al-Almani", "role", "emir"),
        ),
        # An untagged given name described by a nationality and a role right after it.
        (
            "en",
            "Mehmet, a Turkish smuggler in Gaziantep, said he guided them across the border.",
            ("Mehmet", "nationality", "Turkey"),
        ),
        # Arabic verb-first acts with the doer's title between the verb and his name.
        (
            "ar",
            "أعدم والي الرقة أبو لقمان خمسة رجال في ساحة النعيم.",
            ("أبو لقمان", "perpetrator", "أعدم"),
        ),
        (
            "ar",
            "قام المسؤول الأمني أبو عبيدة العراقي بتعذيب المعتقلين في سجن الطبقة.",
            ("أبو عبيدة العراقي", "perpetrator", "تعذيب"),
        ),
        # A group named inside the doer's apposition is not the doer.
        (
            "fr",
            "Abou Moussab, chef de la Hisba à Manbij, a torturé des détenus.",
            ("Abou Moussab", "perpetrator", "torturé"),
        ),
    ],
)
def test_more_claim_forms(language: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in facts(text, language)


def test_wrong_readings_are_not_made() -> None:
    """A sentence-opening adverb is no one; a group inside an apposition did nothing; a year
    before the victims is not their number."""
    opened = facts("Yesterday, a Turkish smuggler said he had guided them.", "en")
    assert not any(subject == "Yesterday" for subject, _, _ in opened)
    french = facts("Abou Moussab, chef de la Hisba à Manbij, a torturé des détenus.", "fr")
    assert not any(p == "perpetrator" and subject == "Hisba" for subject, p, _ in french)
    german = facts(
        "Der IS-Kommandeur Abu Omar al-Schischani ließ 2014 in Rakka Gefangene erschießen.", "de"
    )
    assert not any(p == "victim_count" for _, p, _ in german)
    assert ("Abu Omar al-Schischani", "ordered", "erschießen") in german


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The Belgian national Abu Yusuf was seen in Deir ez-Zor.", "Belgium"),
        ("fr", "Le ressortissant français Abou Yassine vivait à Raqqa.", "France"),
        ("de", "Der deutsche Staatsbürger Abu Ibrahim lebte in Rakka.", "Germany"),
    ],
)
def test_a_nationality_with_national_or_citizen(language: str, text: str, expected: str) -> None:
    assert any(p == "nationality" and v == expected for _, p, v in facts(text, language))


def test_a_relative_clause_between_doer_and_act_hides_neither() -> None:
    """ "X, who was in charge of ..., tortured": the clause's "was" is not the act's passive;
    "X, a guard, was executed" stays a victim."""
    doer = facts("Abu Bakr, who was in charge of the prison in Tabqa, tortured detainees.", "en")
    assert ("Abu Bakr", "perpetrator", "tortured") in doer
    victim = facts("Abu Bakr, a guard, was executed in Raqqa.", "en")
    assert not any(p == "perpetrator" for _, p, _ in victim)


def test_german_verb_second_names_the_doer_after_the_act() -> None:
    inverted = facts("Laut Zeugen erschoss Abu Hamza zwei Geiseln.", "de")
    assert ("Abu Hamza", "perpetrator", "erschoss") in inverted
    apart = facts("Die Gefangenen wurden erschossen, Abu Hamza sah zu.", "de")
    assert not any(p == "perpetrator" for _, p, _ in apart)


def test_a_name_taken_is_an_alias_and_claims_go_to_the_legal_name() -> None:
    found = facts(
        "Rami Haddad, a Swede who took the name Abu Jihad al-Swedi, served as a sniper for ISIS.",
        "en",
    )
    assert ("Rami Haddad", "alias", "Abu Jihad al-Swedi") in found
    assert ("Rami Haddad", "role", "sniper") in found


def test_german_accusative_description_and_part_taken_in_an_act() -> None:
    found = facts(
        "Das Gericht verurteilte Karim M., einen Iraker, weil er als Kämpfer des IS in Sindschar "
        "an der Versklavung jesidischer Frauen beteiligt war.",
        "de",
    )
    assert ("Karim M.", "nationality", "Iraq") in found
    assert any(s == "Karim M." and p == "perpetrator" for s, p, _ in found)
    denied = facts("Karim M. war nie an der Versklavung beteiligt.", "de")
    assert not any(p == "perpetrator" for _, p, _ in denied)


def test_people_counted_as_the_source_are_not_victims() -> None:
    sources = facts("Two former prisoners say Abu Jandal shot a fleeing boy in Raqqa.", "en")
    assert not any(p == "victim_count" for _, p, _ in sources)
    victims = facts("The wali ordered the execution of eleven tribesmen in Gharanij.", "en")
    assert any(p == "victim_count" and v == "11" for _, p, v in victims)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # The accusing verb before the accused, the act after a long description.
        (
            "en",
            "A court has charged Youssef El-Amrani, 34, a Dutch citizen, with membership of "
            "Islamic State and with the murder of a soldier.",
            ("Youssef El-Amrani", "perpetrator", "murder"),
        ),
        (
            "fr",
            "Le tribunal a condamné Sofiane K., gardien dans une prison à Raqqa, pour la torture "
            "de détenus.",
            ("Sofiane K.", "perpetrator", "torture"),
        ),
        # French "faire" + the act: an order.
        (
            "fr",
            "L'émir Abou Loqman a fait exécuter cinq militants.",
            ("Abou Loqman", "ordered", "exécuter"),
        ),
        # "One of them, X, tortured": the name beside a short opening phrase did it.
        (
            "en",
            "One of them, Abu Usama al-Tunisi, tortured my cousin.",
            ("Abu Usama al-Tunisi", "perpetrator", "tortured"),
        ),
        # German charge: "wirft X vor, sich 2014 dem IS angeschlossen zu haben".
        (
            "de",
            "Die Bundesanwaltschaft wirft Tarek S. vor, sich 2014 dem IS angeschlossen zu haben.",
            ("Tarek S.", "affiliation", "Islamic State"),
        ),
        # An adjective between the Arabic role and its group.
        (
            "ar",
            "قال ناشطون إن أبو عمر الشيشاني، القائد العسكري في تنظيم الدولة الإسلامية، قُتل.",
            ("أبو عمر الشيشاني", "affiliation", "تنظيم الدولة الإسلامية"),
        ),
        # An Arabic dual counts two.
        (
            "ar",
            "اعترف أبو أنس المغربي بأنه أعدم أسيرين في دير الزور.",
            ("أعدم", "victim_count", "2"),
        ),
    ],
)
def test_third_batch_forms(language: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in facts(text, language)


def test_a_slogan_the_model_calls_a_person_is_none() -> None:
    found = facts(
        "D'après Raqqa is Being Slaughtered Silently, l'émir Abou Loqman a fait exécuter cinq "
        "militants à Raqqa.",
        "fr",
    )
    assert not any(s.startswith("Raqqa is") for s, _, _ in found)
    assert ("Abou Loqman", "role", "emir") in found
