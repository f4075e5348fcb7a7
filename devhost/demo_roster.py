"""
The demo's offline roster (XLSX and CSV), written for the current credit year: imported after the
demo course is passed (30 credits, 13 hours), it completes 王小纲's year exactly (90 and 40), as
the README says, in whatever year the demo runs.
"""
import csv
from pathlib import Path

from openpyxl import Workbook

HEADER = ("姓名", "用户名", "培训名称", "培训日期", "学分", "学时", "考试成绩", "是否合格")
NAMES = ("offline_roster.xlsx", "offline_roster.csv")


def rows(year: int) -> list[tuple]:
    """王小纲's training and passed exam (60 credits, 27 hours), 李文's training, 张明's failed exam."""
    training, exam = f"{year}年全省基层工会主席集中轮训", "《工会法》知识考试"
    return [
        ("王小纲", "learner", training, f"{year}-04-16", 48, 21, None, None),
        ("王小纲", "learner", exam, f"{year}-05-20", 12, 6, 88, "是"),
        ("李文", "author", training, f"{year}-04-16", 48, 21, None, None),
        ("张明", "org_admin", exam, f"{year}-05-20", 12, 6, 56, "否"),
    ]


def write_demo_roster(folder: Path, year: int) -> Path:
    """Write both files into ``folder`` (a title row and a blank row above the header, as offices keep them)."""
    folder.mkdir(parents=True, exist_ok=True)
    book = Workbook()
    sheet = book.active
    sheet.title = "线下培训"
    sheet.append((f"山东省总工会 {year} 年线下培训与考试登记表",))
    sheet.append(())
    sheet.append(HEADER)
    for row in rows(year):
        sheet.append(row)
    book.save(folder / NAMES[0])
    with open(folder / NAMES[1], "w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(HEADER)
        writer.writerows(["" if value is None else value for value in row] for row in rows(year))
    return folder / NAMES[0]
