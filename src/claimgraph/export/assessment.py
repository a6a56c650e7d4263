"""What the analysis says about a corpus, in the shape the exports use: ratings and contradictions."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.analyze import Analysis, Contradiction, Rating
from claimgraph.kb import KnowledgeBase
from claimgraph.model import Corpus


@dataclass
class Assessment:
    """Admiralty ratings per claim and event id, the contradictions, and the hedged disagreements."""

    ratings: dict[str, Rating] = field(default_factory=dict)
    contradictions: list[Contradiction] = field(default_factory=list)
    hedged_disagreements: list[Contradiction] = field(default_factory=list)

    def credibility(self, item_id: str) -> int | None:
        """The credibility (1–6) of a claim or event, None when it was not rated."""
        rating = self.ratings.get(item_id)
        return rating.credibility if rating else None

    def within(self, corpus: Corpus) -> Assessment:
        """Only what concerns the claims and events of ``corpus`` (both sides of a conflict must be in it)."""
        ids = {item.id for e in corpus.extractions for item in (*e.claims, *e.events)}

        def inside(found: Contradiction) -> bool:
            return found.first.ref in ids and found.second.ref in ids

        return Assessment({k: v for k, v in self.ratings.items() if k in ids},
                          [c for c in self.contradictions if inside(c)],
                          [c for c in self.hedged_disagreements if inside(c)])


def assess(corpus: Corpus, kb: KnowledgeBase) -> Assessment:
    """Rate every claim and event of the corpus and find its contradictions (``claimgraph.analyze``)."""
    analysis = Analysis(corpus, kb)
    return Assessment({**analysis.event_ratings, **analysis.claim_ratings}, analysis.contradictions(),
                      analysis.hedged_disagreements())
