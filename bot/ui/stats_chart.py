"""The /stats chart: questions per day (answered part highlighted), top themes and 👍/👎, as a
PNG. matplotlib's object API with the Agg canvas (no pyplot global state, no display), so it is
safe in a worker thread: call `render_stats_png` through `asyncio.to_thread`."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bot.storage import DayCount


@dataclass(frozen=True, slots=True)
class ChartLabels:
    """Texts drawn on the chart, in the moderator's language."""

    title: str
    questions: str
    answered: str
    themes: str
    ratings: str
    up: str
    down: str
    none: str


def render_stats_png(
    days: Sequence[DayCount],
    first_day: date,
    span: int,
    themes: Sequence[tuple[str, int]],
    up: int,
    down: int,
    labels: ChartLabels,
) -> bytes:
    """CPU-bound (~0.2 s): never on the event loop."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    by_day = {d.day: d for d in days}
    dates = [first_day + timedelta(days=i) for i in range(span)]
    asked = [by_day[d].questions if d in by_day else 0 for d in dates]
    answered = [by_day[d].answered if d in by_day else 0 for d in dates]
    ticks = [f"{d:%d.%m}" for d in dates]

    figure = Figure(figsize=(8, 6.5), dpi=100, layout="constrained")
    grid = figure.add_gridspec(2, 3)
    per_day = figure.add_subplot(grid[0, :])
    per_day.bar(ticks, asked, color="#c9d6e8", label=labels.questions)
    per_day.bar(ticks, answered, color="#2f6db3", label=labels.answered)
    for x, (n, a) in enumerate(zip(asked, answered, strict=True)):
        if n:
            per_day.annotate(f"{a}/{n}", (x, n), ha="center", va="bottom", fontsize=8)
    per_day.set_title(labels.title)
    per_day.legend(loc="upper left", fontsize=8)
    per_day.set_ylim(0, max([*asked, 1]) * 1.2)
    per_day.yaxis.set_major_locator(MaxNLocator(integer=True))

    top = figure.add_subplot(grid[1, :2])
    if themes:
        names = [name if len(name) <= 28 else name[:27] + "…" for name, _ in reversed(themes)]
        top.barh(names, [n for _, n in reversed(themes)], color="#5b9a68")
        top.xaxis.set_major_locator(MaxNLocator(integer=True))
    else:
        top.text(0.5, 0.5, labels.none, ha="center", va="center", transform=top.transAxes)
        top.set_axis_off()
    top.set_title(labels.themes, fontsize=10)

    ratings = figure.add_subplot(grid[1, 2])
    ratings.bar([labels.up, labels.down], [up, down], color=["#3f9b4f", "#c0504d"])
    ratings.set_title(labels.ratings, fontsize=10)
    ratings.yaxis.set_major_locator(MaxNLocator(integer=True))
    ratings.set_ylim(0, max(up, down, 1) * 1.2)

    FigureCanvasAgg(figure)  # attaches the Agg canvas: no display, no pyplot state
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
