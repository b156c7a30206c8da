"""The simulated users, the flood and the mid-run reload, each one asyncio task against the
emulator. Every timestamp is on the emulator's clock (ms), so latency = reply.ts − sent.ts."""

from __future__ import annotations

import asyncio
import random
import signal
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from bench.load.client import BotEvent, EmulatorClient, ReplyTimeout
from bench.load.processes import BotProcess
from bench.load.scenario import Question, ReplyKind, UserPlan, classify

RELOAD_DONE = (
    "reload_from_disk done"  # bot.services.corpus_ops; the other lines: bot.serving.transport
)
RELOAD_NOT_DONE = ("reload_from_disk failed", "from disk (signal) ignored", "(signal) refused")


@dataclass(frozen=True, slots=True)
class Sample:
    """One question of one simulated user and what became of it."""

    user_id: int
    language_code: str
    question: Question
    sent_ts: float
    reply_ts: float | None  # None: lost (no reply within the timeout)
    typing_ts: float | None
    kind: ReplyKind | None
    text: str
    api_errors: int  # bot calls the emulator refused in this chat (bad HTML, too long, …)

    @property
    def latency_ms(self) -> float | None:
        return None if self.reply_ts is None else self.reply_ts - self.sent_ts


@dataclass
class UserResult:
    samples: list[Sample] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # the emulator refused our update, …


async def now_ms(client: EmulatorClient) -> float:
    return float((await client.status())["now"])


def _is_message(event: BotEvent) -> bool:
    return event.kind == "message"


async def run_user(
    client: EmulatorClient, plan: UserPlan, reply_timeout_s: float, t0: float
) -> UserResult:
    """Ask each question, wait for the reply, pause like a reader; give up after a loss."""
    result = UserResult()
    user = client.user(plan.user_id, language_code=plan.language_code)
    await asyncio.sleep(plan.start_s)
    for question, gap in zip(plan.questions, plan.gaps_s, strict=True):
        try:
            sent = await user.send_text(question.text)
        except (aiohttp.ClientError, RuntimeError, TimeoutError) as exc:
            result.failures.append(f"user {plan.user_id}: update not accepted: {exc}")
            return result
        reply: BotEvent | None
        try:
            reply = await user.expect("message", timeout=reply_timeout_s)
        except ReplyTimeout:
            reply = None
        since = user.since_last()
        typing = next((e.ts for e in since if e.kind == "chat_action"), None)
        result.samples.append(
            Sample(
                user_id=plan.user_id,
                language_code=plan.language_code,
                question=question,
                sent_ts=sent.ts - t0,
                reply_ts=None if reply is None else reply.ts - t0,
                typing_ts=None if typing is None else typing - t0,
                kind=None if reply is None else classify(reply.text),
                text="" if reply is None else reply.text,
                api_errors=sum(1 for e in since if e.kind == "error"),
            )
        )
        if reply is None:
            return result  # a citizen who got no answer gives up; a late reply is not misread
        await asyncio.sleep(gap)
    return result


@dataclass
class FloodResult:
    sent: int = 0
    start_ts: float = 0.0
    sent_until_ts: float = 0.0
    settled_ts: float = 0.0
    replies: dict[str, int] = field(default_factory=dict)
    api_errors: int = 0


async def run_flood(
    client: EmulatorClient,
    user_id: int,
    questions: Sequence[Question],
    *,
    at_s: float,
    messages: int,
    window_s: float,
    t0: float,
    quiet_s: float = 3.0,
) -> FloodResult:
    """One user sends `messages` questions within `window_s` without waiting for replies."""
    await asyncio.sleep(at_s)
    flooder = client.user(user_id, language_code="ru")
    rng = random.Random(user_id)
    result = FloodResult()
    loop = asyncio.get_running_loop()
    started = loop.time()
    first_mark: int | None = None
    for index in range(messages):
        sent = await flooder.send_text(rng.choice(questions).text)
        first_mark = sent.mark if first_mark is None else first_mark
        result.start_ts = result.start_ts or sent.ts - t0
        result.sent_until_ts = sent.ts - t0
        result.sent += 1
        delay = started + (index + 1) * window_s / messages - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
    # The bot is done with the flood once its chat stays quiet for `quiet_s`.
    seen = -1
    while True:
        await asyncio.sleep(quiet_s)
        await client.sync()
        events = [e for e in flooder.history if first_mark is not None and e.seq > first_mark]
        if len(events) == seen:
            break
        seen = len(events)
    for event in events:
        if event.kind == "error":
            result.api_errors += 1
        elif event.kind == "message":
            kind = classify(event.text).value
            result.replies[kind] = result.replies.get(kind, 0) + 1
    result.settled_ts = max([result.sent_until_ts, *(e.ts - t0 for e in events)])
    return result


@dataclass
class ReloadResult:
    build_start_ts: float = 0.0
    built_ts: float = 0.0
    signal_ts: float = 0.0
    done_ts: float = 0.0
    build_rcs: list[int] = field(default_factory=list)
    outcome: str = "not run"  # ok | failed | timeout | build failed
    log_line: str = ""


async def run_reload(
    client: EmulatorClient,
    bot: BotProcess,
    env: dict[str, str],
    commands: Sequence[Sequence[str]],
    build_log: Path,
    *,
    at_s: float,
    t0: float,
    timeout_s: float = 180.0,
) -> ReloadResult:
    """Rebuild corpus and index into the bot's DATA_DIR (as an operator would), then SIGHUP."""
    await asyncio.sleep(at_s)
    result = ReloadResult(build_start_ts=await now_ms(client) - t0)
    with build_log.open("ab") as out:
        for command in commands:
            process = await asyncio.create_subprocess_exec(
                *command, env=env, stdout=out, stderr=subprocess.STDOUT
            )
            result.build_rcs.append(await process.wait())
            if result.build_rcs[-1] != 0:
                result.outcome = "build failed"
                return result
    result.built_ts = await now_ms(client) - t0
    offset = bot.log_path.stat().st_size
    bot.process.send_signal(signal.SIGHUP)
    result.signal_ts = await now_ms(client) - t0
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    result.outcome = "timeout"
    while loop.time() < deadline:
        await asyncio.sleep(0.05)
        with bot.log_path.open("rb") as log:
            log.seek(offset)
            tail = log.read().decode("utf-8", "replace")
        markers = (RELOAD_DONE, *RELOAD_NOT_DONE)
        line = next((x for x in tail.splitlines() if any(m in x for m in markers)), "")
        if line:
            result.done_ts = await now_ms(client) - t0
            result.outcome = "ok" if RELOAD_DONE in line else "failed"
            result.log_line = line.strip()
            break
    return result
