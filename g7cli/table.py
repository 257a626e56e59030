"""Box-drawn tables for a terminal, in the look of rich's default table
(heavy head, light body), written by hand: importing rich costs more than
drawing a small table, and its layout took seconds for thousands of rows.

Every character of every cell is shown: a table wider than the terminal
narrows its widest columns first and wraps their cells (at spaces, between
Japanese characters, else inside a word); it never crops. Widths are
display cells (a Japanese character takes two). Text is data: it is never
read as markup, and control characters are shown as symbols instead of
reaching the terminal.
"""
from __future__ import annotations

import re
import unicodedata

# A cell: plain text, or spans of (text, style or None) for a coloured part.
Span = tuple[str, str | None]
Cell = str | tuple[Span, ...]

STYLES = {"bold": "1", "italic": "3", "cyan": "36"}
# Columns keep their longest word up to this many cells while they can.
WORD = 10


class _Widths(dict):
    def __missing__(self, ch: str) -> int:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            width = 0
        elif unicodedata.east_asian_width(ch) in ("W", "F"):
            width = 2
        else:
            width = 1
        self[ch] = width
        return width


_WIDTHS = _Widths()


def width_of(text: str) -> int:
    """Display width in terminal cells of one line of (safe) text."""
    if text.isascii():
        return len(text)
    return sum(map(_WIDTHS.__getitem__, text))


# A release's text is untrusted: an escape sequence, a carriage return or a
# bidi override in it must not move the cursor, recolour the terminal or
# reorder what follows.
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _safe_char(m: re.Match) -> str:
    ch = m.group()
    if ch == "\t":
        return " "
    if ch in "\r\u2028\u2029":
        return "\n"
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)      # a visible symbol: ␛ for ESC, ␀ for NUL
    if code == 0x7F:
        return "\u2421"                # ␡
    return "\ufffd"


def safe(text: str) -> str:
    """`text` with tabs as spaces, CR and Unicode line separators as line
    breaks and every other control character as a visible symbol."""
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    return _UNSAFE.sub(_safe_char, text) if _UNSAFE.search(text) else text


# Japanese is written without spaces: a line may break between two wide
# characters, except before closing punctuation or after an opening bracket
# (the common kinsoku rules), so that 「」、。 stay with their words.
_NO_START = set("、。，．・：；？！゛゜ヽヾゝゞ々ー‐゠–〜～’”）〕］｝〉》」』】〙〗〟…‥"
                "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ,.;:!?)]}»%")
_NO_END = set("（〔［｛〈《「『【〘〖〝‘“([{«")
_TOKEN = re.compile(r"\s+|\S+\s*")


def _pieces(word: str) -> list[tuple[str, int]]:
    """`word` (no spaces) cut where a line may break, each piece with its width."""
    pieces = []
    start = size = 0
    prev_wide = False
    prev = ""
    for i, ch in enumerate(word):
        w = _WIDTHS[ch]
        if (i and (prev_wide or w == 2) and w
                and ch not in _NO_START and prev not in _NO_END):
            pieces.append((word[start:i], size))
            start, size = i, 0
        size += w
        if w:
            prev_wide, prev = w == 2, ch
    pieces.append((word[start:], size))
    return pieces


def wrap(line: str, width: int) -> list[str]:
    """One line of text as lines of at most `width` cells. A word goes to
    the next line when it does not fit; one longer than a whole line is
    broken where Japanese allows (between wide characters), else anywhere.
    Only the spaces where a line breaks are lost."""
    return [text for text, _ in _wrap(line, width)]


def _wrap(line: str, width: int) -> list[tuple[str, int]]:
    """wrap(), each line with its width."""
    if line.isascii():
        return [(text, len(text)) for text in _wrap_ascii(line, width)] if len(line) > width else [(line, len(line))]
    size = width_of(line)
    if size <= width:
        return [(line, size)]
    lines: list[tuple[str, int]] = []
    cur, used = "", 0

    def flush() -> None:
        if cur.strip():
            text = cur.rstrip()
            lines.append((text, used - width_of(cur[len(text):])))

    for token in _TOKEN.findall(line):
        word = token.rstrip()
        ww = width_of(word)
        tw = ww + width_of(token[len(word):])
        if used + ww <= width:
            cur += token
            used += tw
            continue
        if ww <= width:
            flush()
            cur, used = token, tw
            continue
        pieces = _pieces(word) if not word.isascii() else [(word, ww)]
        if len(pieces) == 1:
            # A long Latin word reads better folded from a line of its own.
            flush()
            cur, used = "", 0
        for piece, pw in pieces:
            if used + pw <= width:
                cur += piece
                used += pw
            elif pw <= width:
                flush()
                cur, used = piece, pw
            else:
                # Longer than a whole line: cut inside, character by character.
                for ch in piece:
                    cw = _WIDTHS[ch]
                    if used + cw > width and used:
                        flush()
                        cur, used = "", 0
                    cur += ch
                    used += cw
        cur += token[len(word):]
        used += tw - ww
    if cur.strip() or not lines:
        text = cur.rstrip()
        lines.append((text, used - width_of(cur[len(text):])))
    return lines


def _wrap_ascii(line: str, width: int) -> list[str]:
    """_wrap() for the common case, where a character is a cell."""
    lines: list[str] = []
    cur = ""
    for token in _TOKEN.findall(line):
        word = token.rstrip()
        if len(cur) + len(word) <= width:
            cur += token
            continue
        if cur.strip():
            lines.append(cur.rstrip())
        if len(word) <= width:
            cur = token
            continue
        cut = len(word) - (len(word) - 1) % width - 1
        lines.extend(word[k:k + width] for k in range(0, cut, width))
        cur = token[cut:]
    if cur.strip() or not lines:
        lines.append(cur.rstrip())
    return lines


def _longest_word(text: str, cap: int) -> int:
    best = 0
    for word in text.split():
        if len(word) > best or not word.isascii():
            best = max(best, width_of(word))
            if best >= cap:
                return cap
    return best


def _cell_width(text: str) -> int:
    if "\n" not in text:
        return width_of(text)
    return max(map(width_of, text.split("\n")))


def _fit(natural: list[int], floors: list[int], room: int, order: list[int]) -> list[int]:
    """Widths no wider than `natural`, no narrower than `floors`, summing to
    at most `room` where possible: the widest columns give way first (and
    get back first what rounding leaves, the widest by `order`)."""
    if sum(natural) <= room:
        return list(natural)
    if sum(floors) >= room:
        return list(floors)
    # The highest level L such that the columns cut down to L fit.
    lo, hi = 0, max(natural)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sum(max(f, min(n, mid)) for n, f in zip(natural, floors)) <= room:
            lo = mid
        else:
            hi = mid - 1
    widths = [max(f, min(n, lo)) for n, f in zip(natural, floors)]
    spare = room - sum(widths)
    for i in sorted(range(len(natural)), key=lambda i: -order[i]):
        if spare and widths[i] < natural[i]:
            widths[i] += 1
            spare -= 1
    return widths


def _widths(texts: list[list[str]], content: list[int], headers: list[str], show_header: bool, room: int,
            min_widths: list, max_widths: list, fixed: list) -> list[int]:
    """Each column's width: its content's when the table fits in `room`.
    Otherwise narrower in stages, each giving up less than the next: first
    headings wrap at their spaces; then columns narrow to their longest
    word (at most WORD cells, so that dates and codes stay whole), keeping
    the minimum widths asked for; then anything down to two cells (a bar
    keeps its whole length)."""
    n = len(headers)
    heads = [_cell_width(h) if show_header else 0 for h in headers]
    head_words = [_longest_word(h, 10 ** 6) if show_header else 0 for h in headers]
    natural, short_heads, hard = [], [], []
    for i in range(n):
        nat = max(content[i], heads[i], 1)
        short = max(content[i], head_words[i], 1)
        if max_widths[i]:
            cap = max(max_widths[i], content[i] if fixed[i] else 0)
            nat, short = min(nat, cap), min(short, cap)
        if min_widths[i]:
            nat, short = max(nat, min_widths[i]), max(short, min_widths[i])
        natural.append(nat)
        short_heads.append(min(nat, short))
        hard.append(min(nat, max(content[i], 1)) if fixed[i] else min(nat, 2))
    stages = [natural, short_heads]
    if sum(short_heads) > room:
        by_word = []
        for i in range(n):
            best = max(min(head_words[i], WORD), min(min_widths[i] or 0, natural[i]))
            if short_heads[i] > hard[i]:
                for text in texts[i]:
                    if best >= WORD:
                        break
                    if len(text) > best or not text.isascii():
                        best = max(best, _longest_word(text, WORD))
            by_word.append(max(hard[i], min(short_heads[i], best)))
        soft = [max(h, min(nat, m or 0)) for h, nat, m in zip(hard, natural, min_widths)]
        stages += [by_word, soft, hard]
    for wide, narrow in zip(stages, stages[1:]):
        if sum(narrow) <= room:
            return _fit(wide, narrow, room, [max(c, h) for c, h in zip(content, heads)])
    return stages[-1]


def _paint(text: str, style: str | None, colour: bool) -> str:
    if not colour or not style or not text:
        return text
    return f"\x1b[{STYLES.get(style, style)}m{text}\x1b[0m"


def _column(cells: list[Cell]) -> tuple[list[str], list[int], set[int], dict[int, tuple[Span, ...]]]:
    """One column's safe plain texts, their widths (a multi-line cell's
    widest line), which rows have several lines, and the styled cells."""
    styled = {r: tuple((safe(t), s) for t, s in c) for r, c in enumerate(cells) if not isinstance(c, str)}
    texts = [c if isinstance(c, str) else "".join(t for t, _ in styled[r]) for r, c in enumerate(cells)]
    blob = "".join(texts)
    multi: set[int] = set()
    # Most columns are clean one-line text, often ASCII: measured in one go.
    if _UNSAFE.search(blob) or "\n" in blob:
        texts = list(map(safe, texts))
        multi = {r for r, t in enumerate(texts) if "\n" in t}
        blob = "".join(texts)
    if blob.isascii() and not multi:
        sizes = list(map(len, texts))
    else:
        sizes = [_cell_width(t) if r in multi else width_of(t) for r, t in enumerate(texts)]
    return texts, sizes, multi, styled


def draw(headers: list[str], rows: list[list[Cell]], *, title: str | None = None,
         show_header: bool = True, width: int = 80, colour: bool = False,
         min_widths: list[int | None] | None = None, max_widths: list[int | None] | None = None,
         fixed: list[bool] | None = None) -> str:
    """The table as text, one line per row line, ending in a newline.

    `width`: the terminal's. `colour`: bold headings, an italic title and
    the cells' styles as ANSI escape codes. Per column, `min_widths` are kept
    while the table can fit with them, `max_widths` cap a column, and a
    `fixed` column is never narrower than its widest cell (a bar)."""
    n = len(headers)
    if not n:
        return ""
    headers = [safe(h) for h in headers]
    columns = [_column(list(cells)) for cells in zip(*rows)] if rows else [([], [], set(), {})] * n
    content = [max(sizes, default=0) for _, sizes, _, _ in columns]
    widths = _widths([texts for texts, _, _, _ in columns], content, headers, show_header, max(width - 3 * n - 1, 0),
                     min_widths or [None] * n, max_widths or [None] * n, fixed or [False] * n)

    cache: dict[tuple[str, int], list[str]] = {}

    def lines_of(text: str, w: int, style: str | None = None) -> list[str]:
        """A cell's lines, wrapped to `w`, painted, padded to `w`."""
        if style:
            return [_paint(part, style, colour) + " " * (w - used)
                    for line in text.split("\n") for part, used in _wrap(line, w)]
        # Tables repeat themselves (titles, places, kinds): each text is wrapped once.
        found = cache.get((text, w))
        if found is None:
            found = cache[text, w] = [part + " " * (w - used)
                                      for line in text.split("\n") for part, used in _wrap(line, w)]
        return found

    def join(parts: list, bar: str, bottom: bool = False) -> list[str]:
        """One row's lines from its cells' (a str: one line; a list: lines)."""
        cells = [p if isinstance(p, list) else [p] for p in parts]
        height = max(map(len, cells))
        # Headings sit on their last line, like rich's; cells on their first.
        cells = [c if len(c) == height else
                 [" " * w] * (height - len(c)) + c if bottom else c + [" " * w] * (height - len(c))
                 for c, w in zip(cells, widths)]
        return [f"{bar} " + f" {bar} ".join(line) + f" {bar}" for line in zip(*cells)]

    # Each column's cells as one padded line (a str) or several (a list).
    grid = []
    tall: set[int] = set()
    for (texts, sizes, multi, styled), w in zip(columns, widths):
        if not multi and not styled and max(sizes, default=0) <= w:
            grid.append([t + " " * (w - s) for t, s in zip(texts, sizes)])
            continue
        cells: list = []
        for r, (t, s) in enumerate(zip(texts, sizes)):
            if r in multi or s > w:
                cells.append(lines_of(t, w))
                tall.add(r)
            elif r in styled:
                # (A styled cell too wide for its column loses its colours, not its text.)
                cells.append("".join(_paint(x, style, colour) for x, style in styled[r]) + " " * (w - s))
            else:
                cells.append(t + " " * (w - s))
        grid.append(cells)

    out: list[str] = []
    total = sum(widths) + 3 * n + 1
    if title:
        # Centred over the table; a title wider than the table starts at its left edge.
        for line in wrap(safe(title).replace("\n", " "), max(total, width)):
            out.append(" " * max((total - width_of(line)) // 2, 0) + _paint(line, "italic", colour))
    if show_header:
        out.append("┏" + "┳".join("━" * (w + 2) for w in widths) + "┓")
        out.extend(join([lines_of(h, w, "bold") for h, w in zip(headers, widths)], "┃", bottom=True))
        out.append("┡" + "╇".join("━" * (w + 2) for w in widths) + "┩")
    else:
        out.append("┌" + "┬".join("─" * (w + 2) for w in widths) + "┐")
    if not tall:
        out.extend(["│ " + " │ ".join(parts) + " │" for parts in zip(*grid)])
    else:
        for r, parts in enumerate(zip(*grid)):
            if r in tall:
                out.extend(join(parts, "│"))
            else:
                out.append("│ " + " │ ".join(parts) + " │")
    out.append("└" + "┴".join("─" * (w + 2) for w in widths) + "┘")
    return "\n".join(out) + "\n"
