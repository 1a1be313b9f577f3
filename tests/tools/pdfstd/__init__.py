"""The checks behind tests/tools/pdf_standard_check.py (PDF/UA-1 and PDF/A-2), one module per
concern: reading the file (document, content, structure, fonts, truetype, xmp), the checks
(checks_*), the registry and report, and the structure-tree text dump (struct_text)."""
