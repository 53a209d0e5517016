"""Importing a client list from CSV, on SQLite and PostgreSQL (services/client_import.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from wealthdesk.domain.audit import AuditAction
from wealthdesk.domain.client import ClientDraft, Tier
from wealthdesk.domain.client_csv import CsvFileError, decode_csv
from wealthdesk.services import audit, clients
from wealthdesk.services.client_import import import_clients

IN_BOOK_ID = "440524188001010014"  # a client already in the book before the import

CHINESE = """姓名,身份证号码,手机号码,客户等级,职业,备注
张伟,11010519491231002X,13812345678,金卡,教师,老客户
李娜,110105194912310021,13912345678,普通,医生,
王芳,360426199101010071,12812345678,白金,会计,
赵敏,11010519491231002x,13712345678,私人银行,律师,
曾国藩,440524188001010014,13612345678,普通,,

欧阳娜娜,360426199101010071,+86 135 1234 5678,白金,会计,
单田芳,,13512345679,,,
"""
ENGLISH = CHINESE.replace(
    "姓名,身份证号码,手机号码,客户等级,职业,备注", "Name,ID Number,Mobile,Tier,Occupation,Remarks"
)

EXPECTED_REJECTIONS = {
    3: "should be X, not 1",  # bad ID checksum
    4: "starts with 13 to 19",  # bad mobile
    5: "The same ID number is on line 2.",  # duplicate within the file (lowercase x)
    6: "already in the book",  # ID already in the database
}


@pytest.fixture
def book_with_one_client(backend_store, clock):
    clients.create_client(ClientDraft(name="曾先生", id_number=IN_BOOK_ID), "setup")
    return backend_store


def write(tmp_path, text: str, encoding: str, name: str = "clients.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def rejections(report) -> dict[int, str]:
    return {r.line: r.render() for r in report.rejected}


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gbk", "gb18030"), ("gb18030", "gb18030")],
)
@pytest.mark.parametrize("text", [CHINESE, ENGLISH], ids=["chinese-headers", "english-headers"])
def test_good_rows_are_imported_and_bad_rows_reported_by_line(
    book_with_one_client, tmp_path, encoding, detected, text
):
    report = import_clients(write(tmp_path, text, encoding), "desk1")

    assert report.encoding == detected
    assert report.imported == 3
    found = rejections(report)
    assert sorted(found) == sorted(EXPECTED_REJECTIONS)
    for line, reason in EXPECTED_REJECTIONS.items():
        assert reason in found[line], (line, found[line])
    assert report.ignored_columns == ["备注" if text is CHINESE else "Remarks"]

    assert clients.count_clients() == 4
    (zhang,) = clients.search_clients("张伟").rows
    assert zhang.tier is Tier.GOLD and zhang.masked_mobile == "138****5678"
    (ouyang,) = clients.search_clients("oynn").rows
    assert ouyang.name == "欧阳娜娜" and ouyang.masked_mobile == "135****5678"
    assert clients.search_clients("shantianfang").rows[0].masked_id == ""
    assert clients.search_clients("李娜").rows == []


def test_a_gb18030_only_character_survives_the_import(backend_store, clock, tmp_path):
    path = write(tmp_path, "姓名,手机号码\n𠮷野家,13812345678\n", "gb18030")
    report = import_clients(path, "desk1")
    assert (report.encoding, report.imported, report.rejected) == ("gb18030", 1, [])
    assert [r.name for r in clients.search_clients("𠮷").rows] == ["𠮷野家"]


def test_the_import_is_audited_with_its_counts(book_with_one_client, tmp_path):
    import_clients(write(tmp_path, CHINESE, "utf-8"), "desk1")
    entry = audit.entries()[0]
    assert entry.action is AuditAction.CLIENTS_IMPORTED and entry.actor == "desk1"
    assert entry.detail == "clients.csv: imported 3, rejected 4"


def test_a_row_without_a_name_is_rejected_not_fatal(backend_store, clock, tmp_path):
    path = write(tmp_path, "姓名,手机号码\n,13812345678\n李四,13912345678\n", "utf-8")
    report = import_clients(path, "desk1")
    assert report.imported == 1
    assert "name is required" in rejections(report)[2]


def test_unknown_choices_and_bad_cells_are_named_in_the_reason(backend_store, clock, tmp_path):
    path = write(
        tmp_path,
        "姓名,客户等级,出生日期,同意采集信息\n张三,钻石,,是\n李四,金卡,1980-13-45,是\n王五,金卡,,也许\n",
        "utf-8",
    )
    found = rejections(import_clients(path, "desk1"))
    assert "Unknown value 钻石" in found[2] and "金卡" in found[2]
    assert "1980-13-45" in found[3]
    assert "也许" in found[4]
    assert clients.count_clients() == 0


def test_excel_semicolon_files_are_read(backend_store, clock, tmp_path):
    path = write(tmp_path, "姓名;手机号码\n张三;13812345678\n", "utf-8-sig")
    assert import_clients(path, "desk1").imported == 1


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("手机号码,身份证号码\n13812345678,11010519491231002X\n".encode(), "姓名"),
        (b"\xff\xff,\x80\n" + "张三,".encode(), "UTF-8 or GBK"),  # not even the header
        (b"", "empty"),
    ],
    ids=["no-name-column", "undecodable", "empty"],
)
def test_a_file_that_cannot_be_read_imports_nothing(book_with_one_client, tmp_path, content, says):
    path = tmp_path / "clients.csv"
    path.write_bytes(content)
    with pytest.raises(CsvFileError) as raised:
        import_clients(path, "desk1")
    assert says in raised.value.problem.render()
    assert clients.count_clients() == 1
    assert AuditAction.CLIENTS_IMPORTED not in {e.action for e in audit.entries()}


def test_a_missing_file_says_it_cannot_be_read(backend_store, tmp_path):
    with pytest.raises(CsvFileError, match="cannot be read"):
        import_clients(tmp_path / "absent.csv", "desk1")


def test_cancelling_a_small_import_keeps_nothing(book_with_one_client, tmp_path):
    calls = []

    def cancel(done: int, total: int) -> bool:
        calls.append((done, total))
        return False

    report = import_clients(write(tmp_path, CHINESE, "utf-8"), "desk1", cancel)
    assert calls, "the progress callback was never asked"
    assert report.cancelled and report.imported == 0
    assert clients.count_clients() == 1
    assert AuditAction.CLIENTS_IMPORTED not in {e.action for e in audit.entries()}


def many_clients_csv(tmp_path, count: int):
    lines = ["姓名,手机号码"] + [f"客户{chr(0x4E00 + i)},139{i:08d}" for i in range(count)]
    return write(tmp_path, "\n".join(lines) + "\n", "utf-8")


def test_cancelling_part_way_through_keeps_nothing(backend_store, clock, tmp_path):
    calls = []

    def cancel_on_second_report(done: int, total: int) -> bool:
        calls.append((done, total))
        return len(calls) < 2

    report = import_clients(many_clients_csv(tmp_path, 900), "desk1", cancel_on_second_report)
    assert report.cancelled and report.imported == 0
    assert calls[-1][0] < calls[-1][1], "cancelled only after the end"
    assert clients.count_clients() == 0


def test_progress_moves_forward_and_ends_at_the_total(backend_store, clock, tmp_path):
    calls = []
    report = import_clients(
        many_clients_csv(tmp_path, 900), "desk1", lambda d, t: calls.append((d, t)) or True
    )
    assert report.imported == 900 and not report.cancelled
    done = [d for d, _ in calls]
    assert len(calls) >= 3 and done == sorted(done)
    assert calls[-1] == (901, 901)
    assert all(d <= t for d, t in calls)


def test_utf16_and_bom_files_are_detected():
    for data, text, encoding in [
        ("姓名\n".encode("utf-16"), "姓名\n", "utf-16"),
        ("\ufeff姓名\n".encode(), "姓名\n", "utf-8-sig"),
    ]:
        decoded = decode_csv(data)
        assert (decoded.text, decoded.encoding, decoded.bad_lines) == (text, encoding, {})


def test_a_row_with_several_problems_reports_all_of_them_at_once(backend_store, clock, tmp_path):
    path = write(
        tmp_path,
        "姓名,手机号码,身份证号码,客户等级,出生日期,供养人数\n"
        "张三,12812345678,110105194912310021,钻石,1980-13-45,很多\n",
        "utf-8",
    )
    (rejection,) = import_clients(path, "desk1").rejected
    assert [p.field for p in rejection.problems] == [
        "mobile",
        "id_number",
        "tier",
        "birth_date",
        "dependants",
    ]
    reason = rejection.render()
    for says in ("starts with 13 to 19", "should be X", "钻石", "1980-13-45", "Dependants"):
        assert says in reason
    assert clients.count_clients() == 0


FORM_WORDS_CSV = "\n".join(
    [
        "姓名,性别,客户等级,婚姻状况,家庭年收入,投资期限,流动性需求,关注产品,出生日期",
        "张三,男,私人银行,已婚,年收入10万元以下,1年以内,随时可能支取,理财产品,1980/5/7",
        "李四,女,白金,未婚,年收入10万–30万元,1至3年,部分资金需随时支取,"
        '"存款（负债业务）、基金、保险、贵金属（中间业务）",1980/5/7 0:00',
        "王五,男,金卡,离异,年收入30万-50万元,3年以上,资金可长期不动,"
        "存款、负债业务、信用卡,1980-05-07 00:00:00",
        "赵六,女,普通,丧偶,年收入50万~100万元,1年以内,随时可能用钱,基金/保险/贵金属/中间业务,1980.5.7",
        "钱七,男,普通,已婚,年收入100万元以上,3年以上,部分资金需随时可取,银行卡,19800507",
        "孙八,女,普通,已婚,年收入50万～100万元,3年以上,资金可长期投资,零售贷款,1980年5月7日",
        "",
    ]
)


def test_the_words_the_form_shows_are_read_back_by_the_import(backend_store, clock, tmp_path):
    from wealthdesk.domain.client import (
        GenderCode,
        Horizon,
        IncomeBand,
        LiquidityNeed,
        MaritalStatus,
        ProductFamily,
    )

    report = import_clients(write(tmp_path, FORM_WORDS_CSV, "utf-8"), "desk1")
    assert (report.imported, rejections(report)) == (6, {})

    def draft(name):
        (row,) = clients.search_clients(name).rows
        return clients.get_client(row.id).draft

    zhang, li, wang, zhao, qian, sun = map(draft, ("张三", "李四", "王五", "赵六", "钱七", "孙八"))
    assert (zhang.gender, zhang.tier, zhang.marital_status) == (
        GenderCode.MALE,
        Tier.PRIVATE,
        MaritalStatus.MARRIED,
    )
    assert [d.income_band for d in (zhang, li, wang, zhao, qian, sun)] == [
        IncomeBand.UNDER_100K,
        IncomeBand.FROM_100K,
        IncomeBand.FROM_300K,
        IncomeBand.FROM_500K,
        IncomeBand.OVER_1M,
        IncomeBand.FROM_500K,
    ]
    assert [d.horizon for d in (zhang, li, wang)] == [Horizon.SHORT, Horizon.MEDIUM, Horizon.LONG]
    assert [d.liquidity_need for d in (zhang, li, wang, zhao, qian, sun)] == [
        LiquidityNeed.HIGH,
        LiquidityNeed.MEDIUM,
        LiquidityNeed.LOW,
        LiquidityNeed.HIGH,
        LiquidityNeed.MEDIUM,
        LiquidityNeed.LOW,
    ]
    assert zhang.interests == (ProductFamily.WEALTH,)
    assert li.interests == (ProductFamily.LIABILITY, ProductFamily.INTERMEDIARY)
    assert wang.interests == (ProductFamily.LIABILITY, ProductFamily.CARD)
    assert zhao.interests == (ProductFamily.INTERMEDIARY,)
    assert sun.interests == (ProductFamily.RETAIL_LOAN,)
    assert {d.birth_date for d in (zhang, li, wang, zhao, qian, sun)} == {dt.date(1980, 5, 7)}


def test_an_unknown_choice_suggests_the_words_the_form_shows(backend_store, clock, tmp_path):
    path = write(tmp_path, "姓名,流动性需求,家庭年收入\n张三,看情况,很多\n", "utf-8")
    reason = rejections(import_clients(path, "desk1"))[2]
    assert "随时可能支取 / 部分资金需随时支取 / 资金可长期不动" in reason
    assert (
        "年收入10万元以下 / 年收入10万–30万元 / 年收入30万–50万元 / 年收入50万–100万元 / "
        "年收入100万元以上"
    ) in reason


@pytest.mark.parametrize("day", ["1980-02-30", "1981/2/29", "1980.4.31 0:00"])
def test_an_impossible_date_is_called_that_not_a_format_error(backend_store, clock, tmp_path, day):
    path = write(tmp_path, f"姓名,出生日期\n张三,{day}\n", "utf-8")
    assert rejections(import_clients(path, "desk1"))[2] == f"There is no such date: {day}."


def test_an_unclosed_quote_is_reported_where_it_opens_and_the_rows_after_it_still_count(
    backend_store, clock, tmp_path
):
    text = (
        "姓名,手机号码,职业\n"
        '"张三,13812345678,教师\n'  # the quote before 张三 is never closed
        "李四,13912345678,医生\n"
        '王五,"13712345678",律师\n'
        "赵六,12812345678,会计\n"
        '"孙七,13512345678,司机\n'  # open to the end of the file
    )
    report = import_clients(write(tmp_path, text, "utf-8"), "desk1")
    assert rejections(report) == {
        2: "The quote opened on line 2 is not closed; the row runs to line 4.",
        5: "A mobile number starts with 13 to 19.",
        6: "The quote opened on line 6 is not closed; the row runs to line 6.",
    }
    assert report.imported == 2
    assert sorted(c.name for c in clients.list_clients()) == ["李四", "王五"]


def test_a_quoted_cell_over_several_lines_in_a_free_text_column_is_imported(
    backend_store, clock, tmp_path
):
    text = (
        "姓名,手机号码,差异性需求,理财知识培训需求\n"
        '张三,13812345678,"希望周末办理\n不接受电话营销\n""重要""",基金定投\n'
        "李四,12812345678,,\n"
    )
    report = import_clients(write(tmp_path, text, "utf-8"), "desk1")
    assert report.imported == 1
    assert rejections(report) == {5: "A mobile number starts with 13 to 19."}
    (zhang,) = clients.search_clients("张三").rows
    needs = clients.get_client(zhang.id).draft
    assert needs.personal_needs == '希望周末办理\n不接受电话营销\n"重要"'
    assert needs.training_needs == "基金定投"


def test_an_unclosed_quote_in_a_long_file_loses_none_of_the_rows_after_it():
    from wealthdesk.domain.client_csv import read_rows

    # The open quote swallows lines until its cell passes csv's limit of 131,072
    # characters; the lines it swallowed are still read as rows.
    body = [f"客户{i:05d},139{i:08d},{'备注' * 20}" for i in range(4000)]
    rows, _ = read_rows("\n".join(["姓名,手机号码,差异性需求", '"张三,13812345678,x', *body]))
    first, *rest = list(rows)
    assert first.line == 2 and first.draft is None
    assert first.problems[0].render().startswith("The quote opened on line 2 is not closed")
    assert [r.line for r in rest] == list(range(3, 4003))
    assert all(not r.problems for r in rest)


def test_a_line_over_csv_s_cell_limit_is_reported_in_words_and_the_next_is_read():
    from wealthdesk.domain.client_csv import read_rows

    rows, _ = read_rows(f'姓名,差异性需求\n张三,"{"长" * 140_000}"\n李四,\n')
    too_long, li = list(rows)
    assert too_long.line == 2 and too_long.problems[0].render() == (
        "The line cannot be read: a cell is longer than the 131,072 characters allowed"
    )
    assert (li.line, li.draft.name) == (3, "李四")


NO_ID_NUMBERS = "姓名,手机号码,职业\n张三,13812345678,教师\n李四,13912345678,医生\n王五,,会计\n"


def test_importing_the_same_file_again_adds_no_client_without_an_id_number_twice(
    backend_store, clock, tmp_path
):
    path = write(tmp_path, NO_ID_NUMBERS, "utf-8")
    assert import_clients(path, "desk1").imported == 3

    again = import_clients(path, "desk1")
    assert again.imported == 1  # 王五 has no mobile: nothing tells him from another 王五
    assert rejections(again) == {
        2: "A client with this name and mobile number is already in the book.",
        3: "A client with this name and mobile number is already in the book.",
    }
    assert sorted(c.name for c in clients.list_clients()) == ["张三", "李四", "王五", "王五"]


def test_a_client_listed_twice_in_one_file_is_imported_once(backend_store, clock, tmp_path):
    text = (
        "姓名,手机号码\n"
        "张三,13812345678\n"
        "张三,+86 138-1234-5678\n"  # the same mobile, written otherwise
        "Zhang  San,13912345678\n"
        "zhang san,13912345678\n"  # the same name, spaced and cased otherwise
        "张三丰,13812345678\n"  # a relative on the same phone
        "张三,13700001111\n"  # another 张三
    )
    report = import_clients(write(tmp_path, text, "utf-8"), "desk1")
    assert rejections(report) == {
        3: "The same name and mobile number are on line 2.",
        5: "The same name and mobile number are on line 4.",
    }
    assert report.imported == 4


def test_a_row_with_a_new_id_number_but_a_known_name_and_mobile_is_not_imported(
    book_with_one_client, tmp_path
):
    clients.create_client(ClientDraft(name="张三", mobile="13812345678"), "desk1")
    path = write(
        tmp_path, "姓名,手机号码,身份证号码\n张三,13812345678,11010519491231002X\n", "utf-8"
    )
    assert rejections(import_clients(path, "desk1")) == {
        2: "A client with this name and mobile number is already in the book."
    }
