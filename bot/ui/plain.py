"""Telegram HTML as terminal text (`atazan ask`, the console chat)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

QUOTE_BAR = "  │ "  # before every line of a quote


class _Plain(HTMLParser):
    """Telegram HTML → readable terminal text: quotes get a bar, links show their target."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.quote_depth = 0
        self.href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "blockquote":
            self.quote_depth += 1
        elif tag == "a":
            self.href = dict(attrs).get("href")

    def handle_endtag(self, tag: str) -> None:
        if tag == "blockquote":
            self.quote_depth = max(0, self.quote_depth - 1)
            self.parts.append("\n")
        elif tag == "a" and self.href:
            self.parts.append(f" ({self.href})")
            self.href = None

    def handle_data(self, data: str) -> None:
        if self.quote_depth:
            data = "\n".join(QUOTE_BAR + line for line in data.split("\n"))
        self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _Plain()
    parser.feed(html)
    parser.close()
    return tidy("".join(parser.parts))


def tidy(text: str) -> str:
    """At most one empty line in a row, none at either end."""
    return re.sub(r"\n{3,}", "\n\n", text).strip()
