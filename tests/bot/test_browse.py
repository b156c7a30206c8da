"""/themes, /senators, /regions: button lists (paged) and their statements (paged)."""

from __future__ import annotations

from aiogram.methods import AnswerCallbackQuery, EditMessageReplyMarkup

from bot.ui.callbacks import BrowseCb, Kind, MenuCb, name_key
from bot.ui.texts import Lang, texts_for
from tests.bot.conftest import ASEL, Tg, button, buttons
from tests.bot.fakes import HOSTILE_PLACE, HOSTILE_SENATOR

RU, KK = texts_for(Lang.RU), texts_for(Lang.KK)


async def test_themes_list_is_paged_and_labelled_in_user_language(tg: Tg) -> None:
    await tg.send("/themes", ASEL)
    [menu] = tg.sent()
    assert menu.text == KK.themes_prompt
    labels = [label for label, _ in buttons(menu)]
    assert labels[:4] == ["Ғылым", "Отбасы", "Жер", "Парламент"]
    assert labels[4] == "Тема 5"  # no Kazakh label: Russian fallback
    assert len(labels) == 9 and labels[-1] == "▸"
    await tg.press(button(menu, "▸"), ASEL)
    [edit] = tg.of(EditMessageReplyMarkup)
    page2 = [b.text for row in edit.reply_markup.inline_keyboard for b in row]
    assert page2 == ["Тема 9", "Тема 10", "◂"]


async def test_menu_page_out_of_range_is_refused(tg: Tg) -> None:
    for page in (2, -1):
        await tg.press(MenuCb(k=Kind.THEME, p=page).pack())
        assert tg.of(EditMessageReplyMarkup) == []
        assert tg.of(AnswerCallbackQuery)[0].text == RU.no_more


async def test_theme_statements_are_paged(tg: Tg) -> None:
    await tg.send("/themes")
    await tg.press(button(tg.sent()[0], "Земля"))
    [page1] = tg.sent()
    assert page1.text.startswith("<b>Тема: Земля</b>\n1–3 из 5\n")
    await tg.press(button(page1, "Ещё ▸"))
    [page2] = tg.sent()
    assert "\n4–5 из 5\n" in page2.text
    assert "Ещё ▸" not in [label for label, _ in buttons(page2)]
    await tg.press(BrowseCb(k=Kind.THEME, key=name_key("land"), p=2).pack())
    assert tg.sent() == [] and tg.of(AnswerCallbackQuery)[0].text == RU.no_more


async def test_theme_without_statements_says_so(tg: Tg) -> None:
    await tg.press(BrowseCb(k=Kind.THEME, key=name_key("extra5"), p=0).pack())
    assert [m.text for m in tg.sent()] == [RU.browse_empty]


async def test_senator_statements_with_meeting_buttons(tg: Tg) -> None:
    await tg.send("/senators")
    [menu] = tg.sent()
    assert menu.text == RU.senators_prompt
    await tg.press(button(menu, "Жанна Асанова"))
    [page] = tg.sent()
    assert page.text.startswith("<b>Сенатор: Жанна Асанова</b>\n1–3 из 4\n")
    await tg.press(button(page, "Встреча 1"))
    assert tg.sent()[0].text.startswith("<b>Встреча · 05.03.2026</b>")


async def test_hostile_senator_name_is_escaped_in_buttons_and_pages(tg: Tg) -> None:
    await tg.press(BrowseCb(k=Kind.SENATOR, key=name_key(HOSTILE_SENATOR), p=0).pack())
    page = tg.sent()[0]  # the long statement makes it a multi-part page
    assert "Сенатор &lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "<script>" not in page.text


async def test_regions_list_meetings_there(tg: Tg) -> None:
    await tg.send("/regions")
    [menu] = tg.sent()
    assert [label for label, _ in buttons(menu)] == ["Алматы", HOSTILE_PLACE]
    await tg.press(button(menu, "Алматы"))
    [page] = tg.sent()
    assert page.text.startswith("<b>Встречи: Алматы</b>\n1–2 из 2\n")
    assert "Жанна Асанова" in page.text and "Бибигуль Жексенбай" in page.text
    assert "высказываний: 4" in page.text
    assert [label for label, _ in buttons(page)] == ["Встреча 1", "Встреча 2"]


async def test_stale_or_forged_browse_keys_are_refused(tg: Tg) -> None:
    for data in (BrowseCb(k=Kind.REGION, key="0000000000", p=0).pack(), "br:q:abc:0"):
        await tg.press(data)
        assert tg.sent() == [] and tg.of(AnswerCallbackQuery)[0].text == RU.expired
