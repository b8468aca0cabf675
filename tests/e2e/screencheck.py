#!/usr/bin/env python3
"""screencheck.py: checks on a `tmux capture-pane -p` text of innotrack's
full screen, counting display cells as a terminal does (East Asian Wide
and Fullwidth characters take two cells).

  screencheck.py frame FILE COLS ROWS STATUS BAR
      the screen is COLS x ROWS: title on the first line, STATUS on the
      status line (next to last), the key bar (last) starting with BAR,
      neither anywhere else; every line between title and status has the
      same column separators (menu bar and table columns), at least 3.
  screencheck.py has FILE TEXT LINE_TEXT...
      some line contains TEXT and every LINE_TEXT.
  screencheck.py nowide FILE CHARS
      none of CHARS (ambiguous-width glyphs) is on the screen.
  screencheck.py window FILE COLS
      a window is drawn over the screen (from its first top-left corner to
      its last bottom-right one), no line of it is wider than COLS, and
      its right border stands in one column on every line.
  screencheck.py selected FILE TEXT
      FILE is a `capture-pane -e` (with attributes): the text shown in
      reverse video on a line between the title and the status line (the
      selected row, or a column's title) contains TEXT.

Exit status 0 when the check holds; else 1 with the reason on stderr.
"""
import sys
import unicodedata

BARS = "\u2502|"


def cells(ch):
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def width(line):
    return sum(cells(c) for c in line)


def separators(line):
    col, out = 0, []
    for ch in line:
        if ch in BARS:
            out.append(col)
        col += cells(ch)
    return out


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    if text.endswith("\n"):
        text = text[:-1]
    return text.split("\n")


def fail(msg):
    sys.stderr.write(msg + "\n")
    return 1


def frame(path, cols, rows, status, bar):
    lines = read(path)
    cols, rows = int(cols), int(rows)
    if len(lines) != rows:
        return fail("%d lines, expected %d" % (len(lines), rows))
    for i, l in enumerate(lines):
        if width(l) > cols:
            return fail("line %d is %d cells wide, more than %d" % (i + 1, width(l), cols))
    if status not in lines[rows - 2]:
        return fail("status line %r lacks %r" % (lines[rows - 2], status))
    if not lines[rows - 1].startswith(bar):
        return fail("key bar %r does not start with %r" % (lines[rows - 1], bar))
    for i, l in enumerate(lines[:rows - 2]):
        if status in l or l.startswith(bar):
            return fail("line %d repeats the status or the key bar: %r" % (i + 1, l))
    ref = separators(lines[1])
    if len(ref) < 3:
        return fail("line 2 has %d separators: %r" % (len(ref), lines[1]))
    for i in range(1, rows - 2):
        s = separators(lines[i])
        if s != ref:
            return fail("line %d has separators at %s, line 2 at %s:\n%s\n%s"
                        % (i + 1, s, ref, lines[1], lines[i]))
    return 0


def has(path, text, *more):
    for l in read(path):
        if text in l and all(m in l for m in more):
            return 0
    return fail("no line with %r and %r" % (text, more))


def nowide(path, chars):
    for i, l in enumerate(read(path)):
        for c in chars:
            if c in l:
                return fail("line %d has %r: %r" % (i + 1, c, l))
    return 0


def window(path, cols):
    lines = read(path)
    top = [i for i, l in enumerate(lines) if "\u250c" in l]
    bot = [i for i, l in enumerate(lines) if "\u2518" in l]
    if not top or not bot:
        return fail("no window")
    ends = set()
    for l in lines[top[0]:bot[-1] + 1]:
        if width(l) > int(cols):
            return fail("wider than %s: %r" % (cols, l))
        k = max(l.rfind("\u2502"), l.rfind("\u2510"), l.rfind("\u2518"))
        ends.add(width(l[:k]))
    if len(ends) != 1:
        return fail("right border at cells %s" % sorted(ends))
    return 0


def reversed_text(line):
    """The characters of a line with escape sequences that are drawn in
    reverse video (SGR 7 until 27 or a reset)."""
    out, rev, i = [], False, 0
    while i < len(line):
        if line[i] == "\x1b" and line[i + 1:i + 2] == "[":
            j = i + 2
            while j < len(line) and not line[j].isalpha():
                j += 1
            if j < len(line) and line[j] == "m":
                for p in (line[i + 2:j] or "0").split(";"):
                    if p in ("", "0"):
                        rev = False
                    elif p == "7":
                        rev = True
                    elif p == "27":
                        rev = False
            i = j + 1
            continue
        if rev:
            out.append(line[i])
        i += 1
    return "".join(out)


def selected(path, text):
    lines = read(path)
    for l in lines[1:-2]:
        if text in reversed_text(l):
            return 0
    return fail("no reverse-video text with %r; reversed: %r"
                % (text, [reversed_text(l) for l in lines[1:-2] if reversed_text(l).strip()]))


def main(argv):
    cmds = {"frame": frame, "has": has, "nowide": nowide, "selected": selected, "window": window}
    if len(argv) < 3 or argv[1] not in cmds:
        return fail(__doc__)
    return cmds[argv[1]](*argv[2:])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
