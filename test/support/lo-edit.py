"""Edit workbooks in LibreOffice as a user does, through its UNO API, headless.

Reads a JSON list of jobs on stdin, each {"in": path, "out": path, "ops": [...]}, where an op is
{"op": "insertColumns" | "insertRows", "sheet": name, "index": 0-based, "count": n} (what
Calc's "Insert columns before" / "Insert rows above" does: references, ranges and conditional
formats move as they do for a user) or {"op": "set", "sheet": name, "cell": "B3", "value": v}
(a number, a text, or null to clear). Each workbook is then recalculated and saved as .xlsx.
Run with the system Python that has Debian's python3-uno.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    jobs = json.load(sys.stdin)
    pipe = "thidua_%d" % os.getpid()
    profile = tempfile.mkdtemp(prefix="thidua-uno-")
    office = subprocess.Popen([
        "soffice", "--headless", "--invisible", "--norestore", "--nologo",
        "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
        "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe,
    ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(300):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.2)
        if ctx is None:
            raise RuntimeError("LibreOffice did not answer")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        for job in jobs:
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(job["in"])), "_blank", 0, (prop("Hidden", True),))
            sheets = doc.Sheets
            for op in job["ops"]:
                sheet = sheets.getByName(op["sheet"])
                if op["op"] == "insertColumns":
                    sheet.Columns.insertByIndex(op["index"], op["count"])
                elif op["op"] == "insertRows":
                    sheet.Rows.insertByIndex(op["index"], op["count"])
                elif op["op"] == "set":
                    cell = sheet.getCellRangeByName(op["cell"])
                    value = op["value"]
                    if value is None:
                        cell.setString("")
                    elif isinstance(value, (int, float)):
                        cell.setValue(value)
                    else:
                        cell.setString(value)
                else:
                    raise ValueError("unknown op " + op["op"])
            doc.calculateAll()
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(job["out"])), (prop("FilterName", "Calc MS Excel 2007 XML"),))
            doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes down with the office
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
