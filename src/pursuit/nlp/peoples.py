"""Nationalities, demonyms and nisbas, each leading to an English country (or region) name.

A demonym in text ("a Saudi jihadist", "un Français", "سعودي") is a nationality mention; a nisba
at the end of a kunya ("al-Jazrawi", "الجزراوي") is only a hint of origin, stored as attributes of
the person mention, because noms de guerre borrow nisbas that are not true.
"""

from __future__ import annotations

import re
from functools import cache

from pursuit.nlp.phrases import Entry, PhraseIndex, fold

__all__ = ["DEMONYMS", "GERMAN_DEMONYMS", "NISBAS", "demonym_index", "nisba_origin"]

# country -> demonym variants (English, French, German, Arabic) separated by "|".
DEMONYMS: dict[str, str] = {
    "Saudi Arabia": "Saudi|Saudis|Saoudien|Saoudienne|Saoudiens|saoudien|saoudienne|سعودي|السعودي",
    "Syria": "Syrian|Syrians|Syrien|Syrienne|Syriens|syrien|syrienne|syriens|Syrer|سوري|السوري",
    "Iraq": "Iraqi|Iraqis|Irakien|Irakienne|irakien|irakienne|Iraker|عراقي|العراقي",
    "Turkey": "Turkish|Turk|Turks|Turc|Turque|turc|turque|Türke|تركي|التركي",
    "France": "French|Frenchman|Frenchwoman|Français|Française|français|française|فرنسي|الفرنسي",
    "Germany": "German|Germans|Allemand|Allemande|allemand|allemande|Deutscher|ألماني|الألماني",
    "United Kingdom": "British|Briton|Britons|Britannique|britannique|بريطاني|البريطاني",
    "Belgium": "Belgian|Belgians|Belge|belge|بلجيكي|البلجيكي",
    "Netherlands": "Dutch|Néerlandais|néerlandais|Niederländer|هولندي|الهولندي",
    "Sweden": "Swedish|Swede|Suédois|suédois|سويدي",
    "Denmark": "Danish|Dane|Danois|دنماركي",
    "Austria": "Austrian|Autrichien|نمساوي",
    "Spain": "Spanish|Spaniard|Espagnol|espagnol|إسباني",
    "Italy": "Italian|Italien|italien|إيطالي",
    "Tunisia": "Tunisian|Tunisians|Tunisien|Tunisienne|tunisien|tunisienne|تونسي|التونسي",
    "Morocco": "Moroccan|Moroccans|Marocain|Marocaine|marocain|marocaine|مغربي|المغربي",
    "Algeria": "Algerian|Algérien|algérien|جزائري|الجزائري",
    "Libya": "Libyan|Libyen|libyen|ليبي|الليبي",
    "Egypt": "Egyptian|Egyptians|Égyptien|égyptien|مصري|المصري",
    "Jordan": "Jordanian|Jordanien|jordanien|أردني|الأردني",
    "Lebanon": "Lebanese|Libanais|libanais|لبناني|اللبناني",
    "Yemen": "Yemeni|Yéménite|يمني|اليمني",
    "Kuwait": "Kuwaiti|Koweïtien|كويتي",
    "Iran": "Iranian|Iranians|Iranien|iranien|إيراني|الإيراني",
    "Afghanistan": "Afghan|Afghans|أفغاني",
    "Pakistan": "Pakistani|Pakistanais|باكستاني",
    "Russia": "Russian|Russians|Russe|russe|روسي|الروسي",
    "Chechnya": "Chechen|Chechens|Tchétchène|tchétchène|شيشاني|الشيشاني",
    "Uzbekistan": "Uzbek|Ouzbek|أوزبكي",
    "United States": "American|Americans|Américain|américain|أمريكي|الأمريكي",
    "Australia": "Australian|Australians|Australien",
    "Canada": "Canadian|Canadien",
    "Israel": "Israeli|Israelis|Israélien|إسرائيلي",
    "Palestine": "Palestinian|Palestinians|Palestinien|فلسطيني|الفلسطيني",
    "Kurdistan": "Kurdish|Kurd|Kurds|Kurde|Kurdes|kurde|kurdes|كردي|الكردي|الأكراد",
    "Yazidi": "Yazidi|Yazidis|Yezidi|Yézidi|yézidie|yézidis|إيزيدي|الإيزيديين|ايزيدي",
    "Arab": "Arab|Arabs|Arabe|عربي|العرب",
    "Somalia": "Somali|Somalien|صومالي",
    "Sudan": "Sudanese|Soudanais|سوداني",
    "China": "Chinese|Uyghur|Uighur|Chinois|صيني",
}

# German: the adjective's stem (declined below: "ein saudischer Staatsangehöriger", "die
# tunesische Kämpferin") and the nouns for a man, a woman and the plural.
GERMAN_DEMONYMS: dict[str, tuple[str, str]] = {
    "Saudi Arabia": ("saudisch|saudi-arabisch", "Saudi|Saudis|Saudiaraber"),
    "Syria": ("syrisch", "Syrer|Syrerin|Syrern"),
    "Iraq": ("irakisch", "Iraker|Irakerin|Irakern"),
    "Turkey": ("türkisch", "Türke|Türkin|Türken"),
    "France": ("französisch", "Franzose|Französin|Franzosen"),
    "Germany": ("deutsch", "Deutsche|Deutschen"),
    "United Kingdom": ("britisch", "Brite|Britin|Briten"),
    "Belgium": ("belgisch", "Belgier|Belgierin"),
    "Netherlands": ("niederländisch", "Niederländerin"),
    "Austria": ("österreichisch", "Österreicher|Österreicherin"),
    "Tunisia": ("tunesisch", "Tunesier|Tunesierin"),
    "Morocco": ("marokkanisch", "Marokkaner|Marokkanerin"),
    "Algeria": ("algerisch", "Algerier|Algerierin"),
    "Libya": ("libysch", "Libyer|Libyerin"),
    "Egypt": ("ägyptisch", "Ägypter|Ägypterin"),
    "Jordan": ("jordanisch", "Jordanier|Jordanierin"),
    "Lebanon": ("libanesisch", "Libanese|Libanesin"),
    "Yemen": ("jemenitisch", "Jemenit|Jemenitin"),
    "Russia": ("russisch", "Russe|Russin"),
    "Chechnya": ("tschetschenisch", "Tschetschene|Tschetschenin"),
    "Sweden": ("schwedisch", "Schwede|Schwedin"),
    "Kosovo": ("kosovarisch|kosovo-albanisch", "Kosovare|Kosovarin"),
    "Bosnia and Herzegovina": ("bosnisch", "Bosnier|Bosnierin"),
}
_GERMAN_ENDINGS = ("er", "e", "en", "es", "em")
_GERMAN_NOUNS = ("Staatsangehöriger", "Staatsangehörige", "Staatsangehörigen", "Staatsbürger")


def _german_variants(adjectives: str, nouns: str) -> list[str]:
    """Declined adjectives, with "Staatsangehöriger" after them ("saudischer Staatsangehöriger"
    is one span, so the model's guess at the noun alone does not win), and the nouns."""
    out = nouns.split("|")
    for stem in adjectives.split("|"):
        for ending in _GERMAN_ENDINGS:
            out.append(stem + ending)
            out += [f"{stem}{ending} {noun}" for noun in _GERMAN_NOUNS]
    return out


# Nisba stems, without the article and the final -i; matched in Latin and Arabic script.
NISBAS: dict[str, str] = {
    "Saudi Arabia": "jazrawi|jazraoui|jazarawi|jazrawy|saudi|جزراوي|سعودي|نجدي|najdi",
    "Tunisia": "tunisi|tounsi|tunsi|tounssi|تونسي",
    "France": "faransi|fransi|firansi|فرنسي",
    "Germany": "almani|allemani|ألماني|الماني",
    "Chechnya": "shishani|chechani|chichani|شيشاني",
    "Iraq": "iraqi|iraki|عراقي",
    "Egypt": "masri|misri|مصري",
    "Syria": "suri|shami|سوري|شامي",
    "Libya": "libi|liby|ليبي",
    "Morocco": "maghribi|maghrebi|مغربي",
    "Jordan": "urduni|ordoni|أردني|اردني",
    "United Kingdom": "britani|baritani|بريطاني",
    "Belgium": "beljiki|belgiki|بلجيكي",
    "Netherlands": "hollandi|هولندي",
    "United States": "amriki|amreeki|amriki|أمريكي|امريكي",
    "Turkey": "turki|تركي",
    "Yemen": "yemeni|yamani|يمني",
    "Lebanon": "lubnani|لبناني",
    "Algeria": "jazairi|djazairi|جزائري",
    "Sudan": "sudani|سوداني",
    "Somalia": "somali|صومالي",
    "Afghanistan": "afghani|أفغاني|افغاني",
    "Pakistan": "pakistani|باكستاني",
    "Uzbekistan": "uzbeki|أوزبكي|اوزبكي",
    "Russia": "rusi|روسي",
    "Dagestan": "daghestani|dagestani|داغستاني",
    "Kuwait": "kuwaiti|كويتي",
    "Sweden": "swedi|سويدي",
    "Australia": "australi|أسترالي|استرالي",
}

# City nisbas: the place, then its country.
CITY_NISBAS: dict[str, tuple[str, str]] = {
    "baghdadi": ("Baghdad", "Iraq"),
    "بغدادي": ("Baghdad", "Iraq"),
    "mosuli": ("Mosul", "Iraq"),
    "موصلي": ("Mosul", "Iraq"),
    "raqqawi": ("Raqqa", "Syria"),
    "رقاوي": ("Raqqa", "Syria"),
    "halabi": ("Aleppo", "Syria"),
    "حلبي": ("Aleppo", "Syria"),
    "homsi": ("Homs", "Syria"),
    "anbari": ("Anbar", "Iraq"),
    "انباري": ("Anbar", "Iraq"),
    "zarqawi": ("Zarqa", "Jordan"),
    "زرقاوي": ("Zarqa", "Jordan"),
    "falluji": ("Fallujah", "Iraq"),
    "tikriti": ("Tikrit", "Iraq"),
    "dimashqi": ("Damascus", "Syria"),
    "dayri": ("Deir ez-Zor", "Syria"),
    "ديري": ("Deir ez-Zor", "Syria"),
}

_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ash|ez|es|ed|er)[\s-]+", re.IGNORECASE)


@cache
def _nisba_table() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for country, stems in NISBAS.items():
        for stem in stems.split("|"):
            table[fold(stem)] = (country, "")
    for stem, (place, country) in CITY_NISBAS.items():
        table[fold(stem)] = (country, place)
    return table


def _german(key: str) -> tuple[str, ...]:
    """A German transliteration read back: "dschasrawi" -> "jasrawi", then "jazrawi" (German
    writes the Arabic j as "dsch", sh as "sch", and a voiced z as "s")."""
    if "sch" not in key and "s" not in key:
        return ()
    english = key.replace("dsch", "j").replace("tsch", "ch").replace("sch", "sh")
    return (english, english.replace("s", "z").replace("zh", "sh"))


def nisba_origin(word: str) -> tuple[str, str] | None:
    """(country, place or "") a nisba word points to, e.g. "al-Jazrawi" -> ("Saudi Arabia", "")."""
    bare = _ARTICLE.sub("", word.strip())
    key = fold(bare)
    if key.startswith("ال"):
        key = key[2:]
    for candidate in (key, key.rstrip("y") + "i" if key.endswith("y") else key, *_german(key)):
        found = _nisba_table().get(candidate)
        if found is not None:
            return found
    return None


@cache
def demonym_index() -> PhraseIndex:
    """Demonyms, cased as listed (so "french fries" is not a nationality)."""
    index = PhraseIndex()
    for country, variants in DEMONYMS.items():
        for variant in variants.split("|"):
            index.add(variant, Entry("nationality", country, cased=True))
    for country, (adjectives, nouns) in GERMAN_DEMONYMS.items():
        for variant in _german_variants(adjectives, nouns):
            index.add(variant, Entry("nationality", country, cased=True))
    return index
