"""Train pursuit's small German NER model on WikiANN German.

Usage (from the project root, CPU only; about 15 minutes on 2 shared cores):

    .venv/bin/python tools/train_german_ner.py [--data ../shared/data/german-ner] \
        [--out src/pursuit/nlp/models/de_wikiann] [--epochs 8]

Trains on WikiANN's train split and four fifths of its dev split; the remaining fifth of dev
(every fifth sentence) picks the best epoch. WikiANN's test split and the GermEval 2014 dev
split are never trained on, so bench/eval_german.py can report honest figures on both. Labels:
persons (PER), organizations (ORG), places (LOC).

Besides the pipeline, the script writes `common_nouns.txt`: capitalised words that the training
sentences use at least three times outside names (not first in a sentence), and seldom (under a
tenth as often) inside a person's name. German
capitalises every noun, so these are the words ("Sprecher", "Gefängnis") that make a model's
"person" doubtful when a span holds nothing else. The model and this list are derived from
WikiANN (Wikipedia text, CC BY-SA); see the README written next to the model.
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from collections import Counter
from pathlib import Path
from typing import Any

import spacy
from ner_training import small_ner_pipeline, train_best
from spacy.tokens import Doc
from spacy.training import Example

VALID_EVERY = 5
LABELS = ("PER", "ORG", "LOC")
NOUN_MIN = 3


def fix_bio(tags: list[str]) -> list[str]:
    """Keep only pursuit's labels and turn a stray I- tag into B-, as spaCy requires."""
    fixed: list[str] = []
    for i, tag in enumerate(tags):
        if tag != "O" and tag[2:] not in LABELS:
            tag = "O"
        prev = fixed[i - 1] if i else "O"
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append(tag)
    return fixed


def read(path: Path) -> list[dict[str, Any]]:
    """The sentences of one JSON-lines file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def example(nlp: Any, row: dict[str, Any]) -> Example:
    """One training example: the given tokens with their BIO tags."""
    words = [w.replace("\u00ad", "") or w for w in row["tokens"]]
    predicted = Doc(nlp.vocab, words=words)
    reference = Doc(nlp.vocab, words=words, ents=fix_bio(row["tags"]))
    return Example(predicted, reference)


def load(data: Path, nlp: Any) -> dict[str, list[Example]]:
    """Examples for training and for choosing the epoch; test splits are not read here."""
    train = [example(nlp, row) for row in read(data / "wikiann-train.jsonl")]
    valid: list[Example] = []
    for index, row in enumerate(read(data / "wikiann-dev.jsonl")):
        (valid if index % VALID_EVERY == 0 else train).append(example(nlp, row))
    return {"train": train, "valid": valid}


def save(nlp: Any, out: Path) -> None:
    """Write the pipeline, keeping an older README, with only the label strings in the vocab:
    the hashed features need no string table, and the training words stay out of the package."""
    readme = out / "README.md"
    kept = readme.read_text(encoding="utf-8") if readme.exists() else None
    if out.exists():
        shutil.rmtree(out)
    nlp.meta["name"] = "wikiann_de"
    nlp.meta["version"] = "1.0.0"
    nlp.meta["license"] = "CC BY-SA 3.0"
    nlp.meta["sources"] = [{"name": "WikiANN German", "author": "X. Pan et al.; A. Rahimi et al."}]
    nlp.to_disk(out)
    (out / "vocab" / "strings.json").write_text(json.dumps(sorted(LABELS)), encoding="utf-8")
    if kept is not None:
        readme.write_text(kept, encoding="utf-8")


def common_nouns(parts: dict[str, list[Example]], out: Path) -> int:
    """Write the capitalised words seen often outside names (not first in a sentence) and
    seldom inside a person's name."""
    plain: Counter[str] = Counter()
    person: Counter[str] = Counter()
    for ex in parts["train"] + parts["valid"]:
        for token in ex.reference:
            if token.ent_type_ == "PER":
                person[token.text] += 1
            elif not token.ent_type_ and token.i > 0 and token.text.istitle():
                plain[token.text] += 1
    words = sorted(w for w, n in plain.items() if n >= NOUN_MIN and person[w] * 10 < n)
    (out / "common_nouns.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    return len(words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/german-ner"))
    parser.add_argument("--out", type=Path, default=Path("src/pursuit/nlp/models/de_wikiann"))
    parser.add_argument("--epochs", type=int, default=8)
    args = parser.parse_args()
    started = time.monotonic()
    spacy.util.fix_random_seed(13)
    nlp = small_ner_pipeline("de", embed_size=6000)
    parts = load(args.data, nlp)
    print({name: len(examples) for name, examples in parts.items()})
    best = train_best(nlp, parts, args.epochs, 32, lambda best: save(best, args.out))
    nouns = common_nouns(parts, args.out)
    minutes = (time.monotonic() - started) / 60
    print(f"best validation F1 {best:.3f}; {nouns} common nouns; {minutes:.1f} min; {args.out}")


if __name__ == "__main__":
    main()
