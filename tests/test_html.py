"""Saved web pages: the main text only, and the same facts as the plain-text release."""
from __future__ import annotations

import dataclasses
import json

import pytest

from html_pages import page, site_of
from g7cli.extract import extract
from g7cli.extract.normalize import language
from g7cli.html import declared_charset, looks_like_html, to_text
from g7cli.resources import seeds_dir
from g7cli.ingest import read_text

SEEDS = sorted(seeds_dir().glob("*.txt"))
STYLES = [0, 1, 2]   # old ministry page, HTML5 page, single-page app (see html_pages.py)


def facts(extraction) -> dict:
    """Everything extracted except the headline and evidence offsets (the page's
    text differs from the .txt by the chrome that was dropped)."""
    def strip(o):
        if isinstance(o, dict):
            return {k: strip(v) for k, v in o.items() if k != "evidence"}
        if isinstance(o, list):
            return [strip(x) for x in o]
        return o

    d = dataclasses.asdict(extraction)
    del d["text"], d["title"]
    return strip(d)


def html_of(seed, style: int) -> str:
    text = seed.read_text(encoding="utf-8")
    lang = language(text)
    return page(text, style, lang, site_of(seed.name, lang))


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_pages_extract_the_same_as_the_text(seed, style):
    markup = html_of(seed, style)
    text, _ = read_text(markup.encode("utf-8"), name=seed.stem + ".html")
    assert facts(extract(text)) == facts(extract(seed.read_text(encoding="utf-8")))
    # None of the chrome leaked into the text.
    for chrome in ("gtag(", "font-family", "サイトマップ", "プライバシーポリシー", "Share this page", "Copyright",
                   "G20デジタル経済大臣会合の開催結果", "Minister's Schedule", "本文へ移動", "Capri",
                   "ページの先頭へ戻る", "検索"):
        assert chrome not in text, chrome


def test_seed_pages_through_the_cli_give_the_same_json(g7, tmp_path):
    """Text releases in one database, their saved pages in another: every query answers the same."""
    text_dir, html_dir = tmp_path / "txt", tmp_path / "html"
    text_dir.mkdir(), html_dir.mkdir()
    for i, seed in enumerate(SEEDS):
        (text_dir / seed.name).write_bytes(seed.read_bytes())
        markup = html_of(seed, STYLES[i % len(STYLES)])
        if i == 3:
            # A Japanese site still in Shift_JIS, saying so in its <meta>.
            markup = markup.replace('charset="utf-8"', 'charset="Shift_JIS"').replace("charset=UTF-8", "charset=Shift_JIS")
            (html_dir / f"{seed.stem}.html").write_bytes(
                markup.translate({0x2022: "・", 0xA0: " ", 0xA9: "(C)"}).encode("cp932"))
        else:
            (html_dir / f"{seed.stem}.htm" if i == 1 else html_dir / f"{seed.stem}.html").write_text(markup, encoding="utf-8")
    a, b = tmp_path / "text.db", tmp_path / "html.db"
    assert g7("--db", a, "ingest", text_dir).exit_code == 0
    result = g7("--db", b, "ingest", html_dir)
    assert result.exit_code == 0, result.stderr
    assert "documents: 5 added, 0 unchanged, 0 without a G7 meeting, 0 failed" in result.stderr

    def answers(db):
        out = {}
        for command in ("meetings", "delegates", "participants", "themes", "bilaterals", "outcomes"):
            rows = g7.json("--db", db, command)
            # The only difference allowed: the documents' file names.
            out[command] = json.loads(json.dumps(rows, ensure_ascii=False).replace(".html", ".txt").replace(".htm", ".txt"))
        out["documents"] = [{k: d[k] for k in ("language", "publisher", "published", "meeting_id")}
                            for d in g7.json("--db", db, "documents")]
        return out

    assert answers(b) == answers(a)


def test_main_text_blocks_lists_and_headings():
    markup = """<html><head><title>X</title></head><body>
    <div id="header"><h1 class="logo"><a href="/"><img alt="Ministry"></a></h1>
      <ul id="gnav"><li>Home</li><li>Press</li></ul></div>
    <nav class="breadcrumb"><a>Home</a> &gt; <a>Press</a></nav>
    <main><h1>Results of the G7 Meeting</h1><p class="date">March 18, 2024</p>
      <h2>1. Participants</h2>
      <ul><li>Canada</li><li>France</li><li>・Italy</li></ul>
      <p>First line<br>second line</p>
      <p>長い段落が
      ここで折り返されています。 Then English
      continues here.</p>
      <table><tr><th>Date</th><td>14 March</td></tr></table>
      <div class="share">Share on X</div>
      <aside>Related: G7 Summit</aside>
    </main>
    <footer>Copyright 2024</footer><script>var x = "G7";</script></body></html>"""
    assert to_text(markup) == (
        "Results of the G7 Meeting\nMarch 18, 2024\n\n1. Participants\n- Canada\n- France\n・Italy\n\n"
        "First line\nsecond line\n長い段落がここで折り返されています。 Then English continues here.\n"
        "Date\t14 March\n")


def test_headline_outside_main_is_kept_and_hidden_parts_dropped():
    markup = """<body><div class="title-area"><h1>G7 Digital Ministers' Meeting</h1></div>
    <div id="main"><p>Held in Paris.</p><p style="display: none">G7 Summit 2019</p>
    <p aria-hidden="true">hidden</p><p hidden>also hidden</p><noscript>enable JS</noscript>
    <form><input value="G7"><button>Search</button></form></div></body>"""
    assert to_text(markup) == "G7 Digital Ministers' Meeting\nHeld in Paris.\n"


def test_pathological_pages_do_not_crash():
    assert to_text("") == "\n"
    assert to_text("<html><body></body></html>") == "\n"
    deep = "<div>" * 5000 + "G7 deep" + "</div>" * 5000
    assert to_text(deep).strip() == "G7 deep"
    assert "G7" in to_text("<p>G7 <b>unclosed <i>tags <p>everywhere")
    assert to_text("<pre>a  b\n  c</pre>") == "a  b\n  c\n"


def test_sniffing_and_declared_charsets():
    assert looks_like_html(b"\xef\xbb\xbf  <!DOCTYPE html><html>")
    assert looks_like_html(b"<!-- saved from url=(0014)about:internet -->\n<html lang=ja>")
    assert not looks_like_html(b"G7 meeting <b>bold</b>")
    assert declared_charset(b'<meta charset="Shift_JIS">') == "cp932"
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=euc-jp">') == "euc_jp"
    assert declared_charset(b'<?xml version="1.0" encoding="EUC-JP"?><html>') == "euc_jp"
    assert declared_charset(b'<meta charset="utf-16">') == "utf-8"
    assert declared_charset(b'<meta charset="x-unknown">') is None


def test_html_on_stdin_and_a_page_with_no_text(g7, tmp_path):
    seed = SEEDS[1]
    result = g7("ingest", "-", input=html_of(seed, 2))
    assert result.exit_code == 0, result.stderr
    assert "1 added" in result.stderr
    docs = g7.json("documents")
    assert len(docs) == 1 and docs[0]["file_name"].startswith("stdin:")
    empty = tmp_path / "menu-only.html"
    empty.write_text("<html><body><nav><ul><li>Home</li></ul></nav><script>x()</script></body></html>")
    result = g7("ingest", empty)
    assert result.exit_code == 1
    assert f"{empty}: no text in this web page" in result.stderr
