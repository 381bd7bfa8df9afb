"""The narrative (情况说明): every figure its sentences state."""

from .figures import UNIVERSITY_SUBJECTS, NarrativeFigure, parse_narrative

__all__ = ["UNIVERSITY_SUBJECTS", "NarrativeFigure", "parse_narrative"]
