"""Refusals in the user's language: joined reasons and the operating system's reasons."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from wealthdesk.db.connection import DatabaseUnreadable
from wealthdesk.domain.errors import (
    QT_TRANSLATE_NOOP,
    DomainError,
    Problem,
    ValidationError,
    os_error_reason,
)
from wealthdesk.services.client_import import Rejection

# What a Chinese translation would say; anything else comes back unchanged, as Qt does.
CHINESE = {
    ("domain", "; "): "；",
    ("domain", "The name is required."): "请填写姓名。",
    ("domain", "A mobile number starts with 13 to 19."): "手机号码应以13至19开头。",
    ("domain", "The file {path} cannot be read: {reason}"): "无法读取文件 {path}：{reason}",
    ("domain", "there is no such file or folder"): "文件或文件夹不存在",
    ("domain", "a file is where a folder should be"): "路径中应为文件夹的位置是一个文件",
    ("storage", "it is a folder"): "这是一个文件夹",
    (
        "storage",
        "{location} cannot be opened for reading and writing ({detail}). Check the "
        "file's permissions and that its folder exists.",
    ): "无法读写 {location}（{detail}）。",
}


def chinese(context: str, text: str) -> str:
    return CHINESE.get((context, text), text)


TWO = [
    Problem("name", QT_TRANSLATE_NOOP("domain", "The name is required.")),
    Problem("mobile", QT_TRANSLATE_NOOP("domain", "A mobile number starts with 13 to 19.")),
]


def test_several_reasons_of_a_rejected_row_are_joined_as_the_language_joins_them():
    rejection = Rejection(3, tuple(TWO))
    assert rejection.render() == "The name is required.; A mobile number starts with 13 to 19."
    assert rejection.render(chinese) == "请填写姓名。；手机号码应以13至19开头。"


def test_several_reasons_of_a_refusal_are_joined_as_the_language_joins_them():
    refused = ValidationError(TWO)
    assert str(refused) == "The name is required.; A mobile number starts with 13 to 19."
    assert refused.render(chinese) == "请填写姓名。；手机号码应以13至19开头。"
    assert DomainError(TWO[0]).render(chinese) == "请填写姓名。"


def raised_by(action) -> OSError:
    with pytest.raises(OSError) as raised:
        action()
    return raised.value


def test_the_common_os_refusals_become_phrases_the_user_can_read(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file")
    cases = {
        "there is no such file or folder": raised_by((tmp_path / "absent.csv").read_bytes),
        "it is a folder, not a file": raised_by(tmp_path.read_bytes),
        "a file is where a folder should be": raised_by(
            lambda: blocker.mkdir(parents=True, exist_ok=True)
        ),
        "part of the path is a file, not a folder": raised_by(
            lambda: (blocker / "inner" / "x").mkdir(parents=True)
        ),
    }
    for phrase, error in cases.items():
        assert os_error_reason(error) == phrase, error


@pytest.mark.parametrize(
    ("code", "phrase"),
    [
        (errno.EACCES, "permission denied"),
        (errno.EPERM, "permission denied"),
        (errno.ENOSPC, "the disk is full"),
        (errno.EROFS, "the disk is read-only"),
    ],
)
def test_refusals_that_a_test_cannot_provoke_are_named_too(code, phrase):
    assert os_error_reason(OSError(code, os.strerror(code), "/x")) == phrase


def test_an_unusual_os_refusal_falls_back_to_the_system_s_words():
    assert os_error_reason(OSError(errno.ELOOP, "Too many levels of symbolic links")) == (
        "Too many levels of symbolic links"
    )
    assert os_error_reason(OSError(errno.EEXIST, "File exists", "/no/such/path")) == ("File exists")


def test_an_os_reason_inside_a_message_is_translated_with_it(tmp_path):
    missing = tmp_path / "absent.csv"
    problem = Problem(
        "file",
        QT_TRANSLATE_NOOP("domain", "The file {path} cannot be read: {reason}"),
        {"path": str(missing), "reason": os_error_reason(raised_by(missing.read_bytes))},
    )
    assert problem.render(chinese) == f"无法读取文件 {missing}：文件或文件夹不存在"
    assert problem.render() == f"The file {missing} cannot be read: there is no such file or folder"


def test_a_storage_refusal_translates_its_detail(tmp_path):
    folder = DatabaseUnreadable("/data/wd.sqlite3", "it is a folder")
    assert folder.render(chinese) == "无法读写 /data/wd.sqlite3（这是一个文件夹）。"
    blocker = tmp_path / "blocker"
    blocker.write_text("a file")
    error = raised_by(lambda: blocker.mkdir(parents=True, exist_ok=True))
    in_the_way = DatabaseUnreadable("/data/wd.sqlite3", os_error_reason(error))
    assert (
        in_the_way.render(chinese)
        == "无法读写 /data/wd.sqlite3（路径中应为文件夹的位置是一个文件）。"
    )
    unknown = DatabaseUnreadable("/data/wd.sqlite3", "some server text")
    assert unknown.render(chinese) == "无法读写 /data/wd.sqlite3（some server text）。"


def test_os_error_reason_accepts_a_path_object_as_the_file_name(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file")
    assert os_error_reason(FileExistsError(errno.EEXIST, "File exists", Path(blocker))) == (
        "a file is where a folder should be"
    )
