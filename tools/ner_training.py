"""What pursuit's NER training scripts share: the small CNN pipeline and the training loop.

Both the Arabic and the German model are a blank spaCy pipeline with one transition-based NER on
a hashed-embedding CNN (no word vectors, a few MB, fast on CPU), trained with a fixed seed and
kept at the epoch that scores best on a validation slice never trained on.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

import spacy
from spacy.training import Example
from spacy.util import minibatch

__all__ = ["small_ner_pipeline", "train_best"]


def small_ner_pipeline(language: str, embed_size: int) -> Any:
    """A blank pipeline for `language` with one small CNN NER."""
    nlp = spacy.blank(language)
    model = {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "hidden_width": 64,
        "maxout_pieces": 2,
        "use_upper": True,
        "tok2vec": {
            "@architectures": "spacy.HashEmbedCNN.v2",
            "pretrained_vectors": None,
            "width": 96,
            "depth": 4,
            "embed_size": embed_size,
            "window_size": 1,
            "maxout_pieces": 3,
            "subword_features": True,
        },
    }
    nlp.add_pipe("ner", config={"model": model})
    return nlp


def train_best(
    nlp: Any,
    parts: dict[str, list[Example]],
    epochs: int,
    batch_size: int,
    save: Callable[[Any], None],
) -> float:
    """Train on parts["train"], saving whenever parts["valid"] scores a new best; returns it."""
    optimizer = nlp.initialize(lambda: parts["train"])
    best = -1.0
    rng = random.Random(13)
    for epoch in range(epochs):
        started = time.monotonic()
        examples = list(parts["train"])
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=batch_size):
            nlp.update(batch, drop=0.25, sgd=optimizer, losses=losses)
        with nlp.use_params(optimizer.averages):
            score = float(nlp.evaluate(parts["valid"])["ents_f"])
            if score > best:
                best = score
                save(nlp)
        took = time.monotonic() - started
        print(f"epoch {epoch + 1}: loss {losses['ner']:.0f} valid F1 {score:.3f} ({took:.0f}s)")
    return best
