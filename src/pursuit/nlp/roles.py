"""Roles, ranks and incident words in English, French and Arabic.

No NER model tags "emir", "wali" or "beheading": these lists are what investigators search for in
testimony about armed groups. Each variant maps to one canonical English word, so claims read
the same whatever language the source was in.
"""

from __future__ import annotations

from functools import cache

from pursuit.nlp.model import IncidentKind
from pursuit.nlp.phrases import Entry, PhraseIndex

__all__ = ["INCIDENT_WORDS", "ROLE_WORDS", "incident_index", "role_index"]

ROLE_WORDS: dict[str, str] = {
    "emir": "emir|emirs|amir|amirs|emeer|émir|émirs|Emire|أمير|الأمير|امير|أميرا|أميراً",
    "wali": "wali|walis|governor|gouverneur|Gouverneur|والي|الوالي|واليا|والياً",
    "commander": (
        "commander|commanders|military commander|field commander|commandant|"
        "chef militaire|Kommandeur|Kommandeure|Kommandant|Befehlshaber|Anführer|قائد|القائد|"
        "قائد عسكري|قائدا|قائداً|قادة|القادة"
    ),
    "leader": "leader|leaders|chief|chef|dirigeant|زعيم|الزعيم",
    "deputy": "deputy|adjoint|نائب",
    "guard": (
        "guard|guards|prison guard|gardien|gardiens|garde|Wächter|Wärter|Gefängniswärter|"
        "حارس|الحارس|حارسا|حارساً|سجان|السجان"
    ),
    "fighter": (
        "fighter|fighters|foreign fighter|foreign fighters|combattant|combattants|Kämpfer|"
        "مقاتل|مقاتلين|المقاتلين|مقاتلا|مقاتلاً|مقاتلو"
    ),
    "judge": "judge|qadi|sharia judge|juge|Richter|Scharia-Richter|قاضي|القاضي|قاض|قاضيا|قاضياً",
    "smuggler": "smuggler|smugglers|passeur|passeurs|Schleuser|Schmuggler|مهرب|المهرب",
    "media official": (
        "media official|media officer|media emir|responsable médias|مسؤول إعلامي|الإعلامي"
    ),
    "security official": (
        "security official|security officer|security chief|amni|emni|مسؤول أمني|الأمني|أمني"
    ),
    "sharia official": "sharia official|shari|sharii|شرعي|الشرعي",
    "spokesman": "spokesman|spokesperson|porte-parole|متحدث|المتحدث",
    "executioner": "executioner|executioners|bourreau|Henker|جلاد|الجلاد|سياف",
    "sniper": "sniper|snipers|tireur d'élite|Scharfschütze|قناص|القناص",
    "recruiter": "recruiter|recruteur|Anwerber|مجند",
    "interrogator": "interrogator|interrogateur|محقق|المحقق",
    "police officer": "hisba officer|police officer|policier|شرطي",
    "soldier": "soldier|soldiers|soldat|soldats|جندي|جنود",
    "minister": "minister|ministre|وزير|الوزير",
    "president": "president|président|رئيس|الرئيس",
    "general": "general|général|لواء",
    "colonel": "colonel|عقيد",
    "captain": "captain|capitaine|نقيب",
    "lieutenant": "lieutenant|ملازم",
    "sergeant": "sergeant|sergent|رقيب",
    "doctor": "doctor|médecin|طبيب",
}

INCIDENT_WORDS: dict[IncidentKind, str] = {
    IncidentKind.EXECUTION: (
        "execution|executions|executed|execute|summary execution|exécution|exécutions|"
        "exécuté|exécutés|إعدام|أعدم|اعدام|الإعدام|Hinrichtung|Hinrichtungen|hingerichtet|"
        "hinrichten|exekutiert|exécuter|exécutez"
    ),
    IncidentKind.BEHEADING: (
        "beheading|beheadings|beheaded|decapitation|décapitation|décapité|décapités|"
        "قطع رأس|ذبح|ذبحوا|Enthauptung|Enthauptungen|enthauptet|enthaupten|geköpft|köpfen"
    ),
    IncidentKind.KILLING: (
        "killing|killings|killed|murder|murdered|murders|shot dead|shot|tué|tués|tuée|meurtre|"
        "assassinat|tuer|قتل|مقتل|قتلوا|Tötung|Tötungen|getötet|Mord|Morde|ermordet|erschossen|"
        "erschoss|tötete|ermordete|Erschießung|Erschießungen|Ermordung|erschießen|erschiessen|"
        "Erschiessung"
    ),
    IncidentKind.MASSACRE: "massacre|massacres|massacred|mass killing|مجزرة|مذبحة|Massaker",
    IncidentKind.TORTURE: (
        "torture|tortured|torturing|torturé|torturés|torturée|torturées|تعذيب|يعذب|عذب|عذبوا|"
        "يعذبون|Folter|gefoltert|folterte"
    ),
    IncidentKind.ABDUCTION: (
        "abduction|abductions|abducted|kidnapping|kidnapped|kidnap|enlèvement|enlevé|"
        "enlevés|خطف|اختطاف|اختطف|entführt|Entführung|entführte|Entführungen"
    ),
    IncidentKind.DETENTION: (
        "arrest|arrested|detention|detained|imprisoned|imprisonment|arrestation|arrêté|"
        "détention|اعتقال|اعتقل|احتجاز|Festnahme|festgenommen|verhaftet|Verhaftung"
    ),
    IncidentKind.ENSLAVEMENT: (
        "enslavement|enslaved|sexual slavery|slavery|esclavage|réduites en esclavage|سبي|استعباد|"
        "Versklavung|versklavt|versklavte|Sklaverei"
    ),
    IncidentKind.SEXUAL_VIOLENCE: "rape|raped|rapes|viol|violée|violées|اغتصاب",
    IncidentKind.SHELLING: "shelling|shelled|bombardment|bombardement|قصف",
    IncidentKind.BOMBING: (
        "bombing|bombings|suicide bombing|car bomb|airstrike|airstrikes|air strike|"
        "air strikes|attentat|frappe aérienne|تفجير|غارة"
    ),
    IncidentKind.STONING: "stoning|stoned|lapidation|lapidée|رجم",
    IncidentKind.CRUCIFIXION: "crucifixion|crucified|crucifié|صلب",
    IncidentKind.DESTRUCTION: "destruction of|destroyed|تدمير",
}

# Words that are roles only when they stand before a name or after "the"/"his"; alone they are
# too common to tag ("general" as an adjective, "leader" of anything).
AMBIGUOUS_ROLES = frozenset({"general", "captain", "doctor", "president", "leader", "deputy"})


@cache
def role_index() -> PhraseIndex:
    """All role variants, matched case-insensitively."""
    index = PhraseIndex()
    for role, variants in ROLE_WORDS.items():
        for variant in variants.split("|"):
            index.add(variant, Entry("role", role))
    return index


@cache
def incident_index() -> PhraseIndex:
    """All incident words, matched case-insensitively, labelled with their kind."""
    index = PhraseIndex()
    for kind, variants in INCIDENT_WORDS.items():
        for variant in variants.split("|"):
            index.add(variant, Entry("incident", kind.value))
    return index
