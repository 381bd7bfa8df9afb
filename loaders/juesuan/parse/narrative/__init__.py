"""The narrative (情况说明): every figure its sentences state."""

from juesuan.parse.narrative.budget import BUDGET
from juesuan.parse.narrative.figures import FINAL, UNIVERSITY_SUBJECTS, NarrativeFigure, Vocabulary, parse_narrative

# The words of each kind of document (report.document_kind).
VOCABULARIES: dict[str, Vocabulary] = {"final": FINAL, "budget": BUDGET}

__all__ = ["UNIVERSITY_SUBJECTS", "VOCABULARIES", "NarrativeFigure", "Vocabulary", "parse_narrative"]
