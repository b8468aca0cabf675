#!/usr/bin/env python3
"""nolatin.py: find English on a Chinese screen or in a Chinese command's
output.  Reads FILE... (or stdin; --allow "WORDS" adds words of the test
data; --punct also finds an English ", " or ": " after Chinese) and
prints every ASCII word of three or more letters that is not an allowed
name, with its line; exit status 1 if there is one, else 0.

Allowed: the program's own name and the words of its command line
(commands, options, kinds, packs, encodings: they are typed as they are),
key names, file names and paths, USCC-like codes and other tokens with
digits in them, a key written beside its Chinese name as a clerk is
shown what to type (景德镇（jingdezhen）, kunshan（昆山）), and the short
list below.  Keep it short: a word that a
clerk reads as a word belongs in po/zh_CN.po.
"""
import re
import sys

ALLOW = set("""
innotrack
R&D GDP USCC CSV Excel UTF GB18030 BOM CRLF NUL iconv TERM
Tab Esc Enter PgUp PgDn Home End Shift Ctrl Insert Delete Left Right Up Down
S-Tab
init report import imports undo-import export help version
users grant revoke audit LOGIN ROLE REGION DATE admin city county viewer
db lang ascii pack empty period region format dry-run encoding within section
zh en text csv markdown md html auto utf-8 gb18030 DAYS DIR
certificates ledger changes
observations targets enterprises talents institutes partnerships platforms
events projects achievements task-targets regions tasks indicators documents designations
event-parties task-actuals task-weights
enterprise-years gazelle-rules
PATH NAME FILE KIND INNOTRACK_DB XDG_DATA_HOME INNOTRACK_ASCII local share
complete REGION DATE
database language colours colors esc_delay wait XDG_CONFIG_HOME config NO_COLOR ESCDELAY
backup restore check MIN INNOTRACK_WAIT
""".split())

# parts of a line taken out before looking for words: the program's options
# ("--db"), what the user typed quoted back (「bogus」), file names
# ("enterprises.csv", "/tmp/x/t.db"), codes with digits in them
SKIP = re.compile(r"""
    (?:(?<![\w-])--?[A-Za-z][\w-]*(?:=\S*)?)   # an option, with its value
  | (?:「[^」]*」)                          # what the user typed, quoted back
  | (?:[\w.~$-]*/[\w./~$-]*)                # a path
  | (?:[\w-]+\.(?:csv|db|txt|bin|tmp|sh))   # a file name
  | (?:\b[\w-]*\d[\w-]*\b)                  # anything with a digit in it
  | (?:Ctrl-\w|Esc\s\d)                     # keys written with a dash
  | (?:(?<=[\u4e00-\u9fff]（)[A-Za-z][\w-]*(?=）))    # a key to type beside its
  | (?:\b[A-Za-z][\w-]*(?=（[\u4e00-\u9fff]))       # name: 景德镇（jingdezhen）
""", re.X)
WORD = re.compile(r"[A-Za-z][A-Za-z&_'-]*[A-Za-z]")
# --punct: an English comma or colon and space after Chinese text ("乐平市, 浮梁县",
# "地区: ") where Chinese writes ，、： (FILE:LINE: prefixes end in a digit)
PUNCT = re.compile(r"[\u3400-\u9fff）」》][,:] ")


def allowed(w, cut):
    if len(w) < 3 or w in ALLOW or w.lower() in ALLOW:
        return True
    # a word cut to fit its column ("county_ci…") is allowed if a word is
    return cut and any(a.startswith(w) for a in ALLOW)


def leaks(line, punct=False):
    found = [m.group(0) for m in PUNCT.finditer(line)] if punct else []
    line = SKIP.sub(" ", line)
    return found + [m.group(0) for m in WORD.finditer(line)
                    if not allowed(m.group(0).strip("'-"), line[m.end():].lstrip("_-").startswith("\u2026"))]


def main(args):
    paths = []
    punct = False
    while args:
        a = args.pop(0)
        if a == "--allow" and args:     # data of the fixtures (a person's name)
            ALLOW.update(args.pop(0).split())
        elif a == "--punct":
            punct = True
        else:
            paths.append(a)
    bad = 0
    files = paths or ["-"]
    for p in files:
        f = sys.stdin if p == "-" else open(p, encoding="utf-8", errors="replace")
        for n, line in enumerate(f, 1):
            w = leaks(line.rstrip("\n"), punct)
            if w:
                bad = 1
                sys.stdout.write("%s:%d: %s\t| %s\n" % (p, n, " ".join(w), line.rstrip("\n")))
    return bad


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
