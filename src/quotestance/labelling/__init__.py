"""Human in the loop: what to label next (`suggest`), which labels are probably wrong (`audit`)."""

from __future__ import annotations

from .audit import find_label_issues, out_of_fold_probs
from .suggest import margin_uncertainty, select, suggest

__all__ = ["find_label_issues", "margin_uncertainty", "out_of_fold_probs", "select", "suggest"]
