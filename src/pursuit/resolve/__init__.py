"""Resolution: which entities are one person — proposed by a model, decided by reviewers.

`entities` groups mentions by exact folded label; `resolution` scores person entities with Splink
(DuckDB or Spark) and clusters them under constraints into proposals; `review` is the queue where
reviewers judge them; `judgements` keeps every decision append-only; `identity` applies the
"same" decisions transitively, with "not same" as a hard constraint.

The Splink run lives in `pursuit.resolve.resolution` (and `backends`), imported on its own so that
reading entities never loads Splink or the names package.
"""

from pursuit.resolve.clusters import Attributes, ConstrainedClusters, Refusal, contradiction
from pursuit.resolve.identity import Identities, identities, identity_map
from pursuit.resolve.judgements import (
    Decision,
    Judgement,
    JudgementSource,
    current_judgements,
    judgement_history,
    record_judgement,
    withdraw_judgement,
)
from pursuit.resolve.proposals import Proposal, get_proposal
from pursuit.resolve.review import (
    QueueEntry,
    QueueStatus,
    decide,
    decide_many,
    last_decision,
    queue_counts,
    review_queue,
)
from pursuit.resolve.sides import EntitySide, MentionContext, entity_side

__all__ = [
    "Attributes",
    "ConstrainedClusters",
    "Decision",
    "EntitySide",
    "Identities",
    "Judgement",
    "JudgementSource",
    "MentionContext",
    "Proposal",
    "QueueEntry",
    "QueueStatus",
    "Refusal",
    "contradiction",
    "current_judgements",
    "decide",
    "decide_many",
    "entity_side",
    "get_proposal",
    "identities",
    "identity_map",
    "judgement_history",
    "last_decision",
    "queue_counts",
    "record_judgement",
    "review_queue",
    "withdraw_judgement",
]
