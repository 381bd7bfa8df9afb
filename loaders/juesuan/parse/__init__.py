"""Parse: a report's text lines into a `model.ParsedReport`: its tables, narrative and project forms.

`source` joins a report's files into one text; `layout` finds its tables by title; `tables/`
declares each table kind (one module each: titles, columns, identities) and reads it through the
grammars `grammar`, `grid`, `tables/coded.py` and `tables/two_sided.py`, over the cells `tokens`
makes; `placement` puts a plain-text row's figures where only the identities can say; `narrative/`
and `projects/` read the 情况说明 and the project forms; `report` runs them in order.
"""
