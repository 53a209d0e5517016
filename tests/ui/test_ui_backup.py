"""Backing up and restoring from the window: a copy made at once; a restore asks first,
refuses a file that is not a usable backup, keeps the database it replaces, and closes
the window so the next start opens the restored data."""

from __future__ import annotations

import sqlite3

from wealthdesk.domain.client import ClientDraft
from wealthdesk.paths import backup_dir
from wealthdesk.services import clients


def names(path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [n for (n,) in connection.execute("SELECT name FROM client ORDER BY name")]


def test_back_up_then_restore_from_the_window(main_window, prompts, store, clock):
    clients.create_client(ClientDraft(name="张伟", mobile="13812345678"), "t")
    made = main_window.back_up_now()
    assert made is not None and made.parent == backup_dir()
    clients.create_client(ClientDraft(name="李娜", mobile="13900001111"), "t")
    prompts.answer("open_file", str(made))
    prompts.answer("confirm", True)
    assert main_window.restore_backup()
    assert names(store) == ["张伟"]
    kept = [p for p in backup_dir().iterdir() if "before-restore" in p.name]
    assert len(kept) == 1 and names(kept[0]) == ["张伟", "李娜"]
    assert not main_window.isVisible()  # closed: the next start opens the restored data
    assert [k for k, _t, _x in prompts.shown] == ["open_file", "confirm", "info"]


def test_a_file_that_is_not_a_backup_is_refused_and_nothing_changes(
    main_window, prompts, store, tmp_path
):
    clients.create_client(ClientDraft(name="张伟", mobile="13812345678"), "t")
    wrong = tmp_path / "notes.sqlite3"
    wrong.write_text("name,mobile\n")
    prompts.answer("open_file", str(wrong))
    assert not main_window.restore_backup()
    assert names(store) == ["张伟"] and main_window.isVisible()
    kind, _title, text = prompts.shown[-1]
    assert kind == "warn" and "不是 WealthDesk 数据库" in text  # said in the window's Chinese


def test_a_restore_not_confirmed_changes_nothing(main_window, prompts, store):
    made = main_window.back_up_now()
    clients.create_client(ClientDraft(name="李娜", mobile="13900001111"), "t")
    prompts.answer("open_file", str(made))
    prompts.answer("confirm", False)
    assert not main_window.restore_backup()
    assert names(store) == ["李娜"] and main_window.isVisible()


def test_a_damaged_database_at_start_up_offers_a_backup_and_opens_the_restored_one(
    prompts, store, language, qtbot
):
    import argparse

    from wealthdesk import db
    from wealthdesk.db.connection import sqlite_url
    from wealthdesk.services import backup
    from wealthdesk.ui import application

    clients.create_client(ClientDraft(name="张伟", mobile="13812345678"), "t")
    made = backup.backup_now(backup_dir())
    db.close()
    damaged = b"this is not a database, it was overwritten by something else" * 200
    store.write_bytes(damaged)
    for suffix in ("-wal", "-shm"):
        store.with_name(store.name + suffix).unlink(missing_ok=True)

    prompts.answer("choose", "restore")
    prompts.answer("open_file", str(made))
    prompts.answer("confirm", True)
    window = application.open_window(
        argparse.Namespace(db=sqlite_url(store), lang="zh_CN", desk="1")
    )
    try:
        assert window is not None
        assert [r.name for r in clients.search_clients("张伟").rows] == ["张伟"]
        kept = [p for p in backup_dir().iterdir() if "before-restore" in p.name]
        assert len(kept) == 1 and kept[0].read_bytes() == damaged  # kept byte for byte
        assert prompts.kinds()[:4] == ["choose", "open_file", "confirm", "info"]
        assert "备份" in prompts.shown[0][2]  # the offer says a backup is there
    finally:
        from conftest import dispose

        dispose(window)


def test_a_damaged_database_without_a_restore_is_left_as_it_is(prompts, store, language):
    import argparse

    from wealthdesk import db
    from wealthdesk.db.connection import sqlite_url
    from wealthdesk.services import backup
    from wealthdesk.ui import application

    backup.backup_now(backup_dir())
    db.close()
    store.write_bytes(b"garbage" * 1000)
    prompts.answer("choose", "")  # cancelled
    window = application.open_window(
        argparse.Namespace(db=sqlite_url(store), lang="zh_CN", desk="1")
    )
    assert window is None
    assert store.read_bytes() == b"garbage" * 1000
