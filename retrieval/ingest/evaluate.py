"""`atazan corpus eval`: score parsed releases against hand-written gold files.

Every release `X.txt|.md|.html` in a folder may have `X.gold.yaml` beside it:

    date: 2026-03-05            # or null (undated)
    url: https://…              # optional
    title: …                    # optional: the release's own headline
    senators: [Имя Фамилия, …]  # every senator of the release
    others: {Имя Фамилия: роль} # other speakers and their role as the text gives it
    meetings:                   # in order; place is optional
      - {senators: [...], place: Костанай, audience: [учащиеся школы им. Абая],
         audience_not: [a slogan that is no audience], place_not: [a town of another meeting]}
    quotes:                     # each direct quote's opening words → its speaker (or null)
      - {text: "Новая Конституция ставит", speaker: Имя Фамилия}
    reported:                   # optional: a reported sentence's opening words → its speaker
      - {text: "Он добавил, что", speaker: null}   # a speaker other than this is a wrong one

Names are compared spelling-blind (Kazakh, Russian and Latin letters coincide), so a gold file
may use the spelling the text uses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from retrieval.ingest.build import make_context, parse_file
from retrieval.ingest.reader import ALLOWED_SUFFIXES
from retrieval.ingest.segment import Context
from retrieval.ingest.text import fold, skeleton, words
from retrieval.models import Corpus

GOLD_SUFFIX = ".gold.yaml"


def name_key(name: str) -> str:
    """Spelling-blind key of a full name: 'Нұрлан Бекназаров' ~ 'Нурлан Бекназаров'."""
    return " ".join(skeleton(w) for w in words(name))


def _fold_quote(text: str) -> str:
    return " ".join(fold(text).split())


@dataclass
class Score:
    """Counts for one release or a whole folder; rates are derived."""

    files: int = 0
    senators_gold: int = 0
    senators_found: int = 0
    senators_right: int = 0
    roles_gold: int = 0
    roles_right: int = 0
    quotes: int = 0
    quotes_right: int = 0
    quotes_wrong: int = 0
    quotes_unattributed: int = 0
    quotes_lost: int = 0
    meetings_exact: int = 0
    fields_gold: int = 0  # date, url, title where the gold gives them
    fields_right: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name, value in vars(other).items():
            if isinstance(value, int):
                setattr(self, name, getattr(self, name) + value)
        self.errors += other.errors

    @property
    def precision(self) -> float:
        return self.senators_right / self.senators_found if self.senators_found else 1.0

    @property
    def recall(self) -> float:
        return self.senators_right / self.senators_gold if self.senators_gold else 1.0

    @property
    def role_accuracy(self) -> float:
        return self.roles_right / self.roles_gold if self.roles_gold else 1.0

    @property
    def unattributed_share(self) -> float:
        """Quotes with a named speaker in the gold that came out without one, or not at all."""
        return (self.quotes_unattributed + self.quotes_lost) / self.quotes if self.quotes else 0.0

    @property
    def meetings_share(self) -> float:
        return self.meetings_exact / self.files if self.files else 1.0


def _names(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _same_names(a: Iterable[str], b: Iterable[str]) -> bool:
    return sorted(map(name_key, a)) == sorted(map(name_key, b))


def _place_matches(gold: str, found: str | None) -> bool:
    """Every word of the gold place begins a word of the parsed place (cases differ)."""
    have = fold(found or "").split()
    return all(any(h.startswith(g[: max(4, len(g) - 2)]) for h in have) for g in fold(gold).split())


def _role_matches(gold: str, found: str | None) -> bool:
    g, f = fold(gold), fold(found or "")
    return bool(f) and (g in f or f in g or g.split()[0][:5] == f.split()[0][:5])


def score_release(corpus: Corpus, gold: Mapping[str, Any], name: str) -> Score:
    """Compare one parsed release with its gold."""
    score = Score(files=1)
    found = {name_key(n): n for m in corpus.meetings for n in m.senators}
    wanted = {name_key(n) for n in _names(gold.get("senators"))}
    score.senators_gold, score.senators_found = len(wanted), len(found)
    score.senators_right = len(wanted & set(found))
    for key in set(found) - wanted:
        score.errors.append(f"{name}: not a senator: {found[key]}")
    for key in wanted - set(found):
        score.errors.append(f"{name}: senator missed: {key}")
    roles: dict[str, str] = {}
    for statement in corpus.statements():
        for speaker, role in statement.roles.items():
            roles.setdefault(name_key(speaker), role)
    for person, role in (gold.get("others") or {}).items():
        score.roles_gold += 1
        got = roles.get(name_key(str(person)))
        if got is not None and _role_matches(str(role), got) and name_key(str(person)) not in found:
            score.roles_right += 1
        else:
            score.errors.append(f"{name}: {person} ({role}) came out as {got!r}")
    quotes = [s for s in corpus.statements() if s.kind == "quote"]
    for item in gold.get("quotes") or []:
        opening = _fold_quote(str(item["text"]))
        speakers = _names(item.get("speaker"))
        score.quotes += 1 if speakers else 0
        match = next((q for q in quotes if _fold_quote(q.text).startswith(opening)), None)
        if match is None:
            score.quotes_lost += 1 if speakers else 0
            score.errors.append(f"{name}: quote lost: «{item['text']}…»")
        elif not match.speakers:
            score.quotes_unattributed += 1 if speakers else 0
            if speakers:
                score.errors.append(f"{name}: unattributed: «{item['text']}…»")
        elif speakers and _same_names(match.speakers, speakers):
            score.quotes_right += 1
        else:
            score.quotes_wrong += 1
            score.errors.append(f"{name}: WRONG «{item['text']}…» → {match.speakers}")
    for item in gold.get("reported") or []:  # never counted right, only wrong
        opening = _fold_quote(str(item["text"]))
        said = [s for s in corpus.statements() if _fold_quote(s.text).startswith(opening)]
        speakers = _names(item.get("speaker"))
        if not said:
            score.errors.append(f"{name}: reported sentence lost: «{item['text']}…»")
        elif said[0].speakers and not (speakers and _same_names(said[0].speakers, speakers)):
            score.quotes_wrong += 1
            score.errors.append(f"{name}: WRONG reported «{item['text']}…» → {said[0].speakers}")
    score.meetings_exact = int(_meetings_exact(corpus, gold.get("meetings") or [], name, score))
    _fields(corpus, gold, name, score)
    return score


def _meetings_exact(
    corpus: Corpus, gold: Sequence[Mapping[str, Any]], name: str, score: Score
) -> bool:
    meetings = [m for m in corpus.meetings if m.senators]
    got = [(m.senators, m.place, m.audience) for m in meetings]
    if len(meetings) != len(gold):
        score.errors.append(f"{name}: {len(meetings)} meetings {[g[0] for g in got]}")
        return False
    for meeting, want in zip(meetings, gold, strict=True):
        ok = _same_names(meeting.senators, _names(want.get("senators")))
        if want.get("place") and not _place_matches(str(want["place"]), meeting.place):
            ok = False
        for item in want.get("audience") or []:  # each begins an audience the parse found
            if not any(fold(a).startswith(fold(str(item))) for a in meeting.audience):
                ok = False
        for slogan in want.get("audience_not") or []:
            if any(fold(str(slogan)) in fold(a) for a in meeting.audience):
                ok = False
        for town in want.get("place_not") or []:
            if meeting.place and _place_matches(str(town), meeting.place):
                ok = False
        if not ok:
            score.errors.append(
                f"{name}: meeting {meeting.senators} · {meeting.place} · {meeting.audience}"
                f" ≠ {dict(want)}"
            )
            return False
    return True


def _fields(corpus: Corpus, gold: Mapping[str, Any], name: str, score: Score) -> None:
    document = corpus.documents[0] if corpus.documents else None
    checks: list[tuple[str, object, object]] = []
    if "date" in gold:
        want = gold["date"]
        if isinstance(want, str):
            want = dt.date.fromisoformat(want)
        checks.append(("date", want, document.date if document else None))
    if "url" in gold:
        checks.append(("url", gold["url"], document.url if document else None))
    if "title" in gold:
        checks.append(("title", gold["title"], document.title if document else None))
    for what, want, got in checks:
        score.fields_gold += 1
        if want == got:
            score.fields_right += 1
        else:
            score.errors.append(f"{name}: {what} {got!r} ≠ {want!r}")


def gold_pairs(directory: Path) -> list[tuple[Path, Path]]:
    """(release, gold) for every release in `directory` that has a gold file."""
    pairs: list[tuple[Path, Path]] = []
    for path in sorted(directory.iterdir()):
        if path.suffix.lower() in ALLOWED_SUFFIXES and not path.name.startswith("."):
            gold = path.with_name(path.stem + GOLD_SUFFIX)
            if gold.exists():
                pairs.append((path, gold))
    return pairs


def evaluate_dir(directory: Path, *, corpus_dir: Path, context: Context | None = None) -> Score:
    """Parse every release of a folder that has a gold file and score it."""
    ctx = context or make_context(corpus_dir)
    total = Score()
    for release, gold_path in gold_pairs(directory):
        try:
            gold: Any = yaml.safe_load(gold_path.read_text("utf-8")) or {}
        except yaml.YAMLError as exc:  # a traceback before
            mark = getattr(exc, "problem_mark", None)
            where = f"line {mark.line + 1}: " if mark is not None else ""
            reason = getattr(exc, "problem", None) or "invalid YAML"
            raise ValueError(f"{gold_path}: not valid YAML ({where}{reason})") from None
        if not isinstance(gold, Mapping):
            raise ValueError(f"{gold_path}: expected a mapping")
        result = parse_file(release, corpus_dir=corpus_dir, context=ctx)
        try:
            total.add(score_release(result.corpus, gold, release.name))
        except (TypeError, AttributeError, KeyError) as exc:  # `meetings: 5` was a traceback
            raise ValueError(f"{gold_path}: a field of the wrong shape ({exc})") from None
    return total


HEADER = (
    "| set | releases | senator P | senator R | other-speaker roles | quotes right / wrong /"
    " unattributed / lost | unattributed share | meetings exact | date/url/title |"
)


def table_row(label: str, s: Score) -> str:
    return (
        f"| {label} | {s.files} | {s.precision:.3f} | {s.recall:.3f} | "
        f"{s.roles_right}/{s.roles_gold} | {s.quotes_right} / {s.quotes_wrong} / "
        f"{s.quotes_unattributed} / {s.quotes_lost} (of {s.quotes}) | "
        f"{s.unattributed_share:.1%} | {s.meetings_exact}/{s.files} ({s.meetings_share:.0%}) | "
        f"{s.fields_right}/{s.fields_gold} |"
    )


def table(rows: Sequence[tuple[str, Score]]) -> str:
    """The Markdown table `corpus eval` prints (and the README shows)."""
    lines = [HEADER, "|" + "---|" * 9]
    lines += [table_row(label, s) for label, s in rows]
    return "\n".join(lines)
