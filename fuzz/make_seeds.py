#!/usr/bin/env python3
"""Writes the seed inputs of the fuzz targets into fuzz/seeds/<target>/.

Seeds are real text (the bundled sample, the test fixtures) and hostile text
(escapes, byte-order marks, UTF-16, CRLF and lone CR, NUL, bidi overrides,
odd numbers and patterns in TOML). Fuzzing starts from them and
`cargo fuzz cmin` (see README.md) keeps the inputs that add coverage in
fuzz/corpus/<target>/, the corpus `cargo test` replays. Multi-text inputs join
their texts with the byte 0xFF, as tests/support/invariants.rs cuts them.

Run from the repository root: python3 fuzz/make_seeds.py
"""

import glob
import hashlib
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fuzz", "seeds")
SEP = b"\xff"
# libFuzzer runs with -max_len=4096: a longer seed would be cut anyway.
MAX = 4000


def read(rel):
    with open(os.path.join(ROOT, rel), "rb") as f:
        return f.read()


def cut(data, limit=MAX):
    """The first `limit` bytes, ended at a line break when there is one."""
    if len(data) <= limit:
        return data
    head = data[:limit]
    nl = head.rfind(b"\n")
    return head[: nl + 1] if nl > 0 else head


def write(target, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def utf16(s, bom, le):
    enc = "utf-16-le" if le else "utf-16-be"
    b = s.encode(enc)
    if bom:
        b = (b"\xff\xfe" if le else b"\xfe\xff") + b
    return b


SAMPLES = sorted(glob.glob(os.path.join(ROOT, "assets/sample/*.txt")))
STORIES = sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/stories/*/")))
INGEST = sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/ingest/*")))

STORY = (
    "Premier\u2019s \u201cfirst\u201d line.\n\nSecond paragraph, caf\u00e9.\r\n\r\n"
    "Third \U0001F600 paragraph."
)
WRAPPED = (
    "The prime minister said on Sunday that the attack on his residence would\n"
    "not go unanswered, and that the country needed calm and restraint from\n"
    "all sides while investigators established who had launched the drones.\n\n"
    "Second block, short.\nA deliberate break.\n"
)
HOSTILE = [
    "a\x1b]52;c;eA==\x07b",  # OSC 52: write the clipboard
    "red \x1b[31mtext\x1b[0m and \x1b[2J clear",
    "\x9b31m C1 CSI \x9d0;title\x9c",
    "x\u202ey\u202c \u2066isolate\u2069 \u200f\u200e\u061c",
    "tab\there\rcarriage\x7fdel\x00nul\x08backspace",
    "line\u2028separator\u2029paragraph\u0085next",
    "\ufeffBOM inside\u200b zero width\u2060joiner",
    "\u3000\u00a0 ideographic and no-break spaces \u3000",
    "combining e\u0301 and \U0001F1FA\U0001F1F8 flags \U0001F468\u200d\U0001F469",
    "\ufffe\uffff non-characters \U0010FFFF",
]

# ---------------------------------------------------------------- decode
for path in SAMPLES + INGEST:
    write("decode", cut(open(path, "rb").read()))
for d in STORIES[:4]:
    for path in sorted(glob.glob(d + "*.txt"))[:2]:
        write("decode", cut(open(path, "rb").read(), 1500))
for s in [STORY, WRAPPED] + HOSTILE:
    b = s.encode("utf-8")
    write("decode", b)
    write("decode", b"\xef\xbb\xbf" + b)
    write("decode", b.replace(b"\n", b"\r\n"))
    write("decode", b.replace(b"\n", b"\r"))
for bom in (True, False):
    for le in (True, False):
        write("decode", utf16(STORY, bom, le))
write("decode", utf16("a\x00b", True, True))
write("decode", STORY.encode("utf-8")[:-3] + b"\xff\xfe" + b"tail")
write("decode", "caf\u00e9 na\u00efve \u201cquote\u201d \u2013 \u00a35".encode("cp1252"))
write("decode", "\u041f\u0440\u0435\u043c\u044c\u0435\u0440 \u0441\u043a\u0430\u0437\u0430\u043b.".encode("cp1251"))
write("decode", b"\x01\x02\x03\x04text")
write("decode", b"")
write("decode", b"  \n\r\n\t \n")
write("decode", b"one\x00two\n\nthree")
write("decode", b"\xef\xbb\xbfcaf\xe9 ok")
write("decode", b"\n\n\nlate\n\n\n")

# ---------------------------------------------------------------- config
write("config", read("assets/config.default.toml"))
CONFIGS = [
    "",
    "[align]\nlink_min_similarity = nan\nsplit_min_containment = inf\nsplit_min_similarity = -inf\n",
    "[align]\nlink_min_similarity = 1e308\nsplit_min_containment = -0.0\nsplit_min_similarity = 3.4028236e38\n",
    "[align]\nlink_min_similarity = 99999999999999999999999\n",
    "[align]\nlink_min_similarity = 0x7fffffffffffffff\n",
    "[boilerplate]\npatterns = ['(', '[z-a]', '(?<name>x)\\k<name>']\n",
    "[boilerplate]\npatterns = ['^advertisement$', '(a|b)*c{1000}']\nweak_patterns = ['\\bshare\\b']\nbuilt_in_rules = false\ncounterpart_min_similarity = 2.0\n",
    "[boilerplate]\npatterns = ['x{4294967295}']\n",
    "[boilerplate]\nweak_patterns = ['']\ncounterpart_min_similarity = nan\n",
    "[tui]\ntheme = \"light\"\ncolors = \"256\"\nmouse = false\n",
    "[tui]\ntheme = \"mono\"\ncolors = \"16\"\n",
    "[tui]\ntheme = \"sepia\"\n",
    "[tui.keys]\n\"C-n\" = \"next_change\"\n\"w\" = \"quit\"\n\"F12\" = \"help\"\n\"A-S-x\" = \"quit\"\n",
    "[tui.keys]\n\"\" = \"quit\"\n\"C-\" = \"quit\"\n\"\\u001b\" = \"quit\"\n\"F99\" = \"quit\"\n",
    "[tui.keys]\n\"Enter\" = \"no_such_action\"\n",
    "[unknown]\nkey = 1\n",
    "[align]\nlink_min_similarity = \"0.2\"\n",
    "[align]\nlink_min_similarity = 0.2\nlink_min_similarity = 0.3\n",
    "align = { link_min_similarity = 0.5 }\ntui.mouse = true\n",
    "[[align]]\n",
    "x = 1979-05-27T07:32:00-08:00\n",
    "\ufeff[align]\r\nlink_min_similarity = 0.4\r\n",
    "[align\nlink_min_similarity = ",
    "a = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
    "s = \"\\uD800\"\nt = '''\n\x1b[31m multi\n'''\n",
    "[boilerplate]\npatterns = [\"\\u0000\", \"\u202e\", \"(?i)\\p{Greek}+\"]\n",
]
for c in CONFIGS:
    write("config", c.encode("utf-8"))

# ---------------------------------------------------------------- align
for d in STORIES:
    versions = [cut(open(p, "rb").read(), 1300) for p in sorted(glob.glob(d + "*.txt"))]
    write("align", SEP.join(versions[:3]))
    write("align", SEP.join(versions[:2]))
for a, b in zip(SAMPLES, SAMPLES[1:]):
    write("align", cut(open(a, "rb").read(), 1900) + SEP + cut(open(b, "rb").read(), 1900))
write("align", WRAPPED.encode() + SEP + WRAPPED.replace("calm", "quiet").encode())
write("align", b"same\n\nsame\n\nsame" + SEP + b"same\n\nsame")
write("align", b"" + SEP + STORY.encode())
write("align", b"Advertisement\nShare this article\nRead more: x" + SEP + b"Advertisement")
write("align", SEP.join(h.encode() for h in HOSTILE[:4]))
write("align", STORY.encode())

# ---------------------------------------------------------------- diff
def paragraphs(data):
    return [p for p in data.decode("utf-8", "replace").split("\n") if p.strip()]


for d in STORIES[:6]:
    vs = [paragraphs(open(p, "rb").read()) for p in sorted(glob.glob(d + "*.txt"))[:2]]
    for a, b in list(zip(vs[0], vs[1]))[2:6]:
        if a != b:
            write("diff", a.encode() + SEP + b.encode())
PAIRS = [
    ("Seven rockets hit the base on Sunday.", "At least 7 rockets hit the base on Monday."),
    ("Mustafa al-Kadhimi said", "Mustafa al-Khadimi told reporters"),
    ("\u201cWe will not,\u201d he said.", "\"We will,\" he said."),
    ("The U.S. and America", "America and the U.S."),
    ("colour organisation", "color organization"),
    ("$5 million", "$500 million"),
    ("He did not deny it.", "He denied it."),
    ("Mr. Smith said", "Smith said"),
    ("a  b\n\nc", "a b c"),
    ("", "New text only."),
    ("Old text only.", ""),
    ("73 of 329 seats", "73 out of 329 seats"),
    ("e\u0301t\u00e9", "\u00e9te\u0301"),
]
for a, b in PAIRS:
    write("diff", a.encode() + SEP + b.encode())
for h in HOSTILE:
    write("diff", h.encode() + SEP + h[::-1].encode())
write("diff", STORY.encode())

# ---------------------------------------------------------------- terminal
for h in HOSTILE:
    write("terminal", h.encode())
    write("terminal", (h + "\n\n" + STORY).encode() + SEP + (STORY + "\n\n" + h).encode())
write("terminal", b"\x1b[31mv1\x1b[0m\n\nSeven rockets." + SEP + b"\x1b]0;pwned\x07\n\n7 rockets.")
write("terminal", b"<script>alert(1)</script>\n\n[x](javascript:1) *em* `code`" + SEP + b"<b>bold</b>\n\n# heading")
write("terminal", b"one\ttab\n\ntwo\rcr" + SEP + b"one tab\n\ntwo cr" + SEP + b"\x00\x01\x02")
for d in STORIES[:2]:
    versions = [cut(open(p, "rb").read(), 900) for p in sorted(glob.glob(d + "*.txt"))[:2]]
    write("terminal", SEP.join(versions))

# ---------------------------------------------------------------- html
for path in sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/html/*/*.html"))):
    page = open(path, "rb").read()
    write("html", cut(page))
    write("html", page[-MAX:])
write("html", b"<!doctype html><html><head><meta charset=windows-1252><title>T</title></head><body><p>caf\xe9 na\xefve</p></body></html>")
write("html", b"<meta charset=utf-8><p>caf\xe9 \xe2\x80\x9cq\xe2\x80\x9d</p>")
write("html", b"\xef\xbb\xbf<html><body><article><h1>H</h1><p>" + STORY.encode()[:600] + b"</p></article></body></html>")
write("html", utf16("<html><body><p>" + STORY[:300] + "</p></body></html>", True, True))
write("html", b"<div>" * 900)
write("html", b"".join(b"<p><b id=%d>x</p>" % i for i in range(200)))
write("html", b"<table><tr><td><ul><li><p>" * 100)
write("html", b"<!-- never closed <div>" + b"<script>for(;;)" + b"<style>")
write("html", b"<p class='" + b"x" * 3000 + b"'>t</p>")
write("html", b"<script type=application/ld+json>" + b"[" * 2000 + b"</script>")
write("html", b"<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"headline\":\"H\\nL\",\"author\":[{\"name\":\"A\"},{\"name\":\"B\"}]}</script><h1>H L</h1><p>" + STORY.encode()[:400] + b"</p>")
write("html", b"<p>&#27;]0;t&#7; &#x202e;rev &#0; &#x9b;31m</p><nav><a href=/>a</a></nav>")
write("html", b"<html><frameset><frame src=x></frameset><noframes><p>no frames</p></noframes></html>")
write("html", b"<svg><title>t</title><foreignObject><p>inside svg</p></foreignObject></svg><math><mi>x</mi></math>")
write("html", b"<form><select><option>One<option>Two</select><button>Go</button><textarea>t</textarea></form>")
for h in HOSTILE[:6]:
    write("html", b"<html><body><p>" + h.encode() + b"</p></body></html>")
