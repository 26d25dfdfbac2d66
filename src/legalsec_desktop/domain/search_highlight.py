"""The words a search matched, marked in a title and in a short snippet of a text, as the search index matched them.

FTS5 can mark them itself (highlight() and snippet()), but for a word matched as a prefix it merges the lists of
every word with that prefix again for each row shown: about 2 ms a row over 10,000 documents. This marks them in
the row's stored text instead, the way the `unicode61 remove_diacritics 2` tokenizer reads it: a word is a run of
letters and digits, compared without case or accents (domain.search_words.tokens, the rule the search's words are
kept by); a search word matches the words it begins.
"""

from __future__ import annotations

import re

from legalsec_desktop.domain.search_words import LETTER, SEPARATORS, fold, search_words, tokens

SCANNED_CHARS = 300_000  # a long document's snippet comes from its first matches: the rest is not scanned
SNIPPET_CHARS = 220
FIRST_CHARS = 4_000


def matcher(words: str) -> re.Pattern[str] | None:
    """A pattern finding, in folded text, the words the search `words` match; None when they hold no word.

    A search word of several tokens ("O'Neil", "foo-bar") matches them in a row, as the index's phrase does."""
    phrases = sorted({SEPARATORS.join(map(re.escape, found)) for word in search_words(words)
                      if (found := tokens(word))}, key=len, reverse=True)
    if not phrases:
        return None
    return re.compile(f"(?<!{LETTER})(?:" + "|".join(phrases) + f"){LETTER}*")


def marked(text: str, pattern: re.Pattern[str] | None, start: str, end: str) -> str:
    """`text` with `start` and `end` around each matched word."""
    if pattern is None:
        return text
    folded, out, at = fold(text), [], 0
    for found in pattern.finditer(folded):
        out += [text[at:found.start()], start, text[found.start():found.end()], end]
        at = found.end()
    out.append(text[at:])
    return "".join(out)


def snippet(text: str, pattern: re.Pattern[str] | None, start: str, end: str, ellipsis: str = "…") -> str:
    """About SNIPPET_CHARS characters of `text` around its first matched word (its beginning when none is),
    on one line, cut at spaces, with `ellipsis` where it was cut and the matched words marked."""
    scanned = text[:SCANNED_CHARS]
    found = None
    if pattern is not None:  # most first matches are near the start: fold a little first, all only if need be
        found = pattern.search(fold(scanned[:FIRST_CHARS]))
        if found is None or found.end() >= FIRST_CHARS - 1:  # none, or one cut short at the edge
            found = pattern.search(fold(scanned))
    first = found.start() if found else 0
    begin = max(0, first - SNIPPET_CHARS // 3)
    if begin:
        space = scanned.find(" ", begin, first)
        begin = space + 1 if space != -1 else begin
    stop = min(len(text), begin + SNIPPET_CHARS)
    if stop < len(text):
        space = text.rfind(" ", first, stop)
        stop = space if space > first else stop
    shown = " ".join(text[begin:stop].split())
    return (ellipsis if begin else "") + marked(shown, pattern, start, end) + (ellipsis if stop < len(text) else "")
