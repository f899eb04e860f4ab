"""Issue 9, items 6 and 7: packages wrapped in an ordinary zip (GBK or UTF-8 names) are offered for
import under the same caps; dates of imports are shown in the office's local time."""
from __future__ import annotations

import datetime as dt
import json
import zipfile

import pytest

from sanxiang_desktop.cli.main import main
from sanxiang_desktop.core import clock
from sanxiang_desktop.store.database import open_database
from sanxiang_desktop.sync import wrapped


class GbkInfo(zipfile.ZipInfo):
    """What Chinese Windows' "send to compressed folder" writes: GBK names, no UTF-8 flag."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


def wrap(zip_path, members, *, gbk=True, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(zip_path, "w", compression=compression) as zf:
        for name, data in members:
            info = GbkInfo(name) if gbk else zipfile.ZipInfo(name)
            info.compress_type = compression
            zf.writestr(info, data)
    return zip_path


@pytest.mark.parametrize("gbk, inner, compression", [
    (True, "掌政镇数据包.sxpkg", zipfile.ZIP_DEFLATED),                 # GBK name, deflated
    (False, "掌政镇数据包.sxpkg", zipfile.ZIP_DEFLATED),                # UTF-8 flag
    (True, "附件/科协 2026 上报.SXPKG", zipfile.ZIP_STORED),            # folder inside, upper case
    (False, "640104100-640104-000001.sxpkg", zipfile.ZIP_BZIP2),
    (True, "邮件附件（1）.sxpkg", zipfile.ZIP_LZMA),
])
def test_a_zip_holding_a_package_is_imported(world, tmp_path, gbk, inner, compression):
    t1, c = world["t1"], world["c"]
    package = t1.export().paths[0]
    z = wrap(tmp_path / "来自邮件.zip", [(inner, package.read_bytes()), ("说明.txt", "请导入".encode("gbk"))],
             gbk=gbk, compression=compression)
    (res,) = c.take(z)
    assert res.status == "applied", res.error
    assert res.file == f"来自邮件.zip › {inner.rsplit('/', 1)[-1]}"
    assert res.counts["inserted"] > 10
    (again,) = c.take(z)
    assert again.status == "duplicate"


def test_a_zip_of_two_packages_and_the_parts_of_a_split_one(world, tmp_path):
    t1, t2, c = world["t1"], world["t2"], world["c"]
    one = t1.export().paths[0]
    split = t2.export(limit=16_000)
    assert len(split.paths) > 1
    members = [("甲.sxpkg", one.read_bytes())] + [(p.name, p.read_bytes()) for p in reversed(split.paths)]
    results = c.take(wrap(tmp_path / "两个镇.zip", members))
    assert [r.status for r in results] == ["applied", "applied"]


def test_a_zip_without_packages_says_to_unzip_with_readable_names(world, tmp_path, capsys):
    z = wrap(tmp_path / "资料.zip", [("人员名单.xlsx", b"PK..."), ("说明.txt", b"x")])
    (res,) = world["c"].take(z)
    assert res.status == "rejected" and res.code == "zip_without_package"
    assert "人员名单.xlsx" in res.message_zh and "解压" in res.message_zh and "\\x" not in res.error
    world["c"].close()
    assert main(["import-package", "--db", str(world["c"].path), str(z)]) == 2
    err = capsys.readouterr().err
    assert "zip" in err and "人员名单.xlsx" in err and "Traceback" not in err


def test_a_password_protected_member_is_named(world, tmp_path):
    class Locked(GbkInfo):
        def _encodeFilenameFlags(self):
            return self.filename.encode("gbk"), (self.flag_bits | 0x1) & ~0x800
    with zipfile.ZipFile(tmp_path / "加密.zip", "w") as zf:
        zf.writestr(Locked("数据包.sxpkg"), b"x" * 100)
    (res,) = world["c"].take(tmp_path / "加密.zip")
    assert res.code == "zip_encrypted" and "数据包.sxpkg" in res.message_zh and "密码" in res.message_zh


def test_member_names_decode_gbk_and_utf8_and_lose_folders():
    for info, expected in [(GbkInfo("目录/数据包.sxpkg"), "数据包.sxpkg"), (zipfile.ZipInfo("甲\\乙.sxpkg"), "乙.sxpkg")]:
        raw, flags = info._encodeFilenameFlags()
        info.flag_bits = flags
        info.filename = raw.decode("utf-8") if flags & 0x800 else raw.decode("cp437")
        assert wrapped.member_name(info) == expected


def test_the_command_line_imports_a_wrapped_package(world, tmp_path, capsys):
    t1, c = world["t1"], world["c"]
    z = wrap(tmp_path / "包.zip", [("掌政镇.sxpkg", t1.export().paths[0].read_bytes())])
    c.close()
    assert main(["import-package", "--db", str(c.path), str(z), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out[0]["status"] == "applied" and out[0]["file"] == "包.zip › 掌政镇.sxpkg"


# ---------------------------------------------------------------- 7. office-local dates

@pytest.mark.parametrize("when_utc, zone, shown", [
    (dt.datetime(2026, 3, 1, 23, 30), "Asia/Shanghai", "2026-03-02"),     # the issue's: 07:30 Beijing, 2 March
    (dt.datetime(2026, 3, 1, 15, 59), "Asia/Shanghai", "2026-03-01"),     # 23:59 Beijing
    (dt.datetime(2026, 3, 1, 16, 0), "Asia/Shanghai", "2026-03-02"),      # midnight Beijing
    (dt.datetime(2026, 12, 31, 20, 0), "UTC+08:00", "2027-01-01"),        # a fixed offset, across a year
    (dt.datetime(2026, 3, 2, 1, 0), "Asia/Urumqi", "2026-03-02"),         # UTC+6
    (dt.datetime(2026, 3, 1, 23, 30), "UTC", "2026-03-01"),               # an office set to UTC
])
def test_already_imported_on_the_office_date(world, capsys, when_utc, zone, shown):
    t1, c = world["t1"], world["c"]
    written = t1.export()
    with clock.office_timezone_as(zone), clock.use_source(when_utc.replace(tzinfo=dt.timezone.utc)):
        assert c.take(written)[0].status == "applied"
    with clock.office_timezone_as(zone):
        again = c.take(written)[0]
        assert again.already_imported_at == shown
        assert f"已于 {shown} 导入" in again.message_zh and f"already imported on {shown}" in again.message_en
        c.close()
        assert main(["import-package", "--db", str(c.path), str(written.paths[0])]) == 0
        assert f"已于 {shown} 导入" in capsys.readouterr().out
    c.db = open_database(c.path)
