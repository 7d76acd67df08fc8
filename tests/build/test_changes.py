"""'Wat is er veranderd': the page and the Atom feed, built from the dated history in data/."""

from __future__ import annotations

import re
from html import unescape
from xml.etree import ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


def test_the_page_is_built_and_in_the_nav(built_site):
    """The page exists under Naslag and every page of the site links to it in the navigation."""
    page = (built_site / "wijzigingen" / "index.html").read_text(encoding="utf-8")
    assert "Wat is er veranderd" in page
    assert 'href="../wijzigingen/"' in (built_site / "bronnen" / "index.html").read_text(encoding="utf-8")


def test_the_page_lists_dates_newest_first(built_site):
    """The sections are dated and the dates go down the page."""
    page = (built_site / "wijzigingen" / "index.html").read_text(encoding="utf-8")
    days = re.findall(r'id="wijziging-(\d{4}-\d{2}-\d{2})"', page)
    assert len(days) >= 3
    assert days == sorted(days, reverse=True)


def test_the_page_names_the_2020_and_2022_changes(built_site):
    """The rekentoets becomes the schoolexamen rekenen on 1 August 2020; the WVO 2020 takes effect on 1 August 2022."""
    page = (built_site / "wijzigingen" / "index.html").read_text(encoding="utf-8")
    text = _text(page)
    section_2020 = _text(page.split('id="wijziging-2020-08-01"')[1].split("<h2")[0])
    assert "de rekentoets" in section_2020 and "het schoolexamen rekenen" in section_2020
    section_2022 = _text(page.split('id="wijziging-2022-08-01"')[1].split("<h2")[0])
    assert "WVO 2020 treedt in werking" in section_2022
    assert "UB WVO 2020 treedt in werking" in section_2022
    assert "31 juli 2022" in section_2022
    assert "1 augustus 2021" not in text


def test_the_feed_parses_as_atom_with_entries_newest_first(built_site):
    """feed.xml at the site root is an Atom feed; its entries carry ids, titles, links and dates in descending order."""
    root = ET.parse(built_site / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}title") and root.findtext(f"{ATOM}id") and root.findtext(f"{ATOM}updated")
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) >= 3
    updated = [entry.findtext(f"{ATOM}updated") for entry in entries]
    assert updated == sorted(updated, reverse=True)
    assert root.findtext(f"{ATOM}updated") == updated[0]
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == len(ids)
    for entry in entries:
        assert entry.findtext(f"{ATOM}title")
        link = entry.find(f"{ATOM}link").get("href")
        assert link.startswith("wijzigingen/#wijziging-"), link
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T00:00:00Z", entry.findtext(f"{ATOM}updated"))


def test_every_page_links_the_feed_relative_to_itself(built_site):
    """Every built page announces the feed in its head with a relative href, so the site works in a sub-folder."""
    pages = sorted(built_site.rglob("index.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        head = html.split("</head>")[0]
        match = re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', head)
        assert match, page
        href = match.group(1)
        assert not href.startswith(("/", "http")), (page, href)
        depth = len(page.relative_to(built_site).parts) - 1
        assert href == ("./feed.xml" if depth == 0 else "../" * depth + "feed.xml"), (page, href)
