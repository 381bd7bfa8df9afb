"""Surfaces: what a user runs and reads. `main` is the command line; `check` runs the compiled
checks over files without a warehouse; `query` is the read-only SQL connection and its limits;
`export` writes tables out for BI tools, `site` the static site of `juesuan report`; `outputs` says
where a writer may write (never onto what juesuan did not make); `formatting` is the one way a
figure and its place are shown; `terminal` prints report text safely.
"""
