#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes resources/sample/customer-orders.xlsx, the workbook the app opens on first start.

It looks like an analyst's export: a title, a blank line, labels that are not the API's names,
real Excel dates and numbers, a totals line, and a handful of problems for the Review page to
find (a quantity written as text, a missing required date, a duplicated order line). Only the
Python standard library is used, so the file can be rebuilt anywhere: python3 make_sample_workbook.py
"""
import datetime
import pathlib
import random
import zipfile
from xml.sax.saxutils import escape

HEADERS = ["Order No.", "Line #", "Order Date", "Requested Ship", "Expected Ship", "Shipped On",
           "Product", "Location", "Qty", "Order Value", "Last Change", "Status", "Shipped Qty",
           "Shipped Value"]
EPOCH = datetime.datetime(1899, 12, 30)


def serial(moment):
    return (moment - EPOCH).total_seconds() / 86400


def rows():
    random.seed(7)
    start = datetime.datetime(2025, 1, 6, 9, 0)
    out = []
    for n in range(1, 41):
        ordered = start + datetime.timedelta(days=n // 3, hours=n % 7)
        requested = ordered + datetime.timedelta(days=7)
        expected = requested - datetime.timedelta(days=n % 2)
        shipped = n % 4 != 0
        qty = random.randint(1, 40)
        price = random.choice([12.5, 19.9, 249.9, 7.25])
        out.append([f"SO-{25000 + n // 2}", f"{n % 2 + 1}", serial(ordered), serial(requested),
                    serial(expected), serial(expected) if shipped else None,
                    f"P-{100 + n % 9:04d}", ["DC-NORTH", "DC-SOUTH"][n % 2], qty,
                    round(qty * price, 2), serial(expected + datetime.timedelta(hours=3)),
                    "shipped" if shipped else "open", qty if shipped else None,
                    round(qty * price, 2) if shipped else None])
    out[6][8] = "ten"          # a quantity written as words
    out[12][3] = None          # a required date left empty
    out[20][:2] = out[19][:2]  # the same order line twice...
    out[20][10] = out[19][10]  # ...with the same last change: a duplicate key
    return out


def cell(ref, value, date_style):
    if value is None:
        return ""
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
    style = ' s="1"' if date_style else ""
    return f'<c r="{ref}"{style}><v>{value}</v></c>'


def column(index):
    return chr(ord("A") + index)


def sheet_xml():
    lines = ['<row r="1">' + cell("A1", "Customer orders - export of 3 February 2025", False)
             + "</row>"]
    lines.append('<row r="3">' + "".join(cell(f"{column(i)}3", h, False)
                                         for i, h in enumerate(HEADERS)) + "</row>")
    data = rows()
    for r, values in enumerate(data, start=4):
        cells = "".join(cell(f"{column(i)}{r}", v, i in (2, 3, 4, 5, 10))
                        for i, v in enumerate(values))
        lines.append(f'<row r="{r}">{cells}</row>')
    total = len(data) + 4
    lines.append(f'<row r="{total}">' + cell(f"A{total}", "Total", False)
                 + f'<c r="I{total}"><f>SUM(I4:I{total - 1})</f></c></row>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheetData>' + "".join(lines) + '</sheetData></worksheet>')


PARTS = {
    "[Content_Types].xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '</Types>',
    "_rels/.rels":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>',
    "xl/workbook.xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Orders" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        '</Relationships>',
    "xl/styles.xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/></numFmts>'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        '</cellXfs></styleSheet>',
}


def main():
    target = pathlib.Path(__file__).with_name("customer-orders.xlsx")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in PARTS.items():
            package.writestr(zipfile.ZipInfo(name, (2025, 2, 3, 9, 0, 0)), text)
        package.writestr(zipfile.ZipInfo("xl/worksheets/sheet1.xml", (2025, 2, 3, 9, 0, 0)),
                         sheet_xml())
    print(target)


if __name__ == "__main__":
    main()
