"""The site's pages: a Python-Markdown extension that checks and expands the page macros.

- :mod:`.extension`: the extension (drift check, then macros) that ``mkdocs.yml`` names;
- :mod:`.registry`: every macro, collected from the modules below;
- :mod:`.macros`: the macro language, the ``Context`` and the ``norm`` macro;
- :mod:`.norm_tables` (macros) and :mod:`.tables` (the HTML table kit): norms as tables;
- :mod:`.calculator_form` and :mod:`.forms`: a calculator's form;
- :mod:`.charts`: charts drawn at build time; :mod:`.hosting_pages`: the pages about hosting;
- :mod:`.drift`: the check that no page types a norm value by hand;
- :mod:`.templating` and ``templates/``: the HTML of the macros;
- :mod:`.hooks`: the MkDocs hooks, wiring only (data check, bundle and hosting kit after the build).
"""
