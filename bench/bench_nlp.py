"""NLP throughput: words per second of extract_mentions + extract_claims, and peak memory.

Pinned to 2 cores. Corpora: English (re3d document texts), Arabic (NewsFANE sentences joined
into paragraphs) and French (a generated testimony-style corpus); when ../shared/data is absent,
generated English and Arabic text stands in. Model loading is timed apart from the run.
Results go to bench/results/nlp.json and nlp.md.

    .venv/bin/python bench/bench_nlp.py [--words 200000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "2")
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, set(sorted(os.sched_getaffinity(0))[:2]))

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared" / "data"
RESULTS = ROOT / "bench" / "results"

from pursuit.nlp import extract_claims, extract_mentions  # noqa: E402

FRENCH = (
    "Selon un témoin, l'émir saoudien Abou Hafs al-Jazraoui a ordonné l'exécution de trois "
    "hommes à Raqqa en 2015. Les combattants de Daech ont enlevé des femmes yézidies près de "
    "Sinjar à l'été 2014, puis les ont emmenées à Mossoul. Le passeur tunisien vivait à "
    "Bruxelles avant de rejoindre l'organisation État islamique en Syrie."
).split(". ")
ENGLISH = (
    "The witness said that fighters of the group held the village in summer 2014. The emir "
    "Abu Hafs al-Jazrawi ordered the execution of almost 300 civilians near Deir ez-Zor. A "
    "French fighter, Abu Omar al-Faransi, joined ISIS in 2013 and was in Raqqa in 2015."
).split(". ")
ARABIC = (
    "قال الشاهد إن أبو حفص الجزراوي أمير تنظيم الدولة في الرقة أمر بإعدام حوالي 300 مدني في "
    "دير الزور عام 2014. وانضم أبو عمر الشيشاني إلى داعش ثم انتقل إلى الموصل."
).split(". ")


def _generated(sentences: list[str], words: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out: list[str] = []
    count = 0
    while count < words:
        paragraph = ". ".join(rng.choice(sentences) for _ in range(5)) + "."
        out.append(paragraph)
        count += len(paragraph.split())
    return out


def _cap(paragraphs: list[str], words: int) -> list[str]:
    out: list[str] = []
    count = 0
    for p in paragraphs:
        if count >= words:
            break
        out.append(p)
        count += len(p.split())
    return out


def corpus(language: str, words: int) -> tuple[str, list[str]]:
    """(description, paragraphs) of about `words` words."""
    re3d = SHARED / "re3d-syria-iraq-ner" / "documents.jsonl"
    fane = SHARED / "newsfane-arabic-ner" / "sentences.jsonl"
    if language == "en" and re3d.exists():
        docs = [json.loads(line)["text"] for line in re3d.read_text(encoding="utf-8").splitlines()]
        paragraphs = [p for d in docs for p in d.split("\n\n") if p.strip()]
        return "re3d document texts", _cap(paragraphs * 10, words)
    if language == "ar" and fane.exists():
        rows = [
            json.loads(line)["tokens"] for line in fane.read_text(encoding="utf-8").splitlines()
        ]
        paragraphs = [
            " ".join(" ".join(r) for r in rows[i : i + 5]) for i in range(0, len(rows), 5)
        ]
        return "NewsFANE sentences, 5 per paragraph", _cap(paragraphs * 3, words)
    source = {"en": ENGLISH, "fr": FRENCH, "ar": ARABIC}[language]
    return "generated testimony-style text", _generated(source, words, 7)


def run(language: str, words: int) -> dict[str, object]:
    started = time.perf_counter()
    extract_mentions("Warm-up in Raqqa." if language != "ar" else "في الرقة", language)
    load = time.perf_counter() - started
    description, paragraphs = corpus(language, words)
    total = sum(len(p.split()) for p in paragraphs)
    mentions = claims = 0
    started = time.perf_counter()
    for paragraph in paragraphs:
        found = extract_mentions(paragraph, language)
        mentions += len(found)
        claims += len(extract_claims(paragraph, found))
    took = time.perf_counter() - started
    return {
        "language": language,
        "corpus": description,
        "paragraphs": len(paragraphs),
        "words": total,
        "seconds": round(took, 2),
        "words_per_second": round(total / took),
        "mentions": mentions,
        "claims": claims,
        "model_load_seconds": round(load, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="pursuit.nlp throughput on 2 cores")
    parser.add_argument("--words", type=int, default=100_000)
    args = parser.parse_args()
    rows = [run(language, args.words) for language in ("en", "fr", "ar")]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {"cores": len(os.sched_getaffinity(0)), "peak_rss_mb": round(peak), "runs": rows}
    lines = [
        "# pursuit.nlp throughput",
        "",
        f"{result['cores']} cores; peak resident memory of the run {result['peak_rss_mb']} MB.",
        "",
        "| language | corpus | words | words/s | mentions | claims | model load s |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['language']} | {r['corpus']} | {r['words']} | {r['words_per_second']} | "
            f"{r['mentions']} | {r['claims']} | {r['model_load_seconds']} |"
        )
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "nlp.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "nlp.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
