"""/stats and /unanswered: counts per local day, themes, ratings — and never who asked."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.storage import STATS_UTC_OFFSET, Storage
from bot.ui.texts import Lang
from bot.ui.texts.moderator import mod_texts_for
from tests.bot.conftest import ALICE, BOB, Tg
from tests.ops.conftest import MODERATOR

MOD_EN = mod_texts_for(Lang.EN)


async def _seed(repo: Storage) -> datetime:
    now = datetime.now(UTC)
    alice, bob = repo.user_key(ALICE["id"]), repo.user_key(BOB["id"])

    async def ask(user: str, text: str, hits: list[str], when: datetime) -> int:
        question_id = await repo.log_question(user, "private", text, bool(hits), hits, 5, when)
        assert question_id is not None
        return question_id

    q1 = await ask(alice, "Кому принадлежит земля?", ["s3", "s4"], now)
    q2 = await ask(bob, "Земля и независимость", ["s9", "s5"], now)
    await ask(alice, "Какая завтра погода?", [], now)
    q4 = await ask(bob, "Наука в Конституции", ["s1"], now - timedelta(days=1))
    await ask(alice, "Сколько стоит <b>хлеб</b>?", [], now - timedelta(days=1))
    await ask(bob, "Роль парламента", ["s6"], now - timedelta(days=10))
    await ask(bob, "старый вопрос", [], now - timedelta(days=10, seconds=1))
    await repo.record_vote(q1, "u")
    await repo.record_reason(q2, "o")
    await repo.record_vote(q4, "d")
    return now


async def test_stats_counts_days_themes_and_ratings(tg: Tg, repo: Storage) -> None:
    now = await _seed(repo)
    await tg.send("/stats", MODERATOR)
    text = "\n".join(m.text for m in tg.sent())
    today = (now + STATS_UTC_OFFSET).date()
    lines = text.splitlines()
    day_lines = [line for line in lines if line[:1].isdigit() and " questions, " in line]
    assert len(day_lines) == 7  # every day of the window, zero days included
    assert day_lines[-1] == f"{today:%d.%m}: 3 questions, 2 answered"
    assert day_lines[-2] == f"{today - timedelta(days=1):%d.%m}: 2 questions, 1 answered"
    assert day_lines[0].endswith(": 0 questions, 0 answered")
    assert "Total: 5 questions, 60% answered" in text  # the 10-day-old ones are outside
    themes = lines[lines.index("<b>Top themes</b>") + 1 :]
    assert themes[:3] == ["• Land — 2", "• Family — 1", "• Science — 1"]
    assert "Parliament" not in text
    assert "Ratings: 👍 1 · 👎 2" in text
    assert "• Off-topic — 1" in text and "• no reason given — 1" in text
    for secret in (str(ALICE["id"]), str(BOB["id"]), repo.user_key(ALICE["id"])):
        assert secret not in text
    assert (await repo.recent_moderator_actions())[0].action == "stats"


async def test_unanswered_lists_latest_texts_without_identity(tg: Tg, repo: Storage) -> None:
    await _seed(repo)
    await tg.send("/unanswered", MODERATOR)
    text = "\n".join(m.text for m in tg.sent())
    lines = text.splitlines()
    assert lines[0] == f"<b>{MOD_EN.unanswered_title}</b>"
    questions = [line.split(" — ", 1)[1] for line in lines[1:]]
    assert questions == [
        "<i>Какая завтра погода?</i>",
        "<i>Сколько стоит &lt;b&gt;хлеб&lt;/b&gt;?</i>",
        "<i>старый вопрос</i>",
    ]
    for secret in (str(ALICE["id"]), repo.user_key(ALICE["id"]), repo.user_key(BOB["id"])):
        assert secret not in text


async def test_empty_statistics_are_still_readable(tg: Tg) -> None:
    await tg.send("/stats", MODERATOR)
    text = tg.sent()[0].text
    assert "Total: 0 questions, 0% answered" in text and "no data" in text
    await tg.send("/unanswered", MODERATOR)
    assert tg.sent()[0].text == MOD_EN.unanswered_empty
