"""The queue page's table model (ui/queue_model.py): what each cell shows, updates that
keep the selection on its visitor, and a full name that never gets in."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from wealthdesk.domain.client import ClientDraft, Tier
from wealthdesk.domain.queue import Purpose, VisitKind, VisitState, day_figures, estimated_wait
from wealthdesk.services import clients, queue
from wealthdesk.services.queue import QueueSnapshot, VisitInfo
from wealthdesk.ui.models import SORT_ROLE
from wealthdesk.ui.queue.queue_model import (
    COL_ESTIMATE,
    COL_NAME,
    COL_PURPOSE,
    COL_TICKET,
    COL_TIER,
    COL_WAITED,
    COLUMN_COUNT,
    VISIT_ID_ROLE,
    VISIT_ROLE,
    QueueTableModel,
)

NOW = dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
DISPLAY = Qt.ItemDataRole.DisplayRole
FULL_NAMES = ("欧阳娜娜", "张伟", "钱多多", "王语嫣", "李白")
NOTES = "客户说身份证号 11010519491231002X，想买私募"


@pytest.fixture
def english(qapp):
    from wealthdesk import i18n

    i18n.install_language("en")
    yield i18n
    i18n.install_language("zh_CN")


def person(
    visit_id: int,
    name: str,
    minutes_ago: float,
    tier: Tier | None = Tier.NORMAL,
    kind: VisitKind = VisitKind.WALK_IN,
    state: VisitState = VisitState.WAITING,
    purposes: tuple[Purpose, ...] = (Purpose.CONSULTATION,),
    **fields,
) -> VisitInfo:
    """A visit as the service gives it: full name, masked name and notes."""
    from wealthdesk.domain.masking import mask_name

    values = dict(
        id=visit_id,
        service_date=NOW.date(),
        kind=kind,
        ticket=f"{kind.value}{visit_id:03d}",
        client_id=visit_id if tier else None,
        name=name,
        masked_name=mask_name(name),
        masked_phone="138****5678",
        tier=tier,
        purposes=purposes,
        priority=0,
        notes=NOTES,
        desk="",
        state=state,
        outcome="",
        arrived_at=NOW - dt.timedelta(minutes=minutes_ago),
        called_at=None,
        started_at=None,
        finished_at=None,
        recall_count=0,
        row_version=1,
    )
    values.update(fields)
    return VisitInfo(**values)


def snap(
    line: list[VisitInfo],
    parked: list[VisitInfo] = (),
    now: dt.datetime = NOW,
    per_visit: float | None = None,
) -> QueueSnapshot:
    """A snapshot with *line* in this order, each given their place and estimate."""
    placed = tuple(
        replace(v, position=p, estimated_wait_minutes=estimated_wait(p, per_visit))
        for p, v in enumerate(line, start=1)
    )
    return QueueSnapshot(placed, tuple(parked), day_figures([], now), now)


def a_queue() -> tuple[list[VisitInfo], list[VisitInfo]]:
    line = [
        person(1, "欧阳娜娜", 75, Tier.PRIVATE, VisitKind.APPOINTMENT),
        person(2, "张伟", 12, Tier.GOLD, purposes=(Purpose.PURCHASE, Purpose.REDEMPTION)),
        person(3, "钱多多", 5, None, purposes=()),
    ]
    parked = [person(4, "王语嫣", 30, Tier.PLATINUM, state=VisitState.PARKED)]
    return line, parked


def texts(model: QueueTableModel, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def ids(model: QueueTableModel) -> list[int]:
    return [model.index(row, 0).data(VISIT_ID_ROLE) for row in range(model.rowCount())]


class Signals:
    """Every change the model announces, in order."""

    def __init__(self, model: QueueTableModel):
        self.seen: list[tuple] = []
        model.dataChanged.connect(
            lambda a, b, roles=(): self.seen.append(
                ("data", a.row(), a.column(), b.row(), b.column(), list(roles))
            )
        )
        model.rowsInserted.connect(lambda p, a, b: self.seen.append(("inserted", a, b)))
        model.rowsRemoved.connect(lambda p, a, b: self.seen.append(("removed", a, b)))
        model.layoutChanged.connect(lambda *args: self.seen.append(("layout",)))
        model.modelReset.connect(lambda: self.seen.append(("reset",)))

    def take(self) -> list[tuple]:
        seen, self.seen = self.seen, []
        return seen


# ---------------------------------------------------------------- what it shows


def test_rows_are_the_line_in_call_order_then_the_parked(english):
    model = QueueTableModel()
    line, parked = a_queue()
    model.set_snapshot(snap(line, parked))

    assert texts(model, COL_TICKET) == ["A001", "W002", "W003", "W004"]
    assert texts(model, COL_NAME) == ["欧阳**", "张*", "钱**", "王**"]
    assert texts(model, COL_TIER) == ["Private banking", "Gold", "—", "Platinum"]
    assert texts(model, COL_PURPOSE) == ["Consultation", "Purchase, Redemption", "", "Consultation"]
    assert texts(model, COL_WAITED) == ["1 h 15 min", "12 min", "5 min", "30 min"]
    assert texts(model, COL_ESTIMATE) == ["Next", "~15 min", "~30 min", "Parked"]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(COLUMN_COUNT)] == [
        "Ticket",
        "Name",
        "Tier",
        "Purpose",
        "Waited",
        "Estimated wait",
    ]
    assert model.figures == day_figures([], NOW)


def test_labels_follow_the_language(language):
    model = QueueTableModel()
    line, parked = a_queue()
    model.set_snapshot(snap(line, parked))

    assert model.index(1, COL_TIER).data() == "金卡"
    # The labels in Chinese, joined by the separator's translation (、 once translated).
    separator = language.translate("QueueModel", ", ")
    assert model.index(1, COL_PURPOSE).data() == separator.join(["购买产品", "赎回"])
    assert model.index(3, COL_ESTIMATE).data() == "暂挂"
    seen = []
    model.headerDataChanged.connect(lambda *args: seen.append("header"))
    model.dataChanged.connect(lambda a, b, roles=(): seen.append((a.row(), b.row(), b.column())))
    language.install_language("en")
    model.retranslate()
    assert seen == ["header", (0, 3, COLUMN_COUNT - 1)]
    assert model.index(1, COL_TIER).data() == "Gold"
    assert model.index(1, COL_PURPOSE).data() == "Purchase, Redemption"


def test_waited_counts_whole_minutes_and_hours_past_sixty(english):
    model = QueueTableModel()
    waits = [0.5, 1, 59.9, 60, 65, 125]
    model.set_snapshot(snap([person(i, "张伟", m) for i, m in enumerate(waits, start=1)]))

    assert texts(model, COL_WAITED) == [
        "0 min",
        "1 min",
        "59 min",
        "1 h 00 min",
        "1 h 05 min",
        "2 h 05 min",
    ]


def test_the_estimate_follows_the_days_average(english):
    model = QueueTableModel()
    line = [person(i, "张伟", 10 - i) for i in range(1, 4)]
    model.set_snapshot(snap(line, per_visit=12))

    assert texts(model, COL_ESTIMATE) == ["Next", "~12 min", "~24 min"]
    assert [model.index(r, COL_ESTIMATE).data(SORT_ROLE) for r in range(3)] == [0, 12, 24]


def test_numbers_are_right_aligned(english):
    model = QueueTableModel()
    model.set_snapshot(snap(*a_queue()))
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    align = Qt.ItemDataRole.TextAlignmentRole

    for column in (COL_WAITED, COL_ESTIMATE):
        assert model.index(0, column).data(align) == right
        assert model.headerData(column, Qt.Orientation.Horizontal, align) == right
    assert model.index(0, COL_NAME).data(align) is None


def test_a_parked_row_says_so_in_words_and_is_greyed_and_in_italics(english):
    model = QueueTableModel()
    line, parked = a_queue()
    model.set_snapshot(snap(line, parked))
    grey = QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)

    parked_row = model.row_of(4)
    assert parked_row == 3
    assert model.index(parked_row, COL_ESTIMATE).data() == "Parked"
    for column in range(COLUMN_COUNT):
        index = model.index(parked_row, column)
        assert index.data(Qt.ItemDataRole.ForegroundRole).color() == grey
        font = index.data(Qt.ItemDataRole.FontRole)
        assert isinstance(font, QFont) and font.italic()
    waiting = model.index(0, COL_TICKET)
    assert waiting.data(Qt.ItemDataRole.ForegroundRole) is None
    assert waiting.data(Qt.ItemDataRole.FontRole) is None
    # Sorted by the estimate, the parked come after everyone in line.
    estimates = [model.index(r, COL_ESTIMATE).data(SORT_ROLE) for r in range(4)]
    assert estimates[3] > max(estimates[:3])


def test_sort_values_order_each_column_as_a_manager_expects(english):
    model = QueueTableModel()
    line, parked = a_queue()
    model.set_snapshot(snap(line, parked))

    def keys(column):
        return [model.index(r, column).data(SORT_ROLE) for r in range(model.rowCount())]

    assert keys(COL_TICKET) == ["A001", "W002", "W003", "W004"]
    assert keys(COL_NAME) == ["欧阳**", "张*", "钱**", "王**"]
    # Private banking first, the anonymous walk-in after standard clients.
    assert keys(COL_TIER) == [0, 2, 4, 1]
    assert keys(COL_PURPOSE) == ["Consultation", "Purchase, Redemption", "", "Consultation"]
    assert keys(COL_WAITED) == [75 * 60, 12 * 60, 5 * 60, 30 * 60]


def test_the_full_name_and_the_notes_never_reach_the_table(english):
    model = QueueTableModel()
    line, parked = a_queue()
    line.append(person(5, "李白", 1, Tier.GOLD, notes="李白 想咨询"))
    model.set_snapshot(snap(line, parked))
    model.set_snapshot(snap(list(reversed(line)), parked))  # updated rows too

    roles = [*range(0, 301), *range(Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 301)]
    checked = 0
    for row in range(model.rowCount()):
        for column in range(COLUMN_COUNT):
            index = model.index(row, column)
            for role in roles:
                value = index.data(role)
                if value is None:
                    continue
                shown = repr(value)
                assert not any(name in shown for name in FULL_NAMES), (row, column, role)
                assert "想" not in shown and "11010519491231002X" not in shown
                checked += 1
    assert checked > model.rowCount() * COLUMN_COUNT * 2  # display, sort, id, visit at least
    visit = model.row_at(0)
    assert (visit.name, visit.notes, visit.masked_name) == ("", "", "李*")
    for column in range(COLUMN_COUNT):
        for role in roles:
            value = model.headerData(column, Qt.Orientation.Horizontal, role)
            assert not any(name in repr(value) for name in FULL_NAMES)


def test_a_walk_in_known_only_by_phone_is_shown_by_the_masked_number(english):
    model = QueueTableModel()
    model.set_snapshot(snap([person(1, "", 3, None, masked_name="", notes="")]))

    assert model.index(0, COL_NAME).data() == "138****5678"


# ---------------------------------------------------------------- updates


@pytest.mark.qt_log_level_fail("WARNING")  # the Qt tester reports by warnings
def test_the_model_passes_the_qt_model_tester_through_every_kind_of_update(qtmodeltester, english):
    model = QueueTableModel()
    line, parked = a_queue()
    model.set_snapshot(snap(line, parked))
    qtmodeltester.check(model)  # keeps watching every later change

    newcomer = person(9, "李白", 0, Tier.PRIVATE, VisitKind.APPOINTMENT)
    model.set_snapshot(snap([line[0], newcomer, *line[1:]], parked))  # a check-in
    model.set_snapshot(snap([newcomer, *line[1:]], parked))  # the first is called
    model.set_snapshot(snap([line[2], newcomer, line[1]], parked))  # a new order
    back = replace(parked[0], state=VisitState.WAITING)
    model.set_snapshot(snap([back, line[2]], [line[1]]))  # parked and back, one gone
    model.tick(NOW + dt.timedelta(minutes=30))
    model.retranslate()
    qtmodeltester.check(model)
    model.clear()
    qtmodeltester.check(model)
    assert model.rowCount() == 0 and model.figures is None


def test_a_persistent_index_and_the_selection_stay_on_their_visitor(english):
    model = QueueTableModel()
    line, parked = a_queue()
    model.set_snapshot(snap(line, parked))
    zhang = QPersistentModelIndex(model.index(model.row_of(2), COL_NAME))
    selection = QItemSelectionModel(model)
    selection.select(
        model.index(model.row_of(3), 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )

    def selected() -> list[int]:
        return [index.data(VISIT_ID_ROLE) for index in selection.selectedRows()]

    newcomer = person(9, "李白", 0, Tier.PRIVATE, VisitKind.APPOINTMENT)
    steps = [
        snap([newcomer, *line], parked),  # inserted above
        snap([newcomer, *line[1:]], parked),  # removed above
        snap([line[2], line[1], newcomer], parked),  # reordered
        snap([line[2], line[1]], [parked[0], newcomer]),  # one moves to the parked
        snap([person(3, "钱多多", 5, Tier.GOLD, purposes=()), line[1]], []),  # changed
    ]
    for step in steps:
        model.set_snapshot(step)
        assert zhang.isValid() and zhang.data(VISIT_ID_ROLE) == 2
        assert zhang.column() == COL_NAME and zhang.row() == model.row_of(2)
        assert selected() == [3]
        assert ids(model) == [v.id for v in step.waiting + step.parked]
    model.set_snapshot(snap([line[2]]))
    assert not zhang.isValid()  # the visitor left the queue


def test_an_unchanged_snapshot_announces_nothing(english):
    model = QueueTableModel()
    line, parked = a_queue()
    model.set_snapshot(snap(line, parked))
    signals = Signals(model)

    model.set_snapshot(snap(line, parked))  # equal rows, new objects
    model.set_snapshot(snap(line, parked, now=NOW + dt.timedelta(seconds=5)))

    assert signals.take() == []


def test_one_changed_visitor_is_announced_alone(english):
    model = QueueTableModel()
    line, parked = a_queue()
    model.set_snapshot(snap(line, parked))
    signals = Signals(model)

    tier_up = replace(line[1], tier=Tier.PLATINUM, row_version=2)
    model.set_snapshot(snap([line[0], tier_up, line[2]], parked))

    assert signals.take() == [("data", 1, 0, 1, COLUMN_COUNT - 1, [])]
    assert model.index(1, COL_TIER).data() == "Platinum"


def test_a_check_in_inserts_one_row_and_moves_those_behind_down(english):
    model = QueueTableModel()
    line, parked = a_queue()
    model.set_snapshot(snap(line, parked))
    signals = Signals(model)

    newcomer = person(9, "李白", 0, Tier.GOLD)
    model.set_snapshot(snap([line[0], line[1], newcomer, line[2]], parked))

    # The new row, and the one behind it, whose place and estimate changed.
    assert signals.take() == [("inserted", 2, 2), ("data", 3, 0, 3, COLUMN_COUNT - 1, [])]
    assert texts(model, COL_TICKET) == ["A001", "W002", "W009", "W003", "W004"]
    assert texts(model, COL_ESTIMATE)[2:4] == ["~30 min", "~45 min"]


def test_a_call_removes_the_row_and_moves_everyone_up(english):
    model = QueueTableModel()
    line, parked = a_queue()
    model.set_snapshot(snap(line, parked))
    signals = Signals(model)

    model.set_snapshot(snap(line[1:], parked))

    assert signals.take() == [("removed", 0, 0), ("data", 0, 0, 1, COLUMN_COUNT - 1, [])]
    assert texts(model, COL_ESTIMATE) == ["Next", "~15 min", "Parked"]
    assert model.row_of(1) == -1 and model.row_of(4) == 2


def test_a_new_order_is_one_layout_change(english):
    model = QueueTableModel()
    line, parked = a_queue()
    model.set_snapshot(snap(line, parked))
    signals = Signals(model)

    model.set_snapshot(snap([line[1], line[0], line[2]], parked))

    assert signals.take() == [("layout",), ("data", 0, 0, 1, COLUMN_COUNT - 1, [])]
    assert texts(model, COL_TICKET) == ["W002", "A001", "W003", "W004"]


def test_tick_moves_only_the_waited_column_on(english):
    model = QueueTableModel()
    line, parked = a_queue()
    model.set_snapshot(snap(line, parked))
    before = {c: texts(model, c) for c in range(COLUMN_COUNT)}
    signals = Signals(model)

    model.tick(NOW + dt.timedelta(minutes=50))

    last = model.rowCount() - 1
    assert signals.take() == [("data", 0, COL_WAITED, last, COL_WAITED, [DISPLAY])]
    assert texts(model, COL_WAITED) == ["2 h 05 min", "1 h 02 min", "55 min", "1 h 20 min"]
    for column in set(range(COLUMN_COUNT)) - {COL_WAITED}:
        assert texts(model, column) == before[column]


def test_lookups_and_clearing(english):
    model = QueueTableModel()
    assert (model.rowCount(), model.figures, model.row_at(0), model.row_of(1)) == (
        0,
        None,
        None,
        -1,
    )
    line, parked = a_queue()
    model.set_snapshot(snap(line, parked))
    assert [model.row_at(r).ticket for r in range(4)] == ["A001", "W002", "W003", "W004"]
    assert model.row_at(4) is None and model.row_at(-1) is None
    assert model.index(2, COL_TIER).data(VISIT_ROLE) == model.row_at(2)
    assert model.rowCount(model.index(0, 0)) == 0 and model.columnCount(QModelIndex()) == 6
    signals = Signals(model)
    model.tick(NOW)
    model.clear()
    assert signals.take()[-1] == ("reset",)
    assert model.rowCount() == 0 and model.row_of(1) == -1 and model.figures is None
    model.tick(NOW)  # nothing to move on
    assert signals.take() == []


# ---------------------------------------------------------------- with the service


def test_the_model_shows_the_services_snapshot(store, clock, english):
    zhang = clients.create_client(ClientDraft(name="张伟", tier=Tier.GOLD), "setup").id
    first = queue.check_in(queue.CheckIn(walk_in_name="欧阳娜娜"), "lobby")
    clock.set(clock.now + dt.timedelta(minutes=3))
    queue.check_in(queue.CheckIn(client_id=zhang, notes="张伟 的备注"), "lobby")
    model = QueueTableModel()
    model.set_snapshot(queue.snapshot())
    assert texts(model, COL_TICKET) == ["W002", "W001"]  # gold before standard
    assert texts(model, COL_NAME) == ["张*", "欧阳**"]
    assert texts(model, COL_WAITED) == ["0 min", "3 min"]

    queue.park(first.id, "m1")
    clock.set(clock.now + dt.timedelta(minutes=2))
    model.set_snapshot(queue.snapshot())
    assert texts(model, COL_ESTIMATE) == ["Next", "Parked"]
    assert texts(model, COL_WAITED) == ["2 min", "5 min"]
    assert model.figures == queue.day_stats()
    assert all(model.row_at(r).name == "" for r in range(2))
