"""Train pursuit's small Arabic NER model on the NewsFANE development split.

Usage (from the project root, CPU only, about 6 minutes on 2 cores):

    .venv/bin/python tools/train_arabic_ner.py [--data ../shared/data/newsfane-arabic-ner] \
        [--out src/pursuit/nlp/models/ar_newsfane] [--epochs 14]

NewsFANE's development split is all the gold Arabic we have, so the sentences are cut into the
blocks of 50 the split was made of; every fifth block (20 %) is held out and never trained on, so
bench/eval_nlp.py can report an honest figure on it. Of the rest, every tenth block picks the
best epoch. Labels: persons (fine class Group, i.e. peoples such as "العرب", become NORP),
organizations, places (GPE + LOC + FAC). The model and this script are CC BY-SA 3.0 derived work
of NewsFANE (Alotaibi and Lee, COLING 2014); see the README written next to the model.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path
from typing import Any

import spacy
from ner_training import small_ner_pipeline, train_best
from spacy.tokens import Doc
from spacy.training import Example

from pursuit.nlp.arabic_text import normalise_arabic

BLOCK = 50
HOLDOUT_EVERY = 5
VALID_EVERY = 10
PLACE = {"GPE", "LOC", "FAC"}


def split_of(index: int) -> str:
    """Which part a sentence (0-based line index) belongs to: 'holdout', 'valid' or 'train'."""
    block = index // BLOCK
    if block % HOLDOUT_EVERY == HOLDOUT_EVERY - 1:
        return "holdout"
    if block % VALID_EVERY == 0:
        return "valid"
    return "train"


def label_of(fine: str, coarse: str) -> str | None:
    """Map NewsFANE's fine and coarse classes onto the labels pursuit's model predicts."""
    if coarse == "PER":
        return "NORP" if fine == "Group" else "PER"
    if coarse == "ORG":
        return "ORG"
    if coarse in PLACE:
        return "LOC"
    return None


def bio_tags(row: dict[str, Any]) -> list[str]:
    """BILUO-free BIO tags with pursuit's labels; spaCy reads them with Doc(ents=...)."""
    tags: list[str] = []
    for fine, coarse in zip(row["tags_fine"], row["tags_coarse"], strict=True):
        if coarse == "O":
            tags.append("O")
            continue
        label = label_of(fine[2:], coarse[2:])
        tags.append("O" if label is None else f"{coarse[0]}-{label}")
    return tags


def load(path: Path, nlp: Any) -> dict[str, list[Example]]:
    """Examples per split; the words are normalised as pursuit normalises text at run time."""
    parts: dict[str, list[Example]] = {"train": [], "valid": [], "holdout": []}
    lines = (path / "sentences.jsonl").read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        row = json.loads(line)
        words = [normalise_arabic(w) or w for w in row["tokens"]]
        predicted = Doc(nlp.vocab, words=words)
        reference = Doc(nlp.vocab, words=words, ents=fix_bio(bio_tags(row)))
        parts[split_of(index)].append(Example(predicted, reference))
    return parts


def fix_bio(tags: list[str]) -> list[str]:
    """Turn an I- tag that follows a different label into B-, as spaCy requires."""
    fixed: list[str] = []
    for i, tag in enumerate(tags):
        prev = fixed[i - 1] if i else "O"
        if tag.startswith("I-") and (prev == "O" or prev[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        fixed.append(tag)
    return fixed


def save(nlp: Any, out: Path) -> None:
    """Write the pipeline, replacing an older copy, without the training-only vocab strings."""
    if out.exists():
        readme = (out / "README.md") if (out / "README.md").exists() else None
        kept = readme.read_text(encoding="utf-8") if readme else None
        shutil.rmtree(out)
    else:
        kept = None
    nlp.meta["name"] = "newsfane_ar"
    nlp.meta["version"] = "1.0.0"
    nlp.meta["license"] = "CC BY-SA 3.0"
    nlp.meta["sources"] = [{"name": "NewsFANE Gold 2014", "author": "F. Alotaibi, M. Lee"}]
    nlp.to_disk(out)
    if kept is not None:
        (out / "README.md").write_text(kept, encoding="utf-8")


def known_words(parts: dict[str, list[Example]], out: Path) -> None:
    """Ship the training words seen 3+ times: the run-time tokenizer splits clitics with them."""
    counts: dict[str, int] = {}
    for example in parts["train"] + parts["valid"]:
        for token in example.reference:
            counts[token.text] = counts.get(token.text, 0) + 1
    words = sorted(w for w, n in counts.items() if n >= 3 and len(w) > 1)
    (out / "known_words.txt").write_text("\n".join(words) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/newsfane-arabic-ner"))
    parser.add_argument("--out", type=Path, default=Path("src/pursuit/nlp/models/ar_newsfane"))
    parser.add_argument("--epochs", type=int, default=14)
    args = parser.parse_args()
    spacy.util.fix_random_seed(13)
    nlp = small_ner_pipeline("ar", embed_size=5000)
    parts = load(args.data, nlp)
    print({name: len(examples) for name, examples in parts.items()})
    best = train_best(nlp, parts, args.epochs, 16, lambda best: save(best, args.out))
    known_words(parts, args.out)
    print(f"best validation F1 {best:.3f}; model in {args.out}")


if __name__ == "__main__":
    main()
