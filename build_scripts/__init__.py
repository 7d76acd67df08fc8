"""Build glue: data to JSON, the calculators bundle, Pyodide vendoring, forms, PDF, benchmark."""
