"""Import templates: the columns offices fill, drop-down lists from the catalogues (long lists
on a hidden sheet, so Excel's 255-character limit on inline lists never bites), ID and phone
columns preformatted as text, an instructions sheet and one example row that import skips."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..core.files import atomic_write
from ..core.catalogues import CATALOGUES
from ..documents.model import text_width
from ..services.spec import SPECS
from .cells import DATE_FORMAT, HEADER_BORDER, HEADER_FILL, HEADER_FONT, NOTE_FONT, TEXT_FORMAT, TITLE_FONT, CENTER
from .mapping import EXAMPLE_MARK, TEMPLATE_COLUMNS

TEMPLATE_ROWS = 2000          # rows preformatted and covered by the drop-downs
HEADER_ROW = 3
LISTS_SHEET = "选项"
CATALOGUE_OF = {  # key -> catalogue (person/unit keys are typed)
    "gender": "gender", "ethnicity": "ethnicity", "political_status": "political_status", "education": "education",
    "title_level": "title_level", "sector": "sector", "category": "key_category", "role": "role",
    "method": "post_method", "domain": "domain", "type": "activity_type", "theme_day": "theme_day",
}
TEXT_KEYS = {"id_number", "phone", "person_id_number"}
DATE_KEYS = {"birth_date", "start_on", "end_on", "held_on"}
EXAMPLES = {
    "people": {"unit_code": "掌政镇", "name": "张三", "gender": "男", "ethnicity": "汉族", "birth_date": dt.date(1980, 1, 1),
               "id_number": "640104198001010013", "phone": "13800000000", "political_status": "中共党员",
               "education": "大学本科", "title": "主治医师", "title_level": "中级", "employer": "掌政镇卫生院",
               "job": "院长", "sector": "卫生健康", "category": "卫生院院长"},
    "posts": {"unit_code": "掌政镇", "person_name": "张三", "person_id_number": "640104198001010013",
              "role": "兼职副主席", "start_on": dt.date(2025, 9, 1), "method": "换届选举"},
    "activities": {"unit_code": "掌政镇", "title": "健康讲堂：高血压防治", "held_on": dt.date(2026, 5, 18),
                   "place": "掌政镇卫生院", "domain": "健康中国", "type": "健康讲堂", "leader_name": "张三",
                   "organisers": "掌政镇科协", "participants": 80, "volunteers": 6},
}
TITLES = {"people": "人员导入模板", "posts": "任职导入模板", "activities": "活动导入模板"}


def _instructions(wb: Workbook, what: str) -> None:
    ws = wb.create_sheet("填写说明")
    lines = [
        f"{TITLES[what]}：填写说明",
        "1．在“导入数据”工作表第 4 行以下逐行填写，一行一条记录；标题行请勿修改，列的顺序可以调整，多余的列会被忽略。",
        "2．带 * 的列必须填写；有下拉箭头的列请从下拉列表中选择。",
        "3．身份证号、电话列已设为“文本”格式，请直接输入，不要改为数字格式，否则 Excel 会丢失末尾数字。",
        "4．日期写成 2026-05-18 或 2026年5月18日。",
        "5．“所属单位”填单位名称或行政区划代码，留空表示本单位。",
        f"6．第 4 行是示例（“说明”列写有“{EXAMPLE_MARK}”），导入时不会导入，可以保留或删除。",
        "7．导入前程序会先检查全部数据；有错误的行会在同一文件旁生成“有误标注”副本，错误单元格标红并附批注。",
    ]
    for line in lines:
        ws.append([line])
    ws["A1"].font = TITLE_FONT
    ws.column_dimensions["A"].width = 110


def unit_choices(db) -> list[str]:
    """Names of the home unit and the units below it, for the 所属单位 drop-down (a name
    shared by two units is offered as its code, which import also takes)."""
    from sqlalchemy import select
    from ..services.tree import below_select
    from ..store import models as m
    with db.session() as s:
        rows = s.execute(select(m.Unit.code, m.Unit.name).where(m.Unit.code.in_(below_select(db.home_unit)),
                                                                m.Unit.deleted.is_(False)).order_by(m.Unit.code)).all()
    names = [name for _c, name in rows]
    return [name if names.count(name) == 1 else code for code, name in rows]


def write_template(what: str, out: str | os.PathLike[str], units: list[str] | None = None) -> Path:
    """Write the import template for `what` (people, posts, activities) to `out` (.xlsx);
    `units` (unit_choices) become the drop-down of 所属单位."""
    columns = TEMPLATE_COLUMNS[what]
    wb = Workbook()
    ws = wb.active
    ws.title = "导入数据"
    ws["A1"] = TITLES[what]
    ws["A1"].font = TITLE_FONT
    ws["A2"] = "带 * 的列必须填写；请勿修改标题行。详见“填写说明”工作表。"
    ws["A2"].font = NOTE_FONT
    lists = wb.create_sheet(LISTS_SHEET)
    list_col = 0
    headers = [("* " if required else "") + name for name, _key, required in columns] + ["说明"]
    for c, text in enumerate(headers, start=1):
        cell = ws.cell(row=HEADER_ROW, column=c, value=text)
        cell.font, cell.fill, cell.border, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_BORDER, CENTER
    example = EXAMPLES[what]
    for c, (name, key, _req) in enumerate(columns, start=1):
        letter = get_column_letter(c)
        width = max(text_width(name) + 4, text_width(str(example.get(key, ""))) + 2, 10)
        ws.column_dimensions[letter].width = min(width, 40)
        cell = ws.cell(row=HEADER_ROW + 1, column=c, value=example.get(key))
        cell.font = Font(color="808080", italic=True)
        fmt = TEXT_FORMAT if key in TEXT_KEYS else DATE_FORMAT if key in DATE_KEYS else None
        if fmt:
            for r in range(HEADER_ROW + 1, HEADER_ROW + TEMPLATE_ROWS + 1):
                ws.cell(row=r, column=c).number_format = fmt
        cat = CATALOGUE_OF.get(key)
        labels = [e.zh for e in CATALOGUES[cat]] if cat else (units if key == "unit_code" and units else None)
        if labels:
            list_col += 1
            lcol = get_column_letter(list_col)
            lists.cell(row=1, column=list_col, value=name)
            for r, text in enumerate(labels, start=2):
                lists.cell(row=r, column=list_col, value=text)
            dv = DataValidation(type="list", formula1=f"'{LISTS_SHEET}'!${lcol}$2:${lcol}${len(labels) + 1}",
                                allow_blank=True, showErrorMessage=True, errorStyle="warning", errorTitle="不在可选项中",
                                error=f"请从下拉列表中选择{name}")
            dv.add(f"{letter}{HEADER_ROW + 1}:{letter}{HEADER_ROW + TEMPLATE_ROWS}")
            ws.add_data_validation(dv)
    mark = ws.cell(row=HEADER_ROW + 1, column=len(columns) + 1, value=EXAMPLE_MARK)
    mark.font = Font(color="C00000")
    ws.column_dimensions[get_column_letter(len(columns) + 1)].width = 22
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    lists.sheet_state = "hidden"
    _instructions(wb, what)
    wb.move_sheet(LISTS_SHEET, offset=1)     # data, instructions, then the hidden lists
    target = Path(out)
    atomic_write(target, lambda tmp: wb.save(tmp))
    return target


assert set(SPECS) >= set(TEMPLATE_COLUMNS)
