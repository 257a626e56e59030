"""Saved-web-page versions of the seed press releases, for the HTML tests.

Each seed's text is laid out the way its ministry's site lays out a release
(three site templates in turn: an older table-less ministry page with
div#header / #gnav / #topicpath / #contents / #footer, an HTML5 page with
header / nav.breadcrumb / main / aside / footer, and a single-page-app page
with a skip link, language switch, role="main", share buttons and a
role="contentinfo" footer), with the chrome a browser saves: scripts,
styles, comments, menus full of words the extractor knows (G7, 大臣, dates,
country names), a breadcrumb, a sidebar of related releases, a footer.

The seed's own chrome lines (a breadcrumb, "Skip to main content",
"ページトップへ戻る") go into the page's chrome, where they belong; every other
line goes into the main content as a heading, list item or paragraph.
"""
from __future__ import annotations

import html
import re

# Lines of the seeds that are site chrome, not the release.
CHROME = re.compile(r"^(?:.* > .*|- .*|Skip to main content|日本語サイト|English|ページトップへ戻る|"
                    r"ページの先頭へ戻る|Back to top)$")
HEADING = re.compile(r"^(?:\d{1,2}[.．]\s?\S.{0,60}|\(\d{1,2}\)\s?\S.{0,60}|【.{1,30}】|\[ .{1,40} \]|"
                     r"（[一二三四五六七八九十]+）.{0,40})$")
BULLET = re.compile(r"^[\s\u00a0\u3000]*[•・]\s*")
SYMBOL_HEADING = re.compile(r"^[■●◆□◇▼]\s*\S.{0,40}$")

MENU_JA = ["ホーム", "大臣・副大臣", "会見・発言", "報道資料", "G7広島サミット特設ページ", "政策", "令和6年度予算",
           "所管法令", "English"]
MENU_EN = ["Home", "About us", "Press Conferences", "Minister's Schedule", "G7 Hiroshima Summit 2023",
           "Policies", "Japanese"]
RELATED_JA = ["G20デジタル経済大臣会合の開催結果（2024年9月13日）", "日米首脳会談（令和6年4月10日）",
              "G7外相会合（イタリア・カプリ）の結果"]
RELATED_EN = ["Results of the G20 Digital Economy Ministers' Meeting (September 13, 2024)",
              "Japan-Italy Foreign Ministers' Meeting, March 2024", "Minister Kono visits Germany and France"]
SCRIPT = """<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}
gtag('js',new Date());gtag('config','G-XXXX'); var t = "G7 Ministerial Meeting 2024年3月14日";</script>"""
STYLE = "<style>body{font-family:sans-serif} .g7 > li::before{content:'・'}</style>"


def _esc(s: str) -> str:
    return html.escape(s, quote=False)


def split(text: str) -> tuple[list[str], list[str], list[str]]:
    """(chrome at the top, the release's lines, chrome at the bottom)."""
    lines = text.split("\n")
    head: list[str] = []
    i = 0
    while i < len(lines) and (CHROME.match(lines[i].strip()) or not lines[i].strip()):
        if lines[i].strip():
            head.append(lines[i].strip())
        i += 1
    j = len(lines)
    tail: list[str] = []
    while j > i and (CHROME.match(lines[j - 1].strip()) or not lines[j - 1].strip()):
        if lines[j - 1].strip():
            tail.insert(0, lines[j - 1].strip())
        j -= 1
    return head, lines[i:j], tail


def body_html(lines: list[str], headline_tag: str = "h1") -> str:
    """The release's lines as headings, lists and paragraphs."""
    out: list[str] = []
    items: list[str] = []
    headline_done = False

    def flush_list():
        if items:
            out.append('<ul class="g7">' + "".join(f"<li>{i}</li>" for i in items) + "</ul>")
            items.clear()

    for k, raw in enumerate(lines):
        line = raw.rstrip()
        if not line.strip():
            flush_list()
            continue
        if not headline_done and ("G7" in line or "G20" in line or "結果" in line) and len(line) < 120:
            flush_list()
            # A date glued before the title (MIC's English page) is a span in the heading.
            m = re.match(r"^([A-Z][a-z]+ \d{1,2}, \d{4}) (.*)$", line)
            inner = (f'<span class="date">{_esc(m.group(1))}</span> {_esc(m.group(2))}' if m else _esc(line))
            out.append(f"<{headline_tag}>{inner}</{headline_tag}>")
            headline_done = True
            continue
        stripped = line.strip()
        if stripped.startswith("- ") or BULLET.match(line):
            # A list item, its bullet drawn by CSS; a PDF icon's text kept inline as sites show it.
            item = _esc(BULLET.sub("", line).strip()[2:] if stripped.startswith("- ") else BULLET.sub("", line))
            item = item.replace("PDF", '<img src="/icon-pdf.gif" alt=""><span class="icon">PDF</span>', 1)
            items.append(f'<a href="/main_content/000{len(items) + 1}.pdf">{item}</a>' if "PDF" in line else item)
            continue
        flush_list()
        if HEADING.match(stripped) or SYMBOL_HEADING.match(stripped):
            level = "h3" if stripped.startswith(("(", "【", "[", "（")) else "h2"
            out.append(f"<{level}>{_esc(stripped)}</{level}>")
        elif stripped.startswith(("(Meeting with", "(左から")):
            out.append(f'<p class="caption">{_esc(line)}</p>')
        elif _title_line(stripped, lines, k):
            out.append(f"<h3>{_esc(stripped)}</h3>")
        else:
            # Long Japanese paragraphs are wrapped in the source, as editors wrap them.
            out.append("<p>" + _wrap(_esc(line)) + "</p>")
    flush_list()
    return "\n".join(out)


def _title_line(line: str, lines: list[str], k: int) -> bool:
    """A short line over a paragraph: a title a site would mark up as a heading."""
    if len(line) > 80 or re.search(r"[。.:：,、]$", line):
        return False
    nxt = next((ln.strip() for ln in lines[k + 1:] if ln.strip()), "")
    return len(nxt) > 80


def _wrap(s: str, width: int = 70) -> str:
    if len(s) <= width or " " in s[:width]:
        return s
    return "\n".join(s[k:k + width] for k in range(0, len(s), width))


SITES = {"mic": ("総務省", "Ministry of Internal Affairs and Communications"),
         "meti": ("経済産業省", "Ministry of Economy, Trade and Industry"),
         "mofa": ("外務省", "Ministry of Foreign Affairs of Japan"),
         "cao": ("内閣府", "Cabinet Office"), "digital-agency": ("デジタル庁", "Digital Agency"),
         "da": ("デジタル庁", "Digital Agency"), "magazine": ("文部科学省", "MEXT")}


def site_of(name: str, lang: str) -> str:
    """The site a seed was saved from, by the publisher its file name gives."""
    for key, (ja, en) in SITES.items():
        if f"-{key}-" in name:
            return ja if lang == "ja" else en
    return "Government of Japan"


def page(text: str, style: int, lang: str, site: str) -> str:
    head, lines, tail = split(text)
    menu = MENU_JA if lang == "ja" else MENU_EN
    related = RELATED_JA if lang == "ja" else RELATED_EN
    crumbs = head or (["ホーム", "報道資料"] if lang == "ja" else ["Home", "Press releases"])
    crumbs = [c for line in crumbs for c in line.lstrip("- ").split(" > ")]
    title = next((ln.strip() for ln in lines if "G7" in ln), "Press release")
    content = body_html(lines)
    footer_ja = ("<p>〒100-8926 東京都千代田区霞が関2丁目1番2号 電話 03-5253-5111（代表）</p>"
                 "<p>Copyright © Ministry of Internal Affairs and Communications All Rights Reserved.</p>")
    footer_en = ("<p>2-1-2 Kasumigaseki, Chiyoda-ku, Tokyo 100-8926, Japan. Tel: +81-3-5253-5111</p>"
                 "<p>&copy; 2024 Digital Agency, Government of Japan</p>")
    footer = footer_ja if lang == "ja" else footer_en
    tail_html = "".join(f'<p class="pagetop"><a href="#top">{_esc(t)}</a></p>' for t in tail)
    if style == 0:
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html lang="{lang}"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>{_esc(title)}｜{_esc(site)}</title>{STYLE}{SCRIPT}</head>
<body id="top">
<div id="header"><h1 id="logo"><a href="/"><img src="/logo.gif" alt="{_esc(site)}"></a></h1>
<div id="gnav"><ul>{"".join(f'<li><a href="/{i}">{_esc(m)}</a></li>' for i, m in enumerate(menu))}</ul></div>
<form id="search" action="/search"><input type="text" name="q"><button>検索</button></form></div>
<div id="topicpath"><ol>{"".join(f"<li><a href='#'>{_esc(c)}</a></li>" for c in crumbs)}</ol></div>
<div id="contents">
<div id="contentsMain">
<!-- ▼本文ここから -->
{content}
<!-- ▲本文ここまで -->
</div>
<div id="sidebar"><h2>関連報道資料</h2><ul>{"".join(f"<li><a href='#'>{_esc(r)}</a></li>" for r in related)}</ul></div>
{tail_html}
</div>
<div id="footer"><ul class="footer-links"><li>サイトマップ</li><li>ご意見・ご質問</li><li>プライバシーポリシー</li></ul>
{footer}</div>
</body></html>
"""
    if style == 1:
        return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{_esc(title)}</title><meta property="og:site_name" content="{_esc(site)}">{STYLE}</head>
<body>
<a class="skip-link" href="#main">本文へ移動</a>
<header class="site-header"><div class="logo"><a href="/">{_esc(site)}</a></div>
<nav class="global-nav" aria-label="メインメニュー"><ul>{"".join(f'<li><a href="#">{_esc(m)}</a></li>' for m in menu)}</ul></nav></header>
<nav class="breadcrumb" aria-label="パンくずリスト"><ol>{"".join(f"<li><a href='#'>{_esc(c)}</a></li>" for c in crumbs)}</ol></nav>
<main id="main">
<article class="news-release">
{content}
<div class="sns-share"><a href="#">X（旧Twitter）でシェア</a> <a href="#">Facebookでシェア</a></div>
</article>
</main>
<aside class="related"><h2>関連リンク</h2><ul>{"".join(f"<li><a href='#'>{_esc(r)}</a></li>" for r in related)}</ul></aside>
<footer><nav><ul><li>お問合せ</li><li>アクセシビリティ</li></ul></nav>{footer}
<p class="page-top"><a href="#">ページの先頭へ戻る</a></p></footer>
{SCRIPT}
</body></html>
"""
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="UTF-8"><title>{_esc(title)} | {_esc(site)}</title>
<link rel="stylesheet" href="/_next/static/css/app.css"><script id="__NEXT_DATA__" type="application/json">{{"props":{{"title":"G7 2024"}}}}</script></head>
<body><div id="__next">
<a href="#main" class="skip-link">Skip to main content</a>
<header><div class="header-inner"><a href="/" class="logo">{_esc(site)}</a>
<div class="lang-switch"><a href="/ja">日本語サイト</a></div>
<nav aria-label="Global"><ul>{"".join(f'<li><a href="#">{_esc(m)}</a></li>' for m in menu)}</ul></nav></div></header>
<div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/news">News</a> &gt; <span>{_esc(title)}</span></div>
<div role="main" id="main">
<div class="article-body">{content}</div>
<div class="share-buttons" aria-label="Share">Share this page: X Facebook LINE</div>
<div hidden>Results of the G7 Foreign Ministers' Meeting held in Capri, Italy on April 17, 2024</div>
</div>
<div class="sidebar"><h2>Related</h2><ul>{"".join(f"<li>{_esc(r)}</li>" for r in related)}</ul></div>
<footer role="contentinfo">{footer}</footer>
</div>{SCRIPT}</body></html>
"""
