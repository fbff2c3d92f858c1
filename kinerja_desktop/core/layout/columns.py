"""Column widths of the flowchart table and the type size they allow.

The table is `No | Uraian | one lane per pelaksana | Kelengkapan | Waktu |
Output | Keterangan` across the page's content width. Widths are expressed in
multiples of the body font size, so everything scales together. Room is handed
out in stages, as the signed sheets share it: every column its minimum; the
lanes up to a base width (room for a symbol and the tracks beside it); the text
columns up to their comfortable width (the Uraian most, so rows stay short);
the lanes up to their comfortable width; whatever is left to the text columns.
When even the minimums do not fit, the whole table's type shrinks, but never
below `settings.min_font_size`; past that the lanes simply get narrow and the
user is told so.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..page import PageSettings
from .primitives import Column, Font, Measure

# key, printed title, comfortable width, minimum width (both in ems), share of spare room
TEXT_COLUMNS: tuple[tuple[str, str, float, float, float], ...] = (
    ("uraian", "Uraian Prosedur", 24.0, 12.5, 0.45),
    ("kelengkapan", "Kelengkapan", 12.0, 8.5, 0.17),
    ("waktu", "Waktu", 7.0, 5.0, 0.08),
    ("output", "Output", 12.0, 8.5, 0.17),
    ("keterangan", "Keterangan", 8.0, 5.0, 0.13),
)
DEMAND_MIN = 0.25  # a column's share of spare room follows its texts' demand within these
DEMAND_MAX = 2.0
LANE_MIN = 6.0  # ems
LANE_BASE = 8.5
LANE_COMFORT = 10.0
NO_TITLE = "No."


@dataclass(frozen=True)
class Metrics:
    """Type sizes and paddings after any shrinking, in points."""

    scale: float
    body: float
    head: float
    label: float
    pad_x: float
    pad_y: float


@dataclass(frozen=True)
class ColumnPlan:
    metrics: Metrics
    columns: tuple[Column, ...]
    lane_w: float
    notices: tuple[str, ...]

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def lanes(self) -> list[Column]:
        return [c for c in self.columns if c.lane_index is not None]


def make_metrics(settings: PageSettings, scale: float) -> Metrics:
    body = settings.font_size * scale
    head = max(settings.header_font_size * scale, min(settings.min_font_size, body))
    label = max(min(settings.min_font_size, body), body * 0.75)
    return Metrics(scale, body, head, label, pad_x=0.45 * body, pad_y=0.45 * body)


def _no_width(m: Metrics, n_steps: int, measure: Measure) -> float:
    widest = max(
        measure(NO_TITLE, Font.BOLD, m.head), measure(str(max(n_steps, 9)), Font.REGULAR, m.body)
    )
    return widest + 2 * m.pad_x


def _text_widths(m: Metrics, t: float) -> list[float]:
    return [(lo + t * (hi - lo)) * m.body for _, _, hi, lo, _ in TEXT_COLUMNS]


def _fit_scale(
    n_lanes: int, n_steps: int, settings: PageSettings, measure: Measure, demand: TextDemand | None
) -> float:
    """The largest type scale (down to the minimum) at which the lanes reach LANE_MIN
    beside text columns wide enough for their longest words."""
    floor = min(1.0, settings.min_font_size / settings.font_size)
    if n_lanes == 0:
        return 1.0
    width = settings.content_width

    def lane_room(scale: float) -> float:
        m = make_metrics(settings, scale)
        words = _wishes(m, demand)[0]
        fixed = _no_width(m, n_steps, measure) + sum(words)
        return (width - fixed) / n_lanes - LANE_MIN * m.body

    scale = 1.0
    while scale > floor and lane_room(scale) < 0:
        scale = max(floor, scale - 0.01)
    return scale


def plan_columns(
    n_lanes: int,
    n_steps: int,
    settings: PageSettings,
    measure: Measure,
    lane_names: list[str],
    *,
    lane_base: float = LANE_BASE,
    demand: TextDemand | None = None,
    mutu_titles: tuple[str, str, str] | None = None,
) -> ColumnPlan:
    """Columns (x from the content's left edge), type sizes and notices.

    `lane_base` (ems) is how wide the lanes get before the text columns grow.
    `demand` (see `text_demand`) says what each text column's texts ask for. A
    column asking little (Keterangan left empty) stays narrow and leaves the
    room to the others; one asking much gets more of the spare; and no column
    is made so narrow that its words break, while the lanes can spare the room.
    `mutu_titles` are the office's own heads of the Mutu Baku columns.
    """
    scale = _fit_scale(n_lanes, n_steps, settings, measure, demand)
    m = make_metrics(settings, scale)
    width = settings.content_width
    no_w = _no_width(m, n_steps, measure)
    texts, lane_w = _distribute(m, n_lanes, width - no_w, lane_base, _wishes(m, demand))
    columns: list[Column] = []
    x = settings.content_left
    columns.append(Column("no", x, no_w, NO_TITLE))
    x += no_w
    columns.append(Column("uraian", x, texts[0], TEXT_COLUMNS[0][1]))
    x += texts[0]
    for i, name in enumerate(lane_names):
        columns.append(Column("lane", x, lane_w, name, lane_index=i))
        x += lane_w
    heads = dict(zip(("kelengkapan", "waktu", "output"), mutu_titles or (), strict=False))
    for (key, title, *_), w in zip(TEXT_COLUMNS[1:], texts[1:], strict=True):
        columns.append(Column(key, x, w, heads.get(key) or title))
        x += w
    notices = _notices(settings, m, n_lanes, lane_w)
    return ColumnPlan(m, tuple(columns), lane_w, tuple(notices))


@dataclass(frozen=True)
class TextDemand:
    """What the texts of each text column ask for, independent of the type size:
    `ask`, their average width as a share of the column's comfortable width;
    `word`, their widest word, in ems."""

    ask: dict[str, float]
    word: dict[str, float]


def text_demand(texts: dict[str, list[str]], size: float, measure: Measure) -> TextDemand:
    """The demand of the columns' texts (lists per column key), measured at `size`."""
    ask: dict[str, float] = {}
    word: dict[str, float] = {}
    for key, _title, hi, _lo, _share in TEXT_COLUMNS:
        items = texts.get(key, [])
        total = sum(measure(" ".join(t.split()), Font.REGULAR, size) for t in items)
        ask[key] = total / max(len(items), 1) / (hi * size)
        words = {w for t in items for w in t.split()}
        word[key] = max((measure(w, Font.REGULAR, size) for w in words), default=0.0) / size
    return TextDemand(ask, word)


def _wishes(m: Metrics, demand: TextDemand | None) -> tuple[list[float], list[float], list[float]]:
    """Per text column: the least width that breaks no word (within its comfortable
    width), how wide it would like to be, and its share of any spare room."""
    low, high = _text_widths(m, 0.0), _text_widths(m, 1.0)
    words, wish, shares = [], [], []
    for (key, *_rest, share), lo, hi in zip(TEXT_COLUMNS, low, high, strict=True):
        ask = demand.ask.get(key, 1.0) if demand else 1.0
        word = demand.word.get(key, 0.0) * m.body + 2 * m.pad_x if demand else 0.0
        words.append(min(max(lo, word), hi))
        wish.append(max(lo + (hi - lo) * min(1.0, ask), words[-1]))
        shares.append(share * min(max(ask, DEMAND_MIN), DEMAND_MAX))
    total = sum(shares)
    return words, wish, [v / total for v in shares]


def _unbroken(low: list[float], words: list[float], room: float) -> list[float]:
    """The text columns' minimums raised towards their widest words, as far as
    `room` (what the lanes can spare) allows."""
    extra = sum(words) - sum(low)
    if extra <= 0:
        return low
    f = min(1.0, max(0.0, room / extra))
    return [lo + f * (w - lo) for lo, w in zip(low, words, strict=True)]


def _distribute(
    m: Metrics,
    n_lanes: int,
    room: float,
    lane_base: float,
    wishes: tuple[list[float], list[float], list[float]],
) -> tuple[list[float], float]:
    """Text column widths and the lane width sharing `room` points, stage by stage."""
    low, (words, high, shares) = _text_widths(m, 0.0), wishes
    if not n_lanes:
        return _spread(_unbroken(low, words, room - sum(low)), high, room, shares), 0.0
    floor = min(6.0, room * 0.5 / n_lanes)  # points; the text columns give way below this
    if room - sum(low) < n_lanes * floor:  # a very narrow page: the text columns share the rest
        return [w * (room - n_lanes * floor) / sum(low) for w in low], floor
    low = _unbroken(low, words, room - sum(low) - n_lanes * LANE_MIN * m.body)
    lane_w = min(lane_base * m.body, (room - sum(low)) / n_lanes)
    texts = _spread(low, high, room - n_lanes * lane_w, None)
    spare = room - sum(texts) - n_lanes * lane_w
    comfort = max(LANE_COMFORT, lane_base) * m.body
    lane_w += min(spare / n_lanes, max(0.0, comfort - lane_w))
    return _spread(texts, high, room - n_lanes * lane_w, shares), lane_w


def _spread(
    low: list[float], high: list[float], room: float, shares: list[float] | None
) -> list[float]:
    """Grow the text columns from `low` towards `high` evenly within `room`; past
    `high`, the rest goes by `shares` (kept back when None)."""
    spread = sum(high) - sum(low)
    t = (room - sum(low)) / spread if spread > 0 else 1.0
    widths = [lo + min(1.0, max(0.0, t)) * (hi - lo) for lo, hi in zip(low, high, strict=True)]
    spare = room - sum(widths)
    if spare > 0 and shares is not None:
        widths = [w + spare * share for w, share in zip(widths, shares, strict=True)]
    return widths


def _decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def paper_words(settings: PageSettings) -> str:
    return f"{settings.paper} {'mendatar' if settings.landscape else 'tegak'}"


def _notices(settings: PageSettings, m: Metrics, n_lanes: int, lane_w: float) -> list[str]:
    notices: list[str] = []
    if m.scale < 1.0 - 1e-9:
        notices.append(
            f"Teks tabel alur diperkecil menjadi {_decimal(m.body)} pt agar {n_lanes} kolom "
            f"pelaksana muat di kertas {paper_words(settings)}{wider_paper(settings)}."
        )
    if n_lanes and lane_w < LANE_MIN * m.body - 1e-6:
        notices.append(
            f"Kolom pelaksana sangat sempit ({n_lanes} pelaksana di kertas "
            f"{paper_words(settings)}): simbol dan nama pelaksana sulit dibaca. Gunakan kertas "
            "yang lebih lebar atau mendatar, atau kurangi jumlah pelaksana."
        )
    return notices


def wider_paper(settings: PageSettings) -> str:
    """ "; lebih lega bila dicetak …": the roomier paper to suggest ("" when none is)."""
    if not settings.landscape:
        return f"; lebih lega bila dicetak {settings.paper} mendatar"
    if settings.paper != "F4":
        return "; lebih lega bila dicetak pada kertas F4 mendatar"
    return ""
