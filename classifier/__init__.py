"""Scam-risk scoring of job listings: `load_scorer()` returns the current `Scorer`."""

from .scorer import Scorer, load_scorer

__all__ = ["Scorer", "load_scorer"]
