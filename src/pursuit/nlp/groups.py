"""Armed groups and institutions of the Syria and Iraq conflicts, with their many names.

Statistical models miss or split these ("Daesh", "Jabhat al-Nusra", "قسد"), and every variant
must group under one label so that "X joined ISIS" and "X joined Daech" count together.
Short acronyms are matched with their capitals only ("IS", never "is").
"""

from __future__ import annotations

from functools import cache

from pursuit.nlp.phrases import Entry, PhraseIndex

__all__ = ["GROUPS", "group_index"]

# label -> variants separated by "|"; variants written in capitals are matched cased.
GROUPS: dict[str, str] = {
    "Islamic State": (
        "Islamic State|ISIS|ISIL|IS|Daesh|Da'esh|Daech|Daish|État islamique|Etat islamique|EI|"
        "Islamic State of Iraq and the Levant|Islamic State of Iraq and Syria|"
        "Islamic State of Iraq and al-Sham|Islamischer Staat|داعش|الدولة الإسلامية|"
        "تنظيم الدولة|الدولة الاسلامية|تنظيم داعش|Islamic State in Iraq and Syria"
    ),
    "Jabhat al-Nusra": (
        "Jabhat al-Nusra|al-Nusra Front|Nusra Front|al-Nusra|Nusra|Jabhat Fateh al-Sham|"
        "Front al-Nosra|Front al-Nusra|al-Nosra|جبهة النصرة|النصرة"
    ),
    "Hay'at Tahrir al-Sham": "Hay'at Tahrir al-Sham|Hayat Tahrir al-Sham|HTS|هيئة تحرير الشام",
    "al-Qaeda": (
        "al-Qaeda|al-Qaida|al Qaeda|Al-Qaïda|al-Qaïda|Qaeda|al-Qaeda in Iraq|AQI|القاعدة|"
        "تنظيم القاعدة"
    ),
    "Syrian Democratic Forces": "Syrian Democratic Forces|SDF|FDS|قوات سوريا الديمقراطية|قسد",
    "YPG": "YPG|People's Protection Units|وحدات حماية الشعب",
    "YPJ": "YPJ|Women's Protection Units|وحدات حماية المرأة",
    "PKK": "PKK|Kurdistan Workers' Party|حزب العمال الكردستاني",
    "Peshmerga": "Peshmerga|peshmergas|البيشمركة",
    "Free Syrian Army": (
        "Free Syrian Army|FSA|ASL|Armée syrienne libre|الجيش الحر|الجيش السوري الحر"
    ),
    "Ahrar al-Sham": "Ahrar al-Sham|أحرار الشام",
    "Jaish al-Islam": "Jaish al-Islam|Jaysh al-Islam|جيش الإسلام",
    "Hezbollah": "Hezbollah|Hizbollah|Hizbullah|Hezbollah|حزب الله",
    "Popular Mobilization Forces": (
        "Popular Mobilization Forces|Popular Mobilisation Forces|PMF|PMU|Hashd al-Shaabi|"
        "Hashd|الحشد الشعبي"
    ),
    "Syrian Arab Army": "Syrian Arab Army|Syrian army|SAA|الجيش السوري|الجيش العربي السوري",
    "Iraqi Security Forces": "Iraqi Security Forces|ISF|Iraqi army|الجيش العراقي",
    "Hisba": "Hisba|al-Hisba|الحسبة|ديوان الحسبة",
    "Amniyat": "Amniyat|al-Amniyat|الأمنيات|جهاز الأمن العام",
    "al-Khansaa Brigade": "al-Khansaa Brigade|Khansaa Brigade|Katibat al-Khansaa|كتيبة الخنساء",
    "Global Coalition": (
        "Global Coalition|Coalition|anti-ISIS coalition|Counter-Daesh Coalition|"
        "Global Coalition to Counter Daesh|التحالف الدولي"
    ),
    "United Nations": "United Nations|UN|ONU|Nations unies|UN Security Council|الأمم المتحدة",
    "European Union": "European Union|EU|UE|Union européenne|الاتحاد الأوروبي",
    "NATO": "NATO|OTAN|حلف الناتو",
    "CENTCOM": "CENTCOM|U.S. Central Command|US Central Command|Central Command",
    "Combined Joint Task Force": (
        "Combined Joint Task Force|Combined Joint Task Force – Operation Inherent Resolve|CJTF-OIR"
    ),
    "Assad regime": "Assad regime|Syrian regime|régime syrien|النظام السوري",
    "Ahl al-Sunna": "Ansar al-Sunna|Ansar al-Islam|أنصار الإسلام",
    "Jaish al-Muhajireen wal-Ansar": (
        "Jaish al-Muhajireen wal-Ansar|Jaysh al-Muhajirin wal-Ansar|جيش المهاجرين والأنصار"
    ),
    "Ansar al-Sharia": "Ansar al-Sharia|Ansar al-Charia|أنصار الشريعة",
    "Jund al-Aqsa": "Jund al-Aqsa|جند الأقصى",
    "Boko Haram": "Boko Haram|بوكو حرام",
    "Taliban": "Taliban|طالبان",
    "White Helmets": "White Helmets|Syria Civil Defence|الخوذ البيضاء",
    "International Criminal Court": "International Criminal Court|ICC|CPI|المحكمة الجنائية الدولية",
    "Europol": "Europol",
    "Interpol": "Interpol|الإنتربول",
}


@cache
def group_index() -> PhraseIndex:
    """All group names; acronyms and short names must match as capitalised."""
    index = PhraseIndex()
    for label, variants in GROUPS.items():
        for variant in variants.split("|"):
            cased = variant.isupper() or len(variant) <= 4 or variant in {"Coalition", "Hashd"}
            index.add(variant, Entry("organization", label, cased=cased, capitalised=True))
    return index
