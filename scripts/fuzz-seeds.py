#!/usr/bin/env python3
"""Seed corpora for scripts/fuzz, made at run time from the repository's corpus/*.txt.

usage: fuzz-seeds.py CORPUS_DIR OUT_DIR

Writes OUT_DIR/TARGET/NAME for the targets txt, md, html, docx, normalize, dates and pipeline.
Nothing here is committed: the inputs are our own releases, re-encoded and wrapped in the
containers that ingest reads (a page, a Markdown file, a Word document built with zipfile).
"""
import io
import pathlib
import re
import sys
import zipfile

# The txt target's first byte picks the --encoding (FuzzTarget.encodings): 0 detects.
SELECT_DETECT, SELECT_WINDOWS1251, SELECT_UTF16LE = 0, 4, 7

MAX_LEN = {"txt": 8192, "md": 8192, "html": 16384, "docx": 32768, "normalize": 4096, "dates": 1024, "pipeline": 4096}

# Lines we wrote for the date grammar: ranges, suffixed Kyrgyz forms, datelines, times, Feb 29.
DATE_LINES = [
    "Бишкек, 14.03.2024. /Кабар/. 2024-жылдын 2-апрелинен 4-апрелине чейин форум өтөт.",
    "С 15 по 17 апреля 2024 года в Оше пройдет форум, начало в 10:00.",
    "2024-жылдын 29-февралында саат 14:30да жыйын болот.",
    "29 февраля 2025 года, 31 апреля и 2023-02-29 не бывает.",
    "до 20 июня 2024 г. принимаются заявки; вчера, сегодня и завтра",
    "Нарын, 5-май. Быйыл 12–14-июнда, эртең жана 2022-жылдан бери.",
]


def write(out, target, name, data):
    if len(data) > MAX_LEN[target]:
        data = data[: MAX_LEN[target]]
    folder = out / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def page(paragraphs, charset):
    body = "".join(f"<p>{escape(p)}</p>\n" for p in paragraphs[1:])
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="{charset}"><title>{escape(paragraphs[0])}</title>'
        '<script>var x = "<p>+996 700 00 00 00</p>";</script></head><body>'
        '<nav><ul><li><a href="/">Башкы бет</a></li></ul></nav>'
        f"<main><article><h1>{escape(paragraphs[0])}</h1>\n{body}<table><tr><td>тел.</td><td>+996 312 62 15 19</td></tr></table>"
        "</article></main><footer>&copy; 2024</footer></body></html>"
    )


def markdown(paragraphs):
    lines = ["# " + paragraphs[0], ""]
    for i, p in enumerate(paragraphs[1:]):
        if i % 3 == 1:
            lines += ["- " + p, "- **" + p[:40] + "**", ""]
        elif i % 3 == 2:
            lines += ["> " + p, "", "[сайт](https://example.kg/news) `код` _курсив_", ""]
        else:
            lines += [p, ""]
    return "\n".join(lines)


def document_xml(paragraphs):
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(
        f'<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{escape(p)}</w:t></w:r></w:p>' for p in paragraphs
    )
    body += "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>тел.</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>+996 312 62 15 19</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{ns}"><w:body>{body}<w:sectPr/></w:body></w:document>'


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)


def docx(paragraphs, compression):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("word/document.xml", document_xml(paragraphs))
    return buffer.getvalue()


def main():
    corpus, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    texts = sorted(corpus.rglob("*.txt"))
    if not texts:
        sys.exit(f"fuzz-seeds: no .txt files under {corpus}")
    for path in texts:
        name = path.stem
        text = path.read_text(encoding="utf-8")
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
        short = paragraphs[:4]
        utf8 = text.encode("utf-8")
        write(out, "txt", name + ".utf8", bytes([SELECT_DETECT]) + utf8)
        write(out, "txt", name + ".bom", bytes([SELECT_DETECT]) + b"\xef\xbb\xbf" + utf8)
        write(out, "txt", name + ".utf16le", bytes([SELECT_DETECT]) + text.encode("utf-16"))
        write(out, "txt", name + ".utf16be", bytes([SELECT_DETECT]) + text.encode("utf-16-be"))
        for codec in ("cp1251", "koi8_r", "cp866"):
            write(out, "txt", f"{name}.{codec}", bytes([SELECT_DETECT]) + text.encode(codec, errors="replace"))
        write(out, "txt", name + ".forced1251", bytes([SELECT_WINDOWS1251]) + text.encode("cp1251", errors="replace"))
        write(out, "md", name + ".md", markdown(paragraphs).encode("utf-8"))
        write(out, "html", name + ".utf8.html", page(paragraphs, "utf-8").encode("utf-8"))
        write(out, "html", name + ".1251.html", page(short, "windows-1251").encode("cp1251", errors="xmlcharrefreplace"))
        write(out, "docx", name + ".docx", docx(short, zipfile.ZIP_DEFLATED))
        write(out, "docx", name + ".stored.docx", docx(short[:2], zipfile.ZIP_STORED))
        write(out, "pipeline", name, utf8)
        for i, p in enumerate(paragraphs):
            write(out, "normalize", f"{name}.{i}", p.encode("utf-8"))
            for j, sentence in enumerate(re.split(r"(?<=[.!?])\s+", p)):
                if re.search(r"\d", sentence):
                    write(out, "dates", f"{name}.{i}.{j}", sentence.encode("utf-8"))
    for i, line in enumerate(DATE_LINES):
        write(out, "dates", f"written.{i}", line.encode("utf-8"))
        write(out, "pipeline", f"written.{i}", line.encode("utf-8"))
    write(out, "normalize", "decomposed", "Кыргызстан й ё ү ө ң, soft\u00adhyphen, zero\u200bwidth, ﬁ ① Ａ".encode("utf-8"))
    write(out, "normalize", "decomposed.nfd", "и\u0306 е\u0308 у\u0308 о\u0308 Бишкек\r\nОш\u00a0шаары".encode("utf-8"))


if __name__ == "__main__":
    main()
