"""juesuan (决算): parse Chinese government final-accounts disclosures into a DuckDB warehouse."""

__version__ = "0.1.0"
