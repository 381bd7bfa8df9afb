"""Read: a file into text lines, each keeping the page and place it was printed on.

A PDF through PDFium (`pdf_text`: ruled tables as TAB-separated grid rows, `pdf_grid` their cells,
`pdf_unruled` tables without rules, `pdf_objects` a page's characters and rules); a web page, a
workbook or a Word document through `formats`, rendered as the grid text a PDF gives; `lines` the
lines of a text and its page furniture. Knows nothing of what a table is: what it needs of that is
handed to it (the workbook reader is given `parse.layout.names_a_table`).
"""
