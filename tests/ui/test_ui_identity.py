"""The client screen's document tab (issue 19): the identity document and the
qualified-investor record entered and shown, each refusal under its field in Chinese and
English, and nothing of the client left once they leave."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate

from wealthdesk import db
from wealthdesk.domain.client import ClientDraft, IdDocType
from wealthdesk.domain.identity import resident_id_check_char
from wealthdesk.domain.investor import ProofKind
from wealthdesk.services import audit, clients, suitability
from wealthdesk.ui import interaction
from wealthdesk.ui.client_screen.identity_tab import IdentityTab
from wealthdesk.ui.desk.context import DeskContext

ID_NUMBER = "11010519491231002X"
MASKED = "110105********002X"
PERMIT = "81000019900101123" + resident_id_check_char("81000019900101123")
PASSPORT = "E12345678"


@pytest.fixture
def desk(store, clock):
    clock.set(dt.datetime(2026, 11, 27, 10, 0))
    context = DeskContext("1", db.current())
    context.reload()
    return context


@pytest.fixture
def tab(qtbot, desk, prompts, language):
    widget = IdentityTab(desk)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


def a_client(name: str = "欧阳娜娜") -> int:
    return clients.create_client(ClientDraft(name=name, id_number=ID_NUMBER), "t").id


def _error(tab, errors, field) -> str:
    label = errors[field]
    return label.text() if label.isVisibleTo(tab) else ""


def test_the_document_is_shown_with_its_number_masked_and_recorded_with_its_expiry(tab):
    client_id = a_client()
    tab.show_client(client_id)
    assert tab.number.text() == MASKED
    tab.doc_type.setCurrentIndex(tab.doc_type.findData(IdDocType.RESIDENCE_PERMIT.value))
    tab.number_edit.setText(PERMIT)
    tab.long_term.setChecked(False)
    tab.expiry.setDate(QDate(2030, 5, 1))
    tab.assets.setText("120万")
    assert tab.save_document()
    stored = suitability.identity_document(client_id)
    assert stored.doc_type is IdDocType.RESIDENCE_PERMIT
    assert stored.expiry == dt.date(2030, 5, 1)
    assert stored.financial_assets_fen == 120_000_000
    assert "2030-05-01" in tab.document_state.text()
    assert audit.entries(client_id=client_id)[0].action == "id_document_recorded"
    # The permit's own number, masked; the typed one leaves the field once kept.
    assert tab.number.text() == "810000********" + PERMIT[-4:]
    assert tab.number_edit.text() == ""


def test_an_expired_document_says_no_sale_until_renewed(tab, language):
    language.install_language("en")
    client_id = a_client()
    suitability.record_identity_document(client_id, IdDocType.PASSPORT, dt.date(2026, 11, 26), "t")
    tab.show_client(client_id)
    assert tab.doc_type.currentData() == IdDocType.PASSPORT.value
    assert "Expired on 2026-11-26" in tab.document_state.text()
    assert "no sale" in tab.document_state.text()


def test_a_wrong_amount_of_assets_is_refused_under_its_field(tab, language):
    client_id = a_client()
    tab.show_client(client_id)
    tab.assets.setText("很多")
    assert not tab.save_document()
    assert "很多" in _error(tab, tab.document_errors, "financial_assets")
    assert suitability.identity_document(client_id).financial_assets_fen is None


def _fill_qualified(tab, years=3, net="", assets="600万", income="", proof=ProofKind.TAX_RECORD):
    tab.experience.setValue(years)
    tab.net_assets.setText(net)
    tab.financial_assets.setText(assets)
    tab.income.setText(income)
    tab.proof_kind.setCurrentIndex(tab.proof_kind.findData(proof.value if proof else ""))
    tab.proof_date.setDate(QDate(2026, 11, 20))


def test_the_qualified_investor_is_recorded_and_shown_with_criterion_proof_and_validity(
    tab, language
):
    language.install_language("en")
    client_id = a_client()
    tab.show_client(client_id)
    assert "Not a qualified investor" in tab.qualified_state.text()
    _fill_qualified(tab)
    assert tab.save_qualified()
    text = tab.qualified_state.text()
    assert "valid until 2027-11-19" in text
    assert "Household financial assets of ¥5,000,000 or more" in text
    assert "Personal income tax record of 2026-11-20" in text
    assert suitability.latest_qualified_investor(client_id).valid_until == dt.date(2027, 11, 19)
    assert tab.financial_assets.text() == ""  # the figures typed leave the form once kept


@pytest.mark.parametrize(
    "lang, expected",
    [("en", "Not a qualified investor (资管新规 第五条)"), ("zh_CN", "不符合合格投资者条件")],
)
def test_a_client_below_the_thresholds_is_refused_inline_in_both_languages(
    tab, language, lang, expected
):
    language.install_language(lang)
    client_id = a_client()
    tab.show_client(client_id)
    _fill_qualified(tab, years=1, assets="100万")
    assert not tab.save_qualified()
    assert expected in _error(tab, tab.qualified_errors, "experience_years")
    assert suitability.latest_qualified_investor(client_id) is None


def test_a_missing_proof_is_refused_under_the_proof(tab, language):
    language.install_language("en")
    client_id = a_client()
    tab.show_client(client_id)
    _fill_qualified(tab, proof=None)
    assert not tab.save_qualified()
    assert "Say what the client showed as proof." in _error(tab, tab.qualified_errors, "proof_kind")


def test_clear_leaves_nothing_of_the_client(tab):
    client_id = a_client()
    suitability.record_identity_document(client_id, IdDocType.RESIDENT_ID, None, "t", 88_800_000)
    tab.show_client(client_id)
    _fill_qualified(tab, assets="765万")
    assert {MASKED, "888,000.00", "765万"} <= tab.client_values()
    tab.clear()
    assert tab.client_values() == set()
    texts = [tab.number.text(), tab.assets.text(), tab.financial_assets.text()]
    assert not any(texts)
    for edit in (tab.assets, tab.financial_assets):
        assert not edit.isUndoAvailable()
    assert not tab.save_document_button.isEnabled()


# ---------------------------------------------------------------- in the window


@pytest.mark.parametrize("leave", ["finish", "lock"])
def test_the_window_keeps_no_trace_of_the_document_tab_after_the_client_leaves(
    clock, main_window, prompts, leave
):
    from test_ui_queue import VALUES, finish_answer, the_client, traces

    from wealthdesk.services import queue

    window = main_window
    window.go_to_key("queue")
    client_id = the_client()
    suitability.record_identity_document(
        client_id, IdDocType.PASSPORT, None, "t", 765_432_100, PASSPORT
    )
    queue.check_in(queue.CheckIn(client_id=client_id), "lobby")
    window.queue_page.refresh()
    window.session.call_next_action.trigger()
    page = window.service_page
    (tab,) = [t for t in page.client_tabs if isinstance(t, IdentityTab)]
    page.record_tabs.setCurrentWidget(tab)
    assert tab.number.text() == "E1*****78" and tab.assets.text() == "7,654,321.00"
    tab.reveal_number()  # audited; the full number is on screen until the client leaves
    assert tab.number.text() == PASSPORT
    tab.net_assets.setText("432万")  # typed, not saved
    tab.number_edit.setText("G87654321")  # typed, not saved
    values = (*VALUES, PASSPORT, "E1*****78", "G87654321", "7,654,321.00", "432万")
    assert {PASSPORT, "G87654321", "7,654,321.00", "432万"} <= window.client_screen.values()
    if leave == "finish":
        window.session.start_action.trigger()
        prompts.answer("unsaved", interaction.UnsavedChoice.DISCARD)  # typed, not recorded
        prompts.answer("dialog", finish_answer())
        window.session.finish_action.trigger()
        assert "unsaved" in prompts.kinds()
    else:
        window.lock_action.trigger()  # nobody to ask: dropped, never written
    assert traces(window, values) == []
    assert tab.client_id is None


def _serving_on_the_document_tab(window, client_id: int) -> IdentityTab:
    from wealthdesk.services import queue

    window.go_to_key("queue")
    queue.check_in(queue.CheckIn(client_id=client_id), "lobby")
    window.queue_page.refresh()
    window.session.call_next_action.trigger()
    window.session.start_action.trigger()
    page = window.service_page
    (tab,) = [t for t in page.client_tabs if isinstance(t, IdentityTab)]
    page.record_tabs.setCurrentWidget(tab)
    return tab


@pytest.mark.parametrize(
    ("choice", "recorded", "finished"),
    [("SAVE", True, True), ("DISCARD", False, True), ("CANCEL", False, False)],
)
def test_a_document_typed_and_not_recorded_is_asked_about_before_the_service_ends(
    clock, main_window, prompts, choice, recorded, finished
):
    # Finishing dropped a passport number typed on the tab without a word, while the
    # profile's unsaved edits were asked about.
    from test_ui_queue import finish_answer, the_client

    client_id = the_client()
    tab = _serving_on_the_document_tab(main_window, client_id)
    _choose(tab, IdDocType.PASSPORT)
    tab.long_term.setChecked(True)
    tab.number_edit.setText(PASSPORT)
    prompts.answer("unsaved", getattr(interaction.UnsavedChoice, choice))
    if finished:
        prompts.answer("dialog", finish_answer())
    main_window.session.finish_action.trigger()
    assert prompts.kinds()[0] == "unsaved"
    document = suitability.identity_document(client_id)
    assert (document.doc_type is IdDocType.PASSPORT and document.has_number) is recorded
    assert (tab.client_id is None) is finished
    if not finished:
        assert tab.number_edit.text() == PASSPORT  # still there to record
        prompts.answer("unsaved", interaction.UnsavedChoice.DISCARD)  # closing asks again


def test_a_tab_only_looked_at_asks_nothing_before_the_service_ends(clock, main_window, prompts):
    from test_ui_queue import finish_answer, the_client

    tab = _serving_on_the_document_tab(main_window, the_client())
    assert tab.client_id is not None
    prompts.answer("dialog", finish_answer())
    main_window.session.finish_action.trigger()
    assert "unsaved" not in prompts.kinds() and tab.client_id is None


# ---------------------------------------------------------------- the document's number


def _choose(tab, kind: IdDocType) -> None:
    tab.doc_type.setCurrentIndex(tab.doc_type.findData(kind.value))


def test_a_passport_number_is_recorded_masked_and_revealed_only_through_the_audit(tab):
    client_id = a_client()
    tab.show_client(client_id)
    _choose(tab, IdDocType.PASSPORT)
    tab.long_term.setChecked(True)
    tab.number_edit.setText("e1234 5678")
    assert tab.save_document()
    assert tab.number.text() == "E1*****78"
    assert PASSPORT not in " ".join(e.detail for e in audit.entries(client_id=client_id))
    assert tab.reveal_button.isEnabled()
    tab.reveal_number()
    assert tab.number.text() == PASSPORT
    assert audit.entries(client_id=client_id)[0].action == "reveal_doc_number"
    assert PASSPORT in tab.client_values()
    tab.clear()
    assert tab.client_values() == set() and tab.number.text() == ""


@pytest.mark.parametrize(
    "lang, kind, typed, expected",
    [
        ("en", IdDocType.PASSPORT, "000000", "is not a passport number"),
        ("zh_CN", IdDocType.PASSPORT, "000000", "不是护照号码"),
        ("en", IdDocType.PERMANENT_RESIDENCE, "USA11006050", "this has 11"),
        ("zh_CN", IdDocType.PERMANENT_RESIDENCE, "USA11006050", "本号码为 11 位"),
        ("en", IdDocType.RESIDENCE_PERMIT, ID_NUMBER, "starts with 810000"),
        ("zh_CN", IdDocType.RESIDENCE_PERMIT, ID_NUMBER, "810000"),
    ],
)
def test_a_wrong_number_is_refused_under_the_number_in_both_languages(
    tab, language, lang, kind, typed, expected
):
    language.install_language(lang)
    client_id = a_client()
    tab.show_client(client_id)
    _choose(tab, kind)
    tab.number_edit.setText(typed)
    assert not tab.save_document()
    assert expected in _error(tab, tab.document_errors, "id_doc_number")
    assert suitability.identity_document(client_id).doc_type is IdDocType.RESIDENT_ID
    tab.number_edit.textEdited.emit("0000001")  # typing again takes the refusal away
    assert _error(tab, tab.document_errors, "id_doc_number") == ""


def test_another_document_without_its_number_is_refused(tab, language):
    language.install_language("en")
    client_id = a_client()
    tab.show_client(client_id)
    _choose(tab, IdDocType.PASSPORT)
    assert tab.number_edit.placeholderText() == "as printed on the document"
    assert not tab.save_document()
    assert _error(tab, tab.document_errors, "id_doc_number") == "Enter the document's number."


def test_the_same_document_is_recorded_again_without_retyping_its_number(tab, language):
    language.install_language("en")
    client_id = a_client()
    suitability.record_identity_document(client_id, "passport", None, "t", None, PASSPORT)
    tab.show_client(client_id)
    assert tab.number_edit.placeholderText() == "type a new number only if it changed"
    tab.long_term.setChecked(False)
    tab.expiry.setDate(QDate(2031, 3, 1))
    assert tab.save_document()
    stored = suitability.identity_document(client_id)
    assert (stored.masked_number, stored.expiry) == ("E1*****78", dt.date(2031, 3, 1))


def test_a_resident_id_typed_here_is_refused_when_another_client_holds_it(tab, language):
    language.install_language("en")
    a_client()  # holds ID_NUMBER
    other = clients.create_client(ClientDraft(name="张伟"), "t").id
    tab.show_client(other)
    tab.number_edit.setText(ID_NUMBER)
    assert not tab.save_document()
    assert _error(tab, tab.document_errors, "id_doc_number")
    assert clients.get_client(other).masked_id == ""


def test_a_resident_id_typed_on_the_tab_shows_in_the_profile_at_once(clock, main_window, prompts):
    from wealthdesk.services import queue

    window = main_window
    window.go_to_key("queue")
    client_id = clients.create_client(ClientDraft(name="欧阳娜娜"), "setup").id
    queue.check_in(queue.CheckIn(client_id=client_id), "lobby")
    window.queue_page.refresh()
    window.session.call_next_action.trigger()
    page = window.service_page
    (tab,) = [t for t in page.client_tabs if isinstance(t, IdentityTab)]
    page.record_tabs.setCurrentWidget(tab)
    tab.number_edit.setText(ID_NUMBER)
    assert tab.save_document()
    assert page.form.id_number.text() == MASKED  # the profile read it again
    assert tab.number.text() == MASKED
    # The profile saves on top of it without a "changed elsewhere".
    page.form.occupation.setText("教师")
    assert page.form.save()
    assert clients.get_client(client_id).masked_id == MASKED
    window.grab().save("/tmp/docnum-window.png")


def test_the_refusals_shown_are_said_again_in_the_language_switched_to(tab, language, qtbot):
    """A refusal on screen under the number and under the qualification's experience
    follows a language switch, as every other text of the tab does."""
    client_id = a_client()
    tab.show_client(client_id)
    _choose(tab, IdDocType.PASSPORT)
    tab.number_edit.setText("12")
    assert not tab.save_document()
    assert "护照" in _error(tab, tab.document_errors, "id_doc_number")
    _fill_qualified(tab, years=1, assets="100万")
    assert not tab.save_qualified()
    assert _error(tab, tab.qualified_errors, "experience_years")
    language.install_language("en")
    qtbot.waitUntil(lambda: tab.document_box.title() == "Identity document")
    number_error = _error(tab, tab.document_errors, "id_doc_number")
    assert "passport" in number_error and "护照" not in number_error
    experience_error = _error(tab, tab.qualified_errors, "experience_years")
    assert experience_error.startswith("Not a qualified investor")
    tab.number_edit.textEdited.emit("E1")  # typing again takes the refusal away…
    language.install_language("zh_CN")
    qtbot.waitUntil(lambda: tab.document_box.title() != "Identity document")
    assert _error(tab, tab.document_errors, "id_doc_number") == ""  # …for good
    assert _error(tab, tab.qualified_errors, "experience_years")  # the other stays
    tab.clear()
    language.install_language("en")
    qtbot.waitUntil(lambda: tab.document_box.title() == "Identity document")
    assert _error(tab, tab.qualified_errors, "experience_years") == ""


def test_an_expired_document_stands_out_from_a_valid_one(clock, main_window, prompts):
    """ "Expired … no sale" is in the error style (bold, red: the words say it too), and
    goes back to plain text once the renewed document is recorded."""
    from PySide6.QtGui import QFont

    from wealthdesk.services import queue

    window = main_window
    client_id = clients.create_client(ClientDraft(name="欧阳娜娜"), "setup").id
    suitability.record_identity_document(
        client_id, IdDocType.PASSPORT, dt.date(2026, 11, 1), "t", None, PASSPORT
    )
    window.go_to_key("queue")
    queue.check_in(queue.CheckIn(client_id=client_id), "lobby")
    window.queue_page.refresh()
    window.session.call_next_action.trigger()
    page = window.service_page
    (tab,) = [t for t in page.client_tabs if isinstance(t, IdentityTab)]
    page.record_tabs.setCurrentWidget(tab)
    state = tab.document_state
    plain = tab.long_term.font().weight()
    assert state.font().weight() >= QFont.Weight.DemiBold > plain
    tab.expiry.setDate(QDate(2031, 1, 1))
    assert tab.save_document()
    assert state.font().weight() == plain
