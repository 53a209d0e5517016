"""Importing clients with the identity document they showed (issue 19), from real CSV
files on SQLite and PostgreSQL: a type column (its Chinese or English name), the number
and the expiry, each row checked by the document tab's rules and refused by line and
column; a resident ID in the ID number column works as it always did."""

from __future__ import annotations

import datetime as dt

import pytest

from wealthdesk.db.models import Client
from wealthdesk.domain.identity import resident_id_check_char
from wealthdesk.services import clients
from wealthdesk.services.client_import import import_clients

PERMIT = "81000019900101123" + resident_id_check_char("81000019900101123")
PR_2023 = "93184019900101123" + resident_id_check_char("93184019900101123")
RESIDENT_ID = "11010519491231002X"
OTHER_RESIDENT_ID = "360426199101010071"

CHINESE = f"""姓名,证件类型,证件号码,证件有效期至,手机号码
Anna Smith,护照,e1234 5678,2030-05-01,
陈大文,港澳台居民居住证,{PERMIT},长期,
张伟,身份证,{RESIDENT_ID},2036/1/1,13812345678
Bob Brown,护照,00000000,,
Carl Berg,驾照,X1234567,,
Dan Dole,Passport,G1234567,2030-13-01,
Eve Evans,permanent residence ID,{PR_2023.lower()},,
李娜,,{OTHER_RESIDENT_ID},,
"""


@pytest.fixture
def desk(backend_store, clock):
    clock.set(dt.datetime(2026, 11, 27, 10, 0))
    return clock


def write(tmp_path, text: str, encoding: str = "utf-8"):
    path = tmp_path / "clients.csv"
    path.write_bytes(text.encode(encoding))
    return path


def stored(name: str) -> tuple:
    row = Client.get(Client.name == name)
    return (row.id_doc_type, row.id_doc_number, row.id_doc_expiry, row.id_number)


def found(query: str) -> list[str]:
    return [row.name for row in clients.search_clients(query).rows]


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_each_document_is_stored_by_its_type_and_found_by_its_number(desk, tmp_path, encoding):
    report = import_clients(write(tmp_path, CHINESE, encoding), "desk1")
    assert report.imported == 5 and report.ignored_columns == []
    assert stored("Anna Smith") == ("passport", "E12345678", dt.date(2030, 5, 1), None)
    assert stored("陈大文") == ("residence_permit", PERMIT, None, None)  # 长期: no expiry
    assert stored("张伟") == ("resident_id", None, dt.date(2036, 1, 1), RESIDENT_ID)
    assert stored("Eve Evans") == ("permanent_resid", PR_2023, None, None)
    assert stored("李娜") == ("resident_id", None, None, OTHER_RESIDENT_ID)  # as it was
    assert found("e1234-5678") == ["Anna Smith"] and found(PERMIT) == ["陈大文"]
    assert found("002X") == ["张伟"]


def test_a_bad_document_cell_is_refused_naming_its_line_and_column(desk, tmp_path):
    report = import_clients(write(tmp_path, CHINESE), "desk1")
    refused = {r.line: ([p.field for p in r.problems], r.render()) for r in report.rejected}
    assert refused.keys() == {5, 6, 7}
    assert refused[5][0] == ["id_number"] and "passport number" in refused[5][1]
    assert refused[6][0] == ["id_doc_type"] and "驾照" in refused[6][1]
    assert "护照" in refused[6][1]  # the choices are named
    assert refused[7][0] == ["id_doc_expiry"] and "2030-13-01" in refused[7][1]
    assert not Client.select().where(Client.name.in_(["Bob Brown", "Carl Berg", "Dan Dole"]))


def test_english_headers_keep_a_resident_id_beside_the_passport(desk, tmp_path):
    text = (
        "Name,ID Number,Document type,Document number,Document expiry\n"
        f"Wang Li,{OTHER_RESIDENT_ID},passport,G12345678,2031-01-31\n"
        f"Zhao Min,{RESIDENT_ID},resident ID,G99999998,\n"
        "Sun Ba,,,G12345677,\n"
        "Qian Qi,,Residence permit,110105194912310021,\n"
    )
    report = import_clients(write(tmp_path, text), "desk1")
    assert report.imported == 1
    assert stored("Wang Li") == ("passport", "G12345678", dt.date(2031, 1, 31), OTHER_RESIDENT_ID)
    refused = {r.line: [p.field for p in r.problems] for r in report.rejected}
    assert refused == {
        3: ["id_doc_number"],  # a resident ID's number belongs in the ID number column
        4: ["id_doc_type"],  # a number without its document's type
        5: ["id_doc_number"],  # a permit's number starts with 810000, 820000 or 830000
    }
    assert found("g1234 5678") == ["Wang Li"] and found("1002X"[1:]) == []
