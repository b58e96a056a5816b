"""The generic words of web-page furniture in English, French, German and Arabic.

Sites differ, but the calls they make to a reader do not: subscribe, accept cookies, read more,
share, most read, all rights reserved. These patterns name those calls, never an outlet, so a
page from a site nobody has seen is cleaned as well as a known one. They are only consulted on
texts that already look like a saved web page (see `boilerplate`).
"""

from __future__ import annotations

import re

__all__ = ["BUTTON", "CALL", "CREDIT", "LIST_HEAD", "SEPARATORS"]

# A call to the reader, a consent banner, a paywall, a footer: the whole line is furniture.
CALL = re.compile(
    r"\b(?:subscribe|subscription|subscribers?|sign in|sign up|log ?in|log out|newsletters?|"
    r"cookies?|privacy (?:policy|settings|notice)|terms (?:of|and) (?:use|service|"
    r"conditions)|accept all|reject all|manage (?:preferences|settings)|advertisements?|"
    r"advertising|sponsored|skip to (?:main )?content|"
    r"aller au contenu(?: principal)?|zum inhalt springen|free articles?|unlimited (?:access|"
    r"reading)|already a (?:member|subscriber)|all rights reserved|contact us|about us|"
    r"follow us|share (?:this|on)|copy link|print this|download (?:the|our) app|back to top|"
    r"abonnez-vous|s'abonner|abonnés?|abonnement|se connecter|déconnexion|"
    r"publicité|contenu sponsorisé|lire la suite|lire aussi|à lire aussi|les plus lus|"
    r"mentions légales|tous droits réservés|politique de confidentialité|nous suivre|"
    r"abonnieren|abonnent(?:en|in)?|abo\b|anmelden|abmelden|weiterlesen|"
    r"lesen sie (?:auch|mehr)|meistgelesen|impressum|datenschutz(?:erklärung)?|"
    r"alle rechte vorbehalten|einwilligung)\b"
    r"|©|(?:^|\s)(?:تخطي إلى المحتوى|اشترك|اشتراك|الاشتراك|للمشتركين|"
    r"تسجيل الدخول|تسجيل الخروج|إعلان|اعلان|"
    r"اقرأ أيضا|اقرأ أيضاً|اقرأ المزيد|الأكثر قراءة|جميع الحقوق محفوظة|"
    r"ملفات تعريف الارتباط|سياسة الخصوصية|النشرة البريدية|تابعونا|اتصل بنا|من نحن)(?:\s|$|:)",
    re.I,
)
# Buttons: words that are furniture only when they stand (nearly) alone on a short line.
BUTTON = re.compile(
    r"^(?:share|tweet|email|e-mail|print|comments?|whatsapp|facebook|twitter|x|linkedin|"
    r"telegram|menu|search|advertisement|publicité|إعلان|home|close|accept|reject|ok|more|next|previous|listen|save|"
    r"partager|imprimer|commenter|rechercher|accueil|fermer|accepter|refuser|suivant|"
    r"teilen|drucken|suche|startseite|schließen|kontakt|merken|vorlesen|werbung|anzeige|"
    r"شارك|مشاركة|طباعة|بحث|الرئيسية|إغلاق|تعليقات)$",
    re.I,
)
# A picture credit or caption marker: "Photo: …", "Foto: …/dpa", "صورة: …", "(Getty Images)".
CREDIT = re.compile(
    r"(?:^|[\s(\[|])(?:photo(?:graph)?s?|pictures?|image|illustration|video|credits?|"
    r"photo d'illustration|crédits?(?: photo)?|vidéo|foto(?:s|grafie)?|bild(?:er)?|"
    r"bildquelle|quelle)\s*[:：]"
    r"|(?:^|\s)(?:صورة|الصورة|تصوير|مصدر الصورة)\s*[:：]"
    r"|(?:getty images|/\s?(?:afp|ap|dpa|epa|reuters)\b|\bvia getty\b)",
    re.I,
)
# Headings of lists of other articles; the headlines that follow them are furniture too.
LIST_HEAD = re.compile(
    r"^(?:most (?:read|popular|viewed|shared)|related(?: articles| stories| coverage)?|"
    r"read (?:more|next|also)|more (?:from|on|stories)|recommended(?: for you)?|trending|"
    r"you (?:may|might) also like|top stories|latest news|"
    r"les plus lus|(?:à )?lire aussi|sur le même sujet|à (?:la une|voir aussi)|"
    r"dans la même rubrique|nos (?:articles|dossiers)|"
    r"meistgelesen(?:e artikel)?|mehr zum thema|(?:das )?könnte sie (?:auch )?interessieren|"
    r"weitere artikel|empfohlen|"
    r"الأكثر قراءة|اقرأ أيضا|اقرأ أيضاً|مواضيع ذات صلة|أخبار ذات صلة|المزيد)\s*[:：]?\s*$",
    re.I,
)
# Characters that separate the entries of a menu written on one line.
SEPARATORS = re.compile(r"\s*(?:\||·|•|»|›|\t| / | – | — )\s*")
