"""Reading a list a clerk brings (.xlsx or .csv) into rows of plain values, refusing what we
must not open: old binary .xls/.et, macro-enabled workbooks, password-protected (encrypted)
files, damaged or oversized files and zip bombs.

.xlsx is read by python-calamine (fast, Rust, no styles needed); openpyxl, used for the
marked-up copy, parses XML through defusedxml when it is installed (it is a dependency).
CSV may be UTF-8 (with or without BOM) or GBK/GB18030, as Excel and WPS save it in China.
"""
from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

MAX_FILE_BYTES = 30 * 1024 * 1024          # a 100,000-row list is about 10 MB
MAX_UNZIPPED_BYTES = 400 * 1024 * 1024     # zip-bomb guard
MAX_ROWS = 200_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"   # .xls/.et and encrypted .xlsx are OLE files
MACRO_SUFFIXES = (".xlsm", ".xltm", ".xlam")
OLD_SUFFIXES = (".xls", ".et", ".ett", ".xlt")


class SheetError(ValueError):
    """The file cannot be read as a list; the messages say why and what to do."""

    def __init__(self, message_en: str, message_zh: str):
        super().__init__(message_en)
        self.message_en, self.message_zh = message_en, message_zh


@dataclass
class Sheet:
    """All rows of the sheet that holds the list, as lists of values (str, int, float, date,
    datetime, bool or None); `name` is the sheet's name, `csv` tells a CSV file."""
    name: str
    rows: list[list]
    csv: bool = False


def _check_file(path: Path) -> bytes:
    if not path.is_file():
        raise SheetError(f"{path.name}: no such file", f"{path.name}：文件不存在")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise SheetError(f"{path.name} is {size // 1024 // 1024} MB, more than the {MAX_FILE_BYTES // 1024 // 1024} MB "
                         "a list may have; split it", f"{path.name} 超过 {MAX_FILE_BYTES // 1024 // 1024} MB，请拆分后再导入")
    with path.open("rb") as fh:
        return fh.read(8)


def _decode_csv(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")          # a superset of GBK and GB2312
    except UnicodeDecodeError:
        raise SheetError("the CSV file is neither UTF-8 nor GBK/GB18030 text",
                         "CSV 文件既不是 UTF-8 也不是 GBK/GB18030 编码，请用 Excel 另存为“CSV UTF-8”") from None


def read_csv(path: Path) -> Sheet:
    data = path.read_bytes()
    if data.startswith(OLE_MAGIC) or data.startswith(b"PK\x03\x04"):
        raise SheetError(f"{path.name} is a workbook named .csv; save it as .xlsx or real CSV",
                         f"{path.name} 实际是 Excel 工作簿，请另存为 .xlsx 或 CSV")
    text = _decode_csv(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    rows = [[c if c != "" else None for c in row] for row in csv.reader(io.StringIO(text), dialect)]
    if len(rows) > MAX_ROWS:
        raise SheetError(f"more than {MAX_ROWS} rows", f"超过 {MAX_ROWS} 行，请拆分后再导入")
    return Sheet(path.stem, rows, csv=True)


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            total = sum(i.file_size for i in z.infolist())
    except zipfile.BadZipFile:
        raise SheetError(f"{path.name} is damaged or not an Excel workbook",
                         f"{path.name} 已损坏或不是 Excel 工作簿") from None
    if "xl/workbook.xml" not in names:
        raise SheetError(f"{path.name} is not an Excel workbook", f"{path.name} 不是 Excel 工作簿")
    if "xl/vbaProject.bin" in names:
        raise SheetError(f"{path.name} contains macros; save it as a plain .xlsx workbook",
                         f"{path.name} 含有宏，请另存为普通 .xlsx 工作簿后再导入")
    if total > MAX_UNZIPPED_BYTES:
        raise SheetError(f"{path.name} unpacks to more than {MAX_UNZIPPED_BYTES // 1024 // 1024} MB",
                         f"{path.name} 解压后过大，拒绝读取")


def read_xlsx(path: Path, header_names: set[str]) -> Sheet:
    """The first sheet whose first rows hold at least two of `header_names`."""
    from python_calamine import CalamineError, CalamineWorkbook   # type: ignore[attr-defined]
    _check_zip(path)
    try:
        wb = CalamineWorkbook.from_path(str(path))
        for name in wb.sheet_names:
            sheet = wb.get_sheet_by_name(name)
            if sheet.height > MAX_ROWS:
                raise SheetError(f"more than {MAX_ROWS} rows", f"超过 {MAX_ROWS} 行，请拆分后再导入")
            rows = sheet.to_python(skip_empty_area=False)
            if header_row(rows, header_names) is not None:
                return Sheet(name, [[None if v == "" else v for v in row] for row in rows])
    except CalamineError as err:
        raise SheetError(f"{path.name} cannot be read: {err}", f"{path.name} 无法读取：{err}") from None
    raise SheetError("no sheet has the expected column headers (e.g. 姓名)",
                     "找不到含有列标题（如“姓名”）的工作表，请使用导入模板或检查标题行")


def header_row(rows: list[list], header_names: set[str], look: int = 15) -> int | None:
    """Index of the first of the first `look` rows holding at least two known headers."""
    from .mapping import header_key
    for i, row in enumerate(rows[:look]):
        if sum(1 for v in row if isinstance(v, str) and header_key(v) in header_names) >= 2:
            return i
    return None


def read_sheet(path: str | Path, header_names: set[str]) -> Sheet:
    """Read `path` (.xlsx or .csv). Raises SheetError with a message saying what to do."""
    path = Path(path)
    magic = _check_file(path)
    suffix = path.suffix.lower()
    if suffix in MACRO_SUFFIXES:
        raise SheetError(f"{path.name} is a macro-enabled workbook; save it as .xlsx",
                         f"{path.name} 是启用宏的工作簿，请另存为 .xlsx 后再导入")
    if magic.startswith(OLE_MAGIC):
        if suffix in (".xlsx", ""):
            raise SheetError(f"{path.name} is password-protected; remove the password in Excel/WPS and save again",
                             f"{path.name} 设有密码保护，请在 Excel/WPS 中取消密码后重新保存再导入")
        raise SheetError(f"{path.name} is an old-format (.xls/.et) workbook; save it as .xlsx",
                         f"{path.name} 是旧版 .xls/.et 格式，请在 Excel/WPS 中另存为 .xlsx 后再导入")
    if suffix in OLD_SUFFIXES:
        raise SheetError(f"{path.name}: .xls/.et files are not read; save it as .xlsx",
                         f"{path.name}：不支持 .xls/.et 格式，请另存为 .xlsx 后再导入")
    if suffix in (".csv", ".txt"):
        return read_csv(path)
    if suffix != ".xlsx":
        raise SheetError(f"{path.name}: only .xlsx and .csv files can be imported",
                         f"{path.name}：只能导入 .xlsx 或 .csv 文件")
    return read_xlsx(path, header_names)
