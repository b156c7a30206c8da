"""A saved news page → its article's text blocks (with source lines), title, date and URL."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from retrieval.ingest.dates import parse_date_prefix
from retrieval.ingest.text import clean

_DROP_TAGS = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "iframe", "svg", "button", "select", "input", "menu", "dialog", "object", "embed", "canvas",
    "figure", "figcaption", "picture", "video", "audio",
)  # fmt: skip
_DROP_HINT = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|navigation|menu|footer|header|sidebar|breadcrumbs?|share|sharing"
    r"|social|comments?|related|cookies?|banner|advert|ads|subscribe|tags|pagination|widget"
    r"|popup|modal|search|promo)(?:$|[-_\s])",
    re.I,
)
_BLOCK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li blockquote pre div section article main ul ol dl dt dd table tbody "
    "thead tr td th figure figcaption address center body html".split()
)
_BLOCK_LIST = sorted(_BLOCK_TAGS)
_ROOT_HINT = re.compile(r"article|content|post|news|entry|story|text|body", re.I)
_TITLE_SPLIT = re.compile(r"\s+[|—–-]\s+")


@dataclass(frozen=True)
class Block:
    line: int
    text: str
    tag: str


@dataclass
class HtmlArticle:
    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    date: date | None = None
    url: str | None = None


def _attr(tag: Any, name: str) -> str:
    value = tag.get(name) if tag is not None else None
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value) if value else ""


def _meta_date(soup: Any) -> date | None:
    candidates = [_attr(t, "datetime") for t in soup.find_all("time")]
    for key in ("article:published_time", "datePublished", "date", "pubdate", "dc.date"):
        for attr in ("property", "name", "itemprop"):
            tag = soup.find(attrs={attr: key})
            candidates.append(_attr(tag, "content") or _attr(tag, "datetime"))
    for value in candidates:
        parsed = parse_date_prefix(value) if value else None
        if parsed:
            return parsed[0]
    return None


def _title(soup: Any, root: Any) -> str | None:
    h1 = root.find("h1") or soup.find("h1")
    if h1 is not None and h1.get_text(strip=True):
        return " ".join(h1.get_text(" ", strip=True).split())
    og = soup.find("meta", attrs={"property": "og:title"})
    text = _attr(og, "content") or (soup.title.get_text(strip=True) if soup.title else "")
    text = _TITLE_SPLIT.split(text)[0].strip() if text else ""
    return text or None


def _is_noise(tag: Any) -> bool:
    if tag.name in _DROP_TAGS:
        return True
    hint = f"{_attr(tag, 'class')} {_attr(tag, 'id')} {_attr(tag, 'role')}"
    return bool(_DROP_HINT.search(hint)) and tag.name not in ("article", "main", "body", "html")


def _root(soup: Any) -> Any:
    found = soup.find(attrs={"itemprop": "articleBody"})
    if found is not None:
        return found
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=lambda a: len(a.get_text(" ", strip=True)))
    scores: dict[int, tuple[int, Any]] = {}
    for p in soup.find_all("p"):
        parent = p.parent
        if parent is None or _is_noise(parent):
            continue
        length, _ = scores.get(id(parent), (0, parent))
        scores[id(parent)] = (length + len(p.get_text(" ", strip=True)), parent)
    if scores:
        return max(scores.values(), key=lambda item: item[0])[1]
    main = soup.find("main") or soup.find(id=_ROOT_HINT) or soup.find(class_=_ROOT_HINT)
    return main or soup.body or soup


def _walk(node: Any, out: list[Block]) -> None:
    from bs4.element import (
        Comment,
        Declaration,
        Doctype,
        NavigableString,
        ProcessingInstruction,
    )

    skip = (Comment, Declaration, Doctype, ProcessingInstruction)
    pieces: list[str] = []
    line: list[int] = []

    def flush() -> None:
        text = " ".join(clean("".join(pieces)).split())
        if text:
            out.append(Block(line[0] if line else node.sourceline or 1, text, node.name or ""))
        pieces.clear()
        line.clear()

    for child in node.children:
        if isinstance(child, skip):
            continue
        if isinstance(child, NavigableString):
            if str(child).strip() and not line:
                line.append(node.sourceline or 1)
            pieces.append(str(child))
        elif _is_noise(child):
            continue
        elif child.name == "br":
            flush()
        elif child.name in _BLOCK_TAGS or child.find(_BLOCK_LIST) is not None:
            flush()
            _walk(child, out)
        else:
            text = child.get_text()
            if text.strip() and not line:
                line.append(child.sourceline or node.sourceline or 1)
            pieces.append(text)
    flush()


def extract_html(text: str) -> HtmlArticle:
    """The article body without navigation, footer, scripts or share buttons."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    root = _root(soup)
    article = HtmlArticle(title=_title(soup, root), date=_meta_date(soup))
    canonical = soup.find("link", rel="canonical")
    og_url = soup.find("meta", attrs={"property": "og:url"})
    url = _attr(canonical, "href") or _attr(og_url, "content")
    article.url = url if url.startswith(("http://", "https://")) else None
    _walk(root, article.blocks)
    if root.name != "h1":
        article.blocks = [
            b for b in article.blocks if not (b.tag == "h1" and b.text == article.title)
        ]
    return article
