"""The narrative (情况说明): every figure its sentences state."""

from .figures import NarrativeFigure, parse_narrative

__all__ = ["NarrativeFigure", "parse_narrative"]
