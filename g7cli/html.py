"""A saved web page -> the plain text of its main content.

Press releases saved from a browser come with the site around them: a
header, a global menu, a breadcrumb trail, a sidebar, share buttons, a
footer. Those are dropped, and the release itself becomes the same kind of
text a copy-and-paste gives, so that the extractor sees what it sees in a
.txt file:

- the main content is the page's <main> (or role="main", a single
  <article>, or a #main/#content block), else <body>;
- navigation, headers, footers, sidebars, breadcrumbs, menus, scripts,
  forms and hidden elements are removed, by element (nav, aside, ...), by
  ARIA role, and by the class/id names sites give them (gnav, topicpath,
  pankuzu, breadcrumb, footer, ...), except a block holding the page's
  headline;
- every block element (paragraph, heading, list item, table row, ...) is a
  line of its own; a list item gets "- " unless it starts with a marker of
  its own (・, ●, (1), 1.); <br> breaks a line; table cells are separated by
  a tab;
- white space collapses as a browser collapses it, except that a line break
  between two Japanese characters disappears (browsers do not show a space
  there either).

selectolax (lexbor) parses the page: it is fast (milliseconds for a release)
and small, and parses broken markup the way browsers do.
"""
from __future__ import annotations

import re

# Sniffing: what a saved page starts with (after a BOM and white space).
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                         re.I | re.S)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
# Web labels -> Python codecs, as browsers read them (WHATWG Encoding).
_LABELS = {
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "ms_kanji": "cp932",
    "csshiftjis": "cp932", "windows-31j": "cp932", "ms932": "cp932", "cp932": "cp932",
    "euc-jp": "euc_jp", "x-euc-jp": "euc_jp", "cseucpkdfmtjapanese": "euc_jp",
    "iso-2022-jp": "iso2022_jp", "csiso2022jp": "iso2022_jp",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
    "windows-1252": "cp1252", "cp1252": "cp1252",
    # A page whose <meta> can be read as ASCII is not UTF-16 whatever it says.
    "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8",
}

_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object",
              "embed", "video", "audio", "map", "form", "button", "select", "textarea", "input",
              "nav", "aside", "footer", "dialog", "head")
_DROP_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
               "toolbar", "dialog", "alert")
_BOILERPLATE = re.compile(
    r"(?:^|[-_\s])(?:g?navi?(?:gation)?|[glsu]nav|globalnav|localnav|sidenav|menu|megamenu|breadcrumbs?|"
    r"topicpath|topic-path|pankuzu|footer|header|"
    r"sidebar|side-?(?:menu|column|area|bar)|skip(?:-?link)?s?|share|sns|social|pagetop|page-?top|"
    r"back-?to-?top|to-?top|cookie|consent|banner|related|recommend|utility|util|language|lang-?switch|"
    r"search|print|toolbar|subnav|tabs?-?nav|widget|pager|pagination|hidden|visually-?hidden|sr-only|"
    r"screen-?reader|offscreen)(?:$|[-_\s\d])",
    re.I)
_MAIN_SELECTORS = ("main", "[role=main]", "#main", "#main-content", "#maincontent", "#mainContents",
                   "#main_contents", "#contents", "#content", ".main-content", "#primary")

_BLOCK = frozenset("""address article blockquote body caption center dd details div dl dt fieldset
    figcaption figure h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main ol p pre section summary
    table tbody tfoot thead tr ul""".split())
# Headings start a new paragraph of text: a blank line before them (none
# after: a heading's first line follows it, as in a release's plain text).
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
# A list or table ends its paragraph: a blank line after it.
_RUNS = frozenset("ul ol dl table".split())
_CELL = frozenset(("td", "th"))
_TAB = "\x1f"   # a cell separator that white-space collapsing leaves alone
_MARKER = re.compile(r"^(?:[・•●○◎■□◆◇▶▷►▸※＊*\-–—‐→⇒]|\(?\d{1,2}[).．.、]|\(\w\)|[①-⑳⑴-⒇㈠-㈩]|"
                     r"[（(][一二三四五六七八九十\d]+[)）])")
_SPACE = re.compile(r"[ \t\n\f\r]+")
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def is_html_name(name: str) -> bool:
    return name.lower().endswith((".html", ".htm", ".xhtml"))


def looks_like_html(data: bytes) -> bool:
    """Whether bytes whose name says nothing start like a web page."""
    return bool(_HTML_START.match(data[:4096]))


def declared_charset(data: bytes) -> str | None:
    """The codec a page names in <meta charset> or its XML declaration, if Python knows it."""
    import codecs

    head = data[:4096]
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not m:
        return None
    label = m.group(1).decode("ascii", "replace").strip().lower()
    label = _LABELS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def to_text(markup: str) -> str:
    """The main text of a page, one block per line."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(markup)
    body = tree.body
    if body is None:
        return "\n"
    root = _main(tree) or body
    # The headline: the first h1 with words in it (a logo in an h1 has none
    # or one), in the main block or, on some sites, just before it.
    headline = _headline(root, root) or _headline(body, body)
    _strip(root, headline)
    lines: list[str] = []
    site = _site_name(tree)
    if site:
        # Who published the page: the breadcrumb and logo that said so are gone.
        lines += [site, ""]
    if headline is not None and not _inside(headline, root):
        _render(headline, lines)
    _render(root, lines)
    while lines and lines[-1] == "":
        lines.pop()
    while lines and lines[0] == "":
        lines.pop(0)
    return "\n".join(lines) + "\n"


def _site_name(tree) -> str | None:
    for selector in ('meta[property="og:site_name"]', 'meta[name="application-name"]'):
        node = tree.css_first(selector)
        if node is not None and (node.attributes.get("content") or "").strip():
            return _collapse(node.attributes["content"])
    node = tree.css_first("title")
    title = _collapse(node.text() or "") if node is not None else ""
    parts = re.split(r"\s*[|｜]\s*", title)
    if len(parts) > 1 and 0 < len(parts[-1]) <= 40:
        return parts[-1]
    return None


def _main(tree):
    for selector in _MAIN_SELECTORS:
        found = tree.css(selector)
        if len(found) == 1 and _text_length(found[0]) > 0:
            return found[0]
    articles = tree.css("article")
    if len(articles) == 1:
        return articles[0]
    return None


def _headline(scope, stop):
    for h in scope.css("h1"):
        if _text_length(h) >= 5 and not _in_boilerplate(h, stop, tags_only=True):
            return h
    return None


def _text_length(node) -> int:
    return len((node.text(deep=True, separator="", strip=True) or ""))


def _inside(node, ancestor) -> bool:
    p = node
    while p is not None:
        if p.mem_id == ancestor.mem_id:
            return True
        p = p.parent
    return False


def _boilerplate(node) -> bool:
    tag = node.tag
    if tag in _DROP_TAGS:
        return True
    attrs = node.attributes
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
        return True
    style = (attrs.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    if (attrs.get("role") or "").lower() in _DROP_ROLES:
        return True
    names = " ".join(filter(None, (attrs.get("id"), attrs.get("class"))))
    if names and _BOILERPLATE.search(names):
        return True
    # <header>: the page's (an article's own holds the headline, which is kept).
    return tag == "header"


def _in_boilerplate(node, stop, tags_only: bool = False) -> bool:
    """Inside a nav, aside, footer (or, unless tags_only, any block dropped as boilerplate)."""
    p = node.parent
    while p is not None and p.mem_id != stop.mem_id:
        if p.tag in _DROP_TAGS if tags_only else _boilerplate(p):
            return True
        p = p.parent
    return False


def _strip(root, headline) -> None:
    keep = headline.mem_id if headline is not None else None
    doomed = []
    stack = [root]
    while stack:
        node = stack.pop()
        child = node.child
        while child is not None:
            if child.is_element_node:
                if _boilerplate(child) and not (keep is not None and _contains(child, headline)):
                    doomed.append(child)
                else:
                    stack.append(child)
            elif child.is_comment_node:
                doomed.append(child)
            child = child.next
    for node in doomed:
        node.decompose()


def _contains(node, target) -> bool:
    return _inside(target, node)


def _render(root, lines: list[str]) -> None:
    """Walk the tree without recursion (pages can nest thousands deep)."""
    out = _Lines(lines)
    # Items: (node, entering) pairs; leaving a block ends its line.
    stack = [(root, True)]
    while stack:
        node, entering = stack.pop()
        tag = node.tag
        if not entering:
            if tag in _BLOCK:
                out.end_line()
                if tag in _RUNS:
                    out.blank_line()
            elif tag in _CELL:
                out.cell_end()
            continue
        if tag == "-text":
            out.text(node.text_content or "")
            continue
        if not node.is_element_node:
            continue
        if tag == "br":
            out.break_line()
            continue
        if tag == "pre":
            out.end_line()
            for ln in (node.text(deep=True) or "").split("\n"):
                out.raw_line(ln.rstrip())
            continue
        if tag in _BLOCK:
            out.end_line()
            if tag in _HEADINGS:
                out.blank_line()
            if tag == "li":
                out.list_item()
        elif tag in _CELL:
            out.cell_start()
        elif tag == "img":
            continue
        stack.append((node, False))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, True) for c in reversed(children))


class _Lines:
    """Collects inline text into lines, collapsing white space like a browser."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.parts: list[str] = []
        self.item = False      # the current line is a list item still without text
        self.cells = 0

    def text(self, s: str) -> None:
        if s:
            self.parts.append(s)

    def list_item(self) -> None:
        self.item = True

    def cell_start(self) -> None:
        if self.cells:
            self.parts.append(_TAB)
        self.cells += 1

    def cell_end(self) -> None:
        pass

    def break_line(self) -> None:
        self._flush(keep_empty=True)

    def raw_line(self, s: str) -> None:
        self.lines.append(s)

    def blank_line(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def end_line(self) -> None:
        self._flush(keep_empty=False)
        self.cells = 0

    def _flush(self, keep_empty: bool) -> None:
        raw = "".join(self.parts)
        self.parts = []
        line = _collapse(raw)
        if not line:
            if keep_empty and self.lines and self.lines[-1] != "":
                self.lines.append("")
            return
        if self.item:
            if not _MARKER.match(line):
                line = "- " + line
            self.item = False
        self.lines.append(line)


def _collapse(raw: str) -> str:
    def space(m: re.Match) -> str:
        if "\n" in m.group() or "\r" in m.group():
            before = raw[m.start() - 1] if m.start() else ""
            after = raw[m.end()] if m.end() < len(raw) else ""
            if before and after and _WIDE.match(before) and _WIDE.match(after):
                return ""
        return " "

    line = _SPACE.sub(space, raw)
    line = re.sub(f" *{_TAB} *", _TAB, line).strip(" " + _TAB)
    return line.replace(_TAB, "\t")
