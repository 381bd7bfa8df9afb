"""The one compiled part of juesuan; everything else is declared in pyproject.toml.

The PDF reader's character and path loops in C (loaders/juesuan/read/pdf_objects.py says why).
Optional: where it cannot be built (no C compiler) juesuan installs without it and reads every PDF
to the same text with the same loops in Python, about two thirds as fast. Declared here and not in
pyproject.toml, where setuptools still calls extension modules experimental.
"""

from setuptools import Extension, setup

setup(ext_modules=[Extension(
    "juesuan.read._pdfium_native",
    sources=["loaders/juesuan/read/_pdfium_native.c"],
    # No fused multiply-add: a point is rounded as Python rounds it, so both loops agree to the bit.
    extra_compile_args=["-ffp-contract=off"],
    optional=True,
)])
