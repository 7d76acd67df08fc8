"""The example's outcome in the built calculator pages (build_scripts/site/example.py), no browser."""

from __future__ import annotations

import re


def calculator_pages(built_site) -> list[str]:
    return sorted(p.parent.name for p in (built_site / "rekenhulpen").glob("*/index.html")
                  if "data-calc=" in p.read_text(encoding="utf-8"))


def test_every_calculator_page_is_built_with_its_example_outcome(built_site):
    """Each calculator page holds a dated example verdict (not 'invalid') with its findings."""
    pages = calculator_pages(built_site)
    assert pages, "no calculator pages found"
    for name in pages:
        html = (built_site / "rekenhulpen" / name / "index.html").read_text(encoding="utf-8")
        section = re.search(r'<section data-example="(\d{4}-\d{2}-\d{2})" class="lwt-calc__result".*?</section>', html, re.S)
        assert section, f"{name}: no example outcome"
        verdict = re.search(r'<p class="lwt-verdict" data-status="(\w+)">([^<]+)</p>', section.group(0))
        assert verdict and verdict.group(1) in ("pass", "fail", "warning"), f"{name}: {verdict and verdict.group(0)}"
        assert '<li class="lwt-finding"' in section.group(0), f"{name}: no findings"
        assert "Voorbeeld:" in section.group(0)


def test_stage_uren_example_is_the_law_applied_to_its_example_values(built_site):
    """stage-uren's example: the hours of its example rows (weeks x days x hours, leerjaar 3-4),
    multiplied out here by hand, are the hours in the summary, and pass within 640-1280 clock hours."""
    html = (built_site / "rekenhulpen" / "stage-uren" / "index.html").read_text(encoding="utf-8")
    values = {}
    for tag in re.findall(r"<input [^>]*>", html):
        name, value = re.search(r'name="([^"]*)"', tag), re.search(r'value="([^"]*)"', tag)
        if name and value:
            values[name.group(1)] = value.group(1)
    years = dict(re.findall(r'name="perioden\.(\d+)\.leerjaar".*?<option value="(\d)" selected>', html, re.S))
    total = 0.0
    for row, year in years.items():
        parts = [values.get(f"perioden.{row}.{part}", "") for part in ("weken", "dagen_per_week", "uren_per_dag")]
        if all(parts) and year in ("3", "4"):
            weeks, days, hours = (float(part.replace(",", ".")) for part in parts)
            total += weeks * days * hours
    assert total > 0, (values, years)
    summary = re.search(r'<p class="lwt-summary">([^<]+)</p>', html).group(1)
    assert f"{total:.0f} uur" in summary, (total, summary)
    status = re.search(r'<p class="lwt-verdict" data-status="(\w+)"', html).group(1)
    assert status == ("pass" if 640 <= total <= 1280 else "fail")
