"""The printable report as a PDF: Chromium prints the HTML export headless (as a user's "Save as PDF"
does); the PDF has A4 pages, embedded fonts, and no ranking row is split across two pages."""
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import Api
from flows import set_phase

ROWS = 24


def run(*command):
    return subprocess.run(command, check=True, capture_output=True, text=True, timeout=120).stdout


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="needs poppler-utils (pdfinfo, pdffonts, pdftotext)")
def test_the_report_prints_to_a4_pdf_with_embedded_fonts_and_no_row_split(server):
    code = server.create_workshop()["code"]
    api = set_phase(server, code, "collecting")
    for index in range(ROWS):
        person = Api(server.url)
        assert person.call("POST", "/api/join", {"code": code, "name": f"Persona {index}"})[0] == 201
        body = f"START{index:02d} " + "Una descrizione lunga che occupa diverse righe nel rapporto stampato. " * 4 + f"END{index:02d}"
        status, _ = person.call("POST", f"/api/workshops/{code}/proposals", {"title": f"Proposta numero {index:02d}", "body": body})
        assert status == 201
    api.call("POST", f"/api/workshops/{code}/phase", {"phase": "closed"})
    status, html = api.call("GET", f"/api/workshops/{code}/export?format=html&lang=it")
    assert status == 200
    folder = Path(tempfile.mkdtemp(prefix="officina-pdf-"))
    try:
        report = folder / "report.html"
        report.write_bytes(html if isinstance(html, bytes) else html.encode())
        pdf = folder / "report.pdf"
        chromium = shutil.which("chromium") or "/usr/bin/chromium"
        subprocess.run([chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={folder / 'profile'}", f"--print-to-pdf={pdf}", report.as_uri()],
                       check=True, capture_output=True, timeout=120)
        info = run("pdfinfo", str(pdf))
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        assert pages >= 2, info
        width, height = map(float, re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", info, re.M).groups())
        assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2, f"not A4: {width} x {height}"
        fonts = run("pdffonts", str(pdf)).splitlines()[2:]
        assert fonts, "no fonts in the PDF"
        for line in fonts:
            assert re.search(r"\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", line), line
            emb = line.split()[-5]
            assert emb == "yes", f"font not embedded: {line}"
        where = {}
        for page in range(1, pages + 1):
            text = run("pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-")
            for marker in re.findall(r"(START|END)(\d\d)", text):
                where.setdefault(marker[1], {})[marker[0]] = page
        assert len(where) == ROWS, f"rows found: {sorted(where)}"
        split = {row: pages_ for row, pages_ in where.items() if pages_.get("START") != pages_.get("END")}
        assert not split, f"rows split across pages: {split}"
    finally:
        shutil.rmtree(folder, ignore_errors=True)
