"""Counts and the scores derived from them; counts add up across documents (micro-averaging)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


@dataclass(frozen=True)
class PRF:
    """True positives, false positives and false negatives, with precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was predicted and nothing was expected."""
        return 1.0 if self.tp + self.fp + self.fn == 0 else _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when nothing was expected and nothing was predicted."""
        return 1.0 if self.tp + self.fp + self.fn == 0 else _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(frozen=True)
class Accuracy:
    """How many of the compared items were right."""

    correct: int = 0
    total: int = 0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    @property
    def value(self) -> float | None:
        """correct / total, or None when nothing was compared."""
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        value = self.value
        return {"accuracy": None if value is None else round(value, 4), "correct": self.correct,
                "total": self.total}


def merge_prf(maps: list[dict[str, PRF]]) -> dict[str, PRF]:
    """Add per-key counts (e.g. per actor type) across documents."""
    merged: dict[str, PRF] = {}
    for mapping in maps:
        for key, value in mapping.items():
            merged[key] = merged.get(key, PRF()) + value
    return dict(sorted(merged.items()))


def merge_accuracy(maps: list[dict[str, Accuracy]]) -> dict[str, Accuracy]:
    """Add per-key accuracies (e.g. per event field) across documents."""
    merged: dict[str, Accuracy] = {}
    for mapping in maps:
        for key, value in mapping.items():
            merged[key] = merged.get(key, Accuracy()) + value
    return merged
