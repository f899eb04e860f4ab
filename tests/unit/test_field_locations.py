"""Issue 9, items 4 and 5: any path the system accepts works (no URL unescaping); every network
or network-FUSE location is refused with the same message, judged from a simulated mount table."""
from __future__ import annotations

import json
import sys

import pytest

from sanxiang_desktop.cli.main import main
from sanxiang_desktop.store import location
from sanxiang_desktop.store.database import open_database
from sanxiang_desktop.store.errors import StoreError

FOLDERS = ["科协%20资料", "a#b?c&d=1", "x%2Fy %41", "100%", "资料 (2024)", "it's \"quoted\"", "tab\there",
           "semi;colon=1", "%%%", "@host:5432"]


@pytest.mark.parametrize("folder", FOLDERS)
def test_init_and_open_in_any_folder_the_system_accepts(tmp_path, capsys, folder):
    db = tmp_path / folder / "sx.db"
    assert main(["init", "--db", str(db), "--unit", "640104100"]) == 0
    assert db.exists() and str(db) in capsys.readouterr().out
    assert main(["stats", "--db", str(db), "--json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out)["home_unit"] == "640104100"
    # nothing written anywhere else: the folder holds only the database (and its WAL files)
    made = {p.name for p in tmp_path.rglob("*") if p.is_file()}
    assert made <= {"sx.db", "sx.db-wal", "sx.db-shm"}
    opened = open_database(db)
    assert opened.path == db
    opened.close()


@pytest.mark.skipif(sys.platform == "win32", reason="names Windows forbids but Linux accepts")
@pytest.mark.parametrize("folder", ["a:b", "what?", "<x>", "pipe|name", "back\\slash", "trailing. "])
def test_linux_accepts_names_windows_forbids(tmp_path, capsys, folder):
    db = tmp_path / folder / "sx.db"
    assert main(["init", "--db", str(db), "--unit", "640104100"]) == 0 and db.exists()


@pytest.mark.parametrize("bad, fragment", [
    ("资" * 100 + "/sx.db", "系统无法使用该路径"),               # a name longer than the system allows
    ("file-not-folder/sx.db", "系统无法使用该路径"),              # a component that is a file
])
def test_paths_the_system_refuses_get_a_clear_message(tmp_path, capsys, bad, fragment):
    (tmp_path / "file-not-folder").write_text("x")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    code = main(["init", "--db", str(tmp_path / bad), "--unit", "640104100"])
    err = capsys.readouterr().err
    assert code == 2 and fragment in err and "Traceback" not in err and "cannot use this path" in err
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


MOUNTS = """\
/dev/sda1 / ext4 rw 0 0
gvfsd-fuse /run/user/1000/gvfs fuse.gvfsd-fuse rw,nosuid,nodev,user_id=1000 0 0
//fs01/科协 /mnt/cifs cifs rw,vers=3.0 0 0
//fs01/share /mnt/smb3 smb3 rw 0 0
nas:/export /mnt/nfs nfs4 rw 0 0
clerk@host:/data /mnt/sshfs fuse.sshfs rw 0 0
https://dav.example.cn/remote.php /mnt/dav fuse rw 0 0
https://dav2.example.cn/ /mnt/davfs davfs rw 0 0
kio-fuse /run/user/1000/kio-fuse-abc fuse.kio-fuse rw 0 0
remote: /mnt/rclone fuse.rclone rw 0 0
/dev/sdb1 /mnt/windows fuseblk rw 0 0
/dev/sda3 /home/clerk/my\\040docs ext4 rw 0 0
//fs01/spaced /home/clerk/net\\040share cifs rw 0 0
"""

NETWORK = ["/run/user/1000/gvfs/smb-share:server=fs01,share=科协/数据/sx.db", "/mnt/cifs/sx.db",
           "/mnt/smb3/a/sx.db", "/mnt/nfs/sx.db", "/mnt/sshfs/sx.db", "/mnt/dav/sx.db", "/mnt/davfs/sx.db",
           "/run/user/1000/kio-fuse-abc/smb/sx.db", "/mnt/rclone/sx.db", "/home/clerk/net share/sx.db"]
LOCAL = ["/home/clerk/sx.db", "/mnt/windows/sx.db", "/home/clerk/my docs/sx.db", "/mnt/cifsx/sx.db"]


@pytest.fixture
def mount_table(tmp_path, monkeypatch):
    table = tmp_path / "mounts"
    table.write_text(MOUNTS, encoding="utf-8")
    monkeypatch.setattr(location, "MOUNTS_FILE", str(table))
    return table


@pytest.mark.parametrize("path", NETWORK)
def test_every_network_kind_is_refused_with_the_same_message(mount_table, path):
    assert location.unsafe_location(path) == "network"
    with pytest.raises(StoreError) as e:
        open_database(path, create=True)
    assert e.value.code == "network_share"
    assert e.value.message_zh.replace(path, "<p>") == (
        "数据库位于网络共享位置（<p>，包括在文件管理器中打开的网络位置），容易损坏。请把数据库放在本机硬盘上。")


@pytest.mark.parametrize("path", LOCAL)
def test_local_disks_are_accepted(mount_table, path):
    assert location.unsafe_location(path) is None


def test_a_symlink_into_a_share_is_the_share(tmp_path, monkeypatch):
    share = tmp_path / "share"
    share.mkdir()
    (tmp_path / "mounts").write_text(f"/dev/sda1 / ext4 rw 0 0\ngvfsd-fuse {share} fuse.gvfsd-fuse rw 0 0\n")
    monkeypatch.setattr(location, "MOUNTS_FILE", str(tmp_path / "mounts"))
    (tmp_path / "link").symlink_to(share)
    assert location.unsafe_location(tmp_path / "link" / "sx.db") == "network"


def test_the_command_line_refuses_a_gvfs_share(mount_table, capsys):
    code = main(["init", "--db", NETWORK[0], "--unit", "640104100"])
    err = capsys.readouterr().err
    assert code == 2 and "网络共享" in err and "network share" in err and "Traceback" not in err
