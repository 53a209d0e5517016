"""Care messages: the branch's templates with the client's surname and the task's
details filled in, the marketing consent rule, sending (logged as a contact with its
channel, the task done, audited) and the SMS platform's export (UTF-8 with BOM, masked
in the app's own records), on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from wealthdesk.db.models import CareMessage, CareTask, Client, Holding, Product
from wealthdesk.domain.audit import AuditAction
from wealthdesk.domain.care import CareKind, CareTaskStatus
from wealthdesk.domain.care_messages import (
    DEFAULT_TEMPLATES,
    MessageChannel,
    MessageDetails,
    MessageKind,
    fill,
    honorific,
    sms_csv,
    template_problem,
)
from wealthdesk.domain.errors import ConflictError, ValidationError
from wealthdesk.services import audit, care_messages, settings

# ---------------------------------------------------------------- templates


def test_a_template_fills_the_surname_with_the_right_title_and_the_details():
    assert honorific("欧阳娜娜", "F") == "欧阳女士"
    assert honorific("张伟", "M") == "张先生"
    assert honorific("李四", None) == "李先生/女士"
    text = fill(
        DEFAULT_TEMPLATES[MessageKind.MATURITY],
        "欧阳娜娜",
        "F",
        MessageDetails(
            branch="城西支行", phone="0571-88888888", date="12月3日", product="稳盈90天",
            amount="¥50,000.00",
        ),
    )  # fmt: skip
    assert text.startswith("尊敬的欧阳女士：您持有的稳盈90天（¥50,000.00）将于12月3日到期")
    assert "城西支行" in text and "0571-88888888" in text
    assert "娜娜" not in text  # the surname only, never the full name


def test_a_detail_the_task_lacks_is_left_out_not_printed_as_a_blank():
    text = fill("尊敬的{name}：{product}（{amount}）到期，{branch}", "王五", "M", MessageDetails())
    assert text == "尊敬的王先生：到期，我行"


def test_every_shipped_template_is_valid_and_a_wrong_one_is_refused_with_its_reason():
    for kind in MessageKind:
        assert template_problem(DEFAULT_TEMPLATES[kind], kind.setting) is None
    assert "{amout}" in template_problem("尊敬的{name}：{amout}", "k").render()
    assert template_problem("尊敬的{name", "k") is not None
    assert template_problem("  ", "k") is not None


def test_only_offers_and_invitations_are_marketing():
    assert {k for k in MessageKind if k.marketing} == {MessageKind.MATURITY, MessageKind.INVITATION}


def test_the_sms_file_is_utf8_with_a_bom_and_quotes_what_needs_quoting():
    data = sms_csv([("13812345678", "尊敬的张先生：生日快乐，祝好"), ("13912345678", "=1+1")])
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [
        ["mobile", "message"],
        ["13812345678", "尊敬的张先生：生日快乐，祝好"],
        ["13912345678", "'=1+1"],
    ]


# ---------------------------------------------------------------- the service

NOW = dt.datetime(2026, 11, 27, 10, 0)


def _client(name, gender="F", mobile="13812345678", marketing=True) -> int:
    return Client.create(
        name=name, gender=gender, mobile=mobile, consent_marketing=marketing,
        created_at=NOW, updated_at=NOW,
    ).id  # fmt: skip


def _maturity_task(client_id: int) -> int:
    product = Product.get_or_none(Product.code == "WY90") or Product.create(
        code="WY90", name="稳盈90天", family="wealth", created_at=NOW, updated_at=NOW
    )
    holding = Holding.create(
        client=client_id, product=product, amount_fen=5_000_000, start_date=dt.date(2026, 9, 1),
        maturity_date=dt.date(2026, 12, 3), created_at=NOW,
    )  # fmt: skip
    return CareTask.create(
        client=client_id, kind=CareKind.MATURITY.value, due_date=dt.date(2026, 12, 3),
        source=f"maturity:{holding.id}", title="", created_at=NOW,
    ).id  # fmt: skip


def _birthday_task(client_id: int) -> int:
    return CareTask.create(
        client=client_id, kind=CareKind.BIRTHDAY.value, due_date=dt.date(2026, 11, 29),
        source=f"birthday:{client_id}:2026", title="46", created_at=NOW,
    ).id  # fmt: skip


def test_compose_fills_the_branch_desk_and_task(backend_store, clock):
    settings.save({"branch_name": "城西支行", "desk_phone": "0571-88888888"}, "1", "setup")
    draft = care_messages.compose(_maturity_task(_client("欧阳娜娜")))
    assert draft.kind is MessageKind.MATURITY and draft.refused is None
    assert "欧阳女士" in draft.text and "稳盈90天（¥50,000.00）将于12月3日到期" in draft.text
    assert (draft.masked_name, draft.masked_mobile) == ("欧阳**", "138****5678")
    settings.save({"message_birthday": "{name}，{date}生日快乐！{branch}"}, "1", "setup")
    birthday = care_messages.compose(_birthday_task(_client("张伟", "M")))
    assert birthday.text == "张先生，11月29日生日快乐！城西支行"


def test_a_marketing_text_needs_the_clients_consent(backend_store, clock):
    task_id = _maturity_task(_client("李四", marketing=False))
    assert care_messages.compose(task_id).refused is not None
    with pytest.raises(ValidationError) as refused:
        care_messages.send(task_id, "新产品推荐", MessageChannel.WECHAT, "王经理")
    assert [p.field for p in refused.value.problems] == ["consent"]
    assert CareMessage.select().count() == 0
    # A birthday greeting is service, not marketing: it goes.
    sent = care_messages.send(
        _birthday_task(Client.get(Client.name == "李四").id), "生日快乐", "wechat", "王经理"
    )
    assert sent.channel is MessageChannel.WECHAT


def test_sending_logs_a_contact_closes_the_task_and_audits_without_the_text(backend_store, clock):
    client_id = _client("张伟", "M")
    task_id = _birthday_task(client_id)
    sent = care_messages.send(
        task_id, "尊敬的张先生：生日快乐！", MessageChannel.SMS, "王经理", "1"
    )
    assert (sent.channel, sent.masked_mobile, sent.exported_at) == (
        MessageChannel.SMS, "138****5678", None,
    )  # fmt: skip
    assert CareTask.get_by_id(task_id).status == CareTaskStatus.DONE.value
    stored = CareMessage.get_by_id(sent.id)
    assert "13812345678" not in str(stored.__data__)  # the app keeps the mobile masked
    entry = audit.entries(client_id)[0]
    assert entry.action is AuditAction.CARE_MESSAGE_SENT
    assert entry.detail == f"birthday by sms task {task_id}"
    with pytest.raises(ConflictError):
        care_messages.send(task_id, "again", MessageChannel.SMS, "王经理")


def test_an_sms_needs_a_mobile(backend_store, clock):
    task_id = _birthday_task(_client("赵六", mobile=""))
    with pytest.raises(ValidationError) as refused:
        care_messages.send(task_id, "生日快乐", MessageChannel.SMS, "王经理")
    assert [p.field for p in refused.value.problems] == ["channel"]


def test_the_export_writes_the_waiting_smss_once_and_is_audited(backend_store, clock, tmp_path):
    first = _client("张伟", "M", "13812345678")
    second = _client("王芳", "F", "13912345678")
    care_messages.send(_birthday_task(first), "张先生生日快乐", "sms", "王经理")
    care_messages.send(_birthday_task(second), "王女士生日快乐", "sms", "王经理")
    care_messages.send(_maturity_task(second), "copied", "wechat", "王经理")
    assert care_messages.pending_count() == 2
    target = tmp_path / "sms.csv"
    done = care_messages.export_sms(target, "王经理")
    assert (done.exported, done.skipped) == (2, 0)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))[1:] == [
        ["13812345678", "张先生生日快乐"],
        ["13912345678", "王女士生日快乐"],
    ]
    assert care_messages.pending_count() == 0
    assert care_messages.export_sms(tmp_path / "again.csv", "王经理").exported == 0
    assert not (tmp_path / "again.csv").exists()
    entry = audit.entries()[0]
    assert entry.action is AuditAction.CARE_MESSAGES_EXPORTED
    assert entry.detail == "2 messages to sms.csv"


def test_an_export_that_cannot_be_written_marks_nothing(backend_store, clock, tmp_path):
    care_messages.send(_birthday_task(_client("张伟", "M")), "生日快乐", "sms", "王经理")
    with pytest.raises(OSError):
        care_messages.export_sms(tmp_path / "no such folder" / "sms.csv", "王经理")
    assert care_messages.pending_count() == 1


def test_a_private_product_is_offered_only_to_a_qualified_investor(backend_store, clock):
    """Issue 19: private (私募) products never appear as marketing to a client who is not
    a qualified investor (资管新规 第五条) — here the maturity notice and its offer."""
    from wealthdesk.db.models import QualifiedInvestor

    client_id = _client("周杰")
    private = Product.create(
        code="SM-01", name="私募一号", family="wealth", private=True, created_at=NOW,
        updated_at=NOW,
    )  # fmt: skip
    task_id = _maturity_task(client_id)
    Holding.update(product=private).where(Holding.client == client_id).execute()
    draft = care_messages.compose(task_id)
    assert draft.refused is not None and draft.refused.field == "qualified_investor"
    with pytest.raises(ValidationError) as refused:
        care_messages.send(task_id, draft.text, MessageChannel.WECHAT, "王经理")
    assert [p.field for p in refused.value.problems] == ["qualified_investor"]
    # A qualification that ran out is no qualification.
    today = clock.now.date()
    record = QualifiedInvestor.create(
        client=client_id, proof_kind="tax_record", proof_date=today - dt.timedelta(days=400),
        valid_until=today - dt.timedelta(days=35), created_at=NOW,
    )  # fmt: skip
    assert care_messages.compose(task_id).refused is not None
    QualifiedInvestor.update(valid_until=today).where(QualifiedInvestor.id == record.id).execute()
    assert care_messages.compose(task_id).refused is None
    sent = care_messages.send(task_id, draft.text, MessageChannel.WECHAT, "王经理")
    assert sent.kind is MessageKind.MATURITY
