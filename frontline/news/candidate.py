"""A candidate claim: what a text seems to say about a place, for a person to review before
it is saved (frontline.news.extract finds them; the Add article page and `frontline ingest`
show them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from frontline.model import Claim
from frontline.news.dates import DateSpan
from frontline.news.gazetteer import Entry


@dataclass(frozen=True)
class Candidate:
    """A claim the text seems to make, for a person to review before it is saved."""

    entry: Entry
    mention: str  # the spelling in the text ("Iyzum", "The town")
    status: str
    event: str
    certainty: str
    claimant: str
    date: DateSpan
    quote: str
    start: int
    end: int
    score: float
    mention_start: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, Any]:
        """The JSON form `frontline ingest` prints."""
        return {
            "place": self.entry.name,
            "place_id": self.entry.place_id or None,
            "geonames_id": self.entry.geonames_id,
            "lat": self.entry.lat,
            "lon": self.entry.lon,
            "oblast": self.entry.oblast,
            "kind": self.entry.kind,
            "status": self.status,
            "event": self.event,
            "certainty": self.certainty,
            "claimant": self.claimant,
            "date": self.date.start.isoformat(),
            "date_end": self.date.end.isoformat(),
            "date_precision": self.date.precision,
            "date_expression": self.date.expression,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "mention": self.mention,
            "score": self.score,
        }

    def to_claim(self, claim_id: str, place_id: str, article_id: str) -> Claim:
        return Claim(
            claim_id=claim_id,
            place_id=place_id,
            date=self.date.start,
            date_end=self.date.end,
            date_precision=self.date.precision,
            status=self.status,
            event=self.event,
            certainty=self.certainty,
            claimant=self.claimant,
            article_id=article_id,
            quote=self.quote,
            quote_start=self.start,
            quote_end=self.end,
            mention=self.mention,
        )


# --- the parts ---------------------------------------------------------------------------------
