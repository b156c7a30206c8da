"""Everything sent is valid Telegram HTML: hostile corpus text escaped, long answers split."""

from __future__ import annotations

import pytest

from bot.console.session import parse_telegram_html
from bot.ui import render
from bot.ui.plain import html_to_text
from bot.ui.render import utf16_len
from bot.ui.render_plain import answer_plain
from bot.ui.texts import Lang, Texts, texts_for
from bot.ui.wording import silent_line
from retrieval.models import Answer, SourceRef
from tests.bot.conftest import Tg, button
from tests.bot.fakes import HOSTILE_QUOTE, HOSTILE_SENATOR, HOSTILE_TITLE, LONG_TEXT, FakeSearch

RU = texts_for(Lang.RU)


async def test_hostile_corpus_text_arrives_escaped(tg: Tg) -> None:
    await tg.send("Закон права земля")
    text = tg.sent()[0].text
    plain = parse_telegram_html(text)  # raises on anything Telegram would refuse
    assert HOSTILE_QUOTE in plain and HOSTILE_SENATOR in plain and HOSTILE_TITLE in plain
    assert "&lt;b&gt;не&lt;/b&gt; &amp; «права» &lt;i&gt;" in text
    assert "&lt;/blockquote&gt;" in text and "<script>" not in text


async def test_hostile_user_text_never_breaks_a_reply(tg: Tg) -> None:
    hostile = [
        "<b>земля",
        "земля & </i>",
        "<a href='x'>земля</a>",
        "\u202eземля\x00\x07",
        "😀" * 50,
    ]
    for text in hostile:
        await tg.send(text)
        assert tg.sent(), text  # answered or abstained, never an error
        assert tg.sent()[-1].text != RU.error


async def test_long_answer_is_split_at_statement_boundaries(tg: Tg) -> None:
    await tg.send("парламент")
    parts = tg.sent()
    assert len(parts) >= 2
    for part in parts:
        assert utf16_len(parse_telegram_html(part.text)) <= 4096
    assert parts[-1].reply_markup is not None and all(p.reply_markup is None for p in parts[:-1])
    joined = "".join(parse_telegram_html(p.text) for p in parts)
    assert joined.replace("\n", "").replace(" ", "").count("Рольпарламентаусиливается") == 90


async def test_meeting_with_long_statement_is_split(tg: Tg) -> None:
    await tg.send("парламент")
    await tg.press(button(tg.sent()[-1], "Встреча 1"))
    parts = tg.sent()
    assert len(parts) >= 2
    assert parts[0].text.startswith("<b>Встреча · 10.03.2026</b>")


def test_pack_keeps_blocks_whole_and_under_the_limit() -> None:
    hits = [h for h in (FakeSearch().hit(s) for s in ("s1", "s3", "s4")) if h]
    blocks = [b for i, h in enumerate(hits) for b in render.hit_blocks(h, i + 1, RU)]
    one = render.pack(blocks)
    assert len(one) == 1
    tight = render.pack(blocks, limit=300)
    assert len(tight) == 3 and all(utf16_len(parse_telegram_html(m)) <= 300 for m in tight)


@pytest.mark.parametrize("size", [10, 4095, 4096, 4097, 12_000])
def test_split_long_respects_the_limit(size: int) -> None:
    text = ("слово " * (size // 6 + 1))[:size]
    pieces = render.split_long(text, 1000)
    assert all(utf16_len(p) <= 1000 for p in pieces)
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "")


def test_split_long_counts_utf16_units() -> None:
    pieces = render.split_long("😀" * 3000, 1000)
    assert all(utf16_len(p) <= 1000 for p in pieces) and len(pieces) == 6


def test_oversized_single_block_becomes_plain_pieces() -> None:
    from aiogram.utils.formatting import Bold, Text

    messages = render.pack([Text(Bold("x" * 5000))], limit=4096)
    assert len(messages) == 2
    assert all(utf16_len(parse_telegram_html(m)) <= 4096 for m in messages)


def test_question_cleaning_drops_control_and_bidi_characters() -> None:
    question, truncated_at = render.prepare_question("\u202e земля\x00 ", 1000)
    assert (question, truncated_at) == ("земля", None)
    assert render.prepare_question("земля" * 3, 7) == ("землязе", 7)


def test_answer_plain_for_the_shell() -> None:
    import asyncio

    answer = asyncio.run(FakeSearch().search("Кому принадлежит земля?", k=2))
    text = answer_plain(answer)
    assert text.startswith("1. Жанна Асанова · прямая цитата")
    assert "  │ Конституционная реформа" in text
    empty = asyncio.run(FakeSearch().search("погода", k=2))
    assert answer_plain(empty) == RU.no_answer
    silent = empty.model_copy(update={"silent": ["Жанна Асанова"]})
    assert answer_plain(silent) == f"{silent_line(['Жанна Асанова'], RU)}\n{RU.no_answer}"


def _bot_answer_as_text(answer: Answer, tx: Texts) -> str:
    """What the bot sends for these hits, shown as terminal text (the console's view of it)."""
    from aiogram.utils.formatting import Text, as_list

    blocks: list[Text] = [Text(silent_line(answer.silent, tx))] if answer.silent else []
    for number, hit in enumerate(answer.hits, start=1):
        blocks.extend(render.hit_blocks(hit, number, tx))
    return html_to_text(as_list(*blocks, sep="\n\n").as_html())


@pytest.mark.parametrize("lang", list(Lang))
def test_terminal_text_is_the_bots_answer_without_aiogram(lang: Lang) -> None:
    """`atazan ask` renders without aiogram; it must read exactly as the bot's message does."""
    tx = texts_for(lang)
    hits = [h for h in (FakeSearch().hit(s) for s in ("s1", "s3", "s4")) if h]
    linked = _hit("https://senate.example.kz/news/1?a=1&b=2").model_copy(
        update={"text": HOSTILE_QUOTE + "\n\n\nвторая строка\n" + LONG_TEXT}
    )
    linked = linked.model_copy(
        update={"sources": [linked.source, SourceRef(document_id="d2", title=HOSTILE_TITLE)]}
    )
    odd = _hit(None).model_copy(update={"text": "", "speakers": [HOSTILE_SENATOR]})
    for chosen, silent in [(hits, []), ([linked, odd, *hits], ["Жанна Асанова", "X"])]:
        answer = Answer(query="q", answered=True, hits=chosen, silent=silent)
        assert answer_plain(answer, tx) == _bot_answer_as_text(answer, tx)


def test_long_text_fixture_really_needs_splitting() -> None:
    assert utf16_len(LONG_TEXT) > 4096


def _hit(url: str | None) -> render.Hit:
    from retrieval.models import Document, Meeting, Statement

    statement = Statement(
        id="s1",
        meeting_id="m1",
        kind="quote",
        text="Каждый голос важен.",
        speakers=["Канат Ержанов"],
        roles={"Канат Ержанов": "Председатель Мажилиса"},
    )
    meeting = Meeting(id="m1", document_id="d1", date=None, senators=["Айдос Ержанов"])
    document = Document(id="d1", date=None, title="Встреча <b>", source="a.txt", url=url)
    return render.Hit.of(statement, meeting, document)


def test_other_speaker_shown_with_role_source_as_link_and_date_unknown() -> None:
    blocks = render.hit_blocks(_hit("https://senate.example.kz/news/1?a=1&b=2"), 1, RU)
    html = render.pack(blocks)[0]
    parse_telegram_html(html)
    assert "Канат Ержанов (Председатель Мажилиса)" in html
    assert '<a href="https://senate.example.kz/news/1?a=1&amp;b=2">Встреча &lt;b&gt;</a>' in html
    assert RU.unknown_date in html and RU.unknown_date == "дата неизвестна"


def test_source_without_url_stays_plain_and_senator_has_no_role_suffix() -> None:
    hit = _hit(None).model_copy(
        update={"speakers": ["Айдос Ержанов"], "roles": {"Айдос Ержанов": "сенатор"}}
    )
    html = render.pack(render.hit_blocks(hit, None, RU))[0]
    assert "<i>Встреча &lt;b&gt;</i>" in html and "<a " not in html
    assert "Айдос Ержанов (" not in html
