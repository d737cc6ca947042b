"""Drives `jarya serve`'s page in headless Chromium (Debian's chromium and chromium-driver,
nothing downloaded): paste a Kyrgyz release and check the highlights, hovers and event card;
teach an unknown organization and see it found; upload a .docx; paste a hostile text and
check that no script ran; switch the page's language.

Usage: test_page.py BASE_URL WORK_DIR [--screenshot PATH]
"""
import os
import sys
import zipfile
from xml.sax.saxutils import escape

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

HERE = os.path.dirname(os.path.abspath(__file__))
BASE, WORK = sys.argv[1], sys.argv[2]
SCREENSHOT = sys.argv[sys.argv.index("--screenshot") + 1] if "--screenshot" in sys.argv else None


def read(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return f.read()


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1100", "--lang=ky"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def wait(driver, css):
    return WebDriverWait(driver, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, css)))


def paste_and_process(driver, text):
    driver.get(BASE + "/")
    area = wait(driver, "#paste")
    # The whole text at once, as a paste puts it (send_keys would type it key by key).
    driver.execute_script("arguments[0].value = arguments[1];", area, text)
    driver.find_element(By.ID, "process").click()
    return wait(driver, "#doc-text, #doc-error")


def marks(driver, kind):
    return [m for m in driver.find_elements(By.CSS_SELECTOR, "#doc-text mark") if m.get_attribute("data-type") == kind]


def field(driver, name):
    return driver.find_element(By.CSS_SELECTOR, f'#event-card dd[data-field="{name}"]').text


def test_seed_release(driver):
    driver.get(BASE + "/")
    wait(driver, "#process")
    assert driver.find_element(By.ID, "process").text == "Иштетүү", "Kyrgyz labels by default"
    paste_and_process(driver, read("ky-release.txt"))
    organizations = [m.text for m in marks(driver, "organization")]
    for name in ("Кыргыз Республикасынын Санариптик өнүктүрүү министрлиги", "Бишкек шаарынын мэриясы",
                 "Бириккен Улуттар Уюмунун Өнүктүрүү Программасы", "ПРООН"):
        assert name in organizations, (name, organizations)
    dates = {m.text: m.get_attribute("title") for m in marks(driver, "date")}
    assert dates.get("2025-жылдын 12-13-март күндөрү") == "date: 2025-03-12 … 2025-03-13", dates
    assert dates.get("10-марттан тартып", "").startswith("date: 2025-03-10"), dates
    phone = marks(driver, "phone")[0]
    assert phone.get_attribute("title") == "phone: +996555123456"
    assert field(driver, "dates") == "2025-03-12 … 2025-03-13"
    assert "Бишкек шаарынын мэриясы" in field(driver, "organizers")
    assert field(driver, "places") == "Bishkek"
    assert field(driver, "published") == "2025-03-03"
    legend = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#legend mark")]
    assert legend == ["Дата", "Жер", "Уюм", "Адам", "Байланыш"], legend
    if SCREENSHOT:
        driver.save_screenshot(SCREENSHOT)


def test_teach_organization(driver):
    paste_and_process(driver, read("ru-release.txt"))
    assert "Тундук Техно" not in [m.text for m in marks(driver, "organization")]
    # Select the name in the text as a person would; the page's script fills the form.
    driver.execute_script("""
        const text = document.getElementById('doc-text');
        const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode())) {
            const at = node.data.indexOf('Тундук Техно');
            if (at >= 0) {
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + 'Тундук Техно'.length);
                const selection = window.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);
                break;
            }
        }
        text.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
    """)
    assert driver.find_element(By.ID, "teach-text").get_attribute("value") == "Тундук Техно"
    driver.find_element(By.ID, "teach-kind-organization").click()
    driver.find_element(By.ID, "teach-name").send_keys("Тундук Техно")
    driver.find_element(By.ID, "teach-acronym").send_keys("ТТ")
    driver.execute_script("document.querySelector('select[name=orgKind]').value = 'company';")
    driver.find_element(By.ID, "teach-add").click()
    wait(driver, "#notice")
    found = [m for m in marks(driver, "organization") if m.text == "Тундук Техно"]
    assert found, [m.text for m in marks(driver, "organization")]
    assert found[0].get_attribute("title") == "organization: Тундук Техно (ТТ)"
    assert driver.find_elements(By.CSS_SELECTOR, "#changes button.undo")
    with open(os.path.join(WORK, "glossaries", "organizations.tsv"), encoding="utf-8") as f:
        assert "\tТундук Техно\t" in f.read()


def make_docx(path, text):
    paragraphs = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(line)}</w:t></w:r></w:p>" for line in text.split("\n"))
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
                   'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("word/document.xml", '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                   f"<w:body>{paragraphs}</w:body></w:document>")


def test_upload_docx(driver):
    path = os.path.join(WORK, "release.docx")
    make_docx(path, read("ky-release.txt"))
    driver.get(BASE + "/?lang=en")
    wait(driver, "#files").send_keys(path)
    driver.find_element(By.ID, "process").click()
    wait(driver, "#doc-text")
    assert driver.find_element(By.ID, "doc-path").text == "release.docx"
    assert field(driver, "dates") == "2025-03-12 … 2025-03-13"
    assert driver.find_element(By.ID, "download-ics").get_attribute("href").startswith(BASE + "/ics/")


def test_hostile_text(driver):
    hostile = ("Бишкек, 3-март 2025-жыл.\n<script>window.__pwned = 1</script>\n"
               "\"><img src=x onerror=\"window.__pwned = 2\"> <b onmouseover=\"window.__pwned = 3\">Ош</b>")
    paste_and_process(driver, hostile)
    text = driver.find_element(By.ID, "doc-text").text
    assert "<script>window.__pwned = 1</script>" in text, text
    assert driver.execute_script("return window.__pwned === undefined")
    assert not driver.find_elements(By.CSS_SELECTOR, "#doc-text img, #doc-text script, #doc-text b")


def test_language_switch(driver):
    driver.get(BASE + "/")
    wait(driver, "#lang-ru").click()
    assert wait(driver, "#process").text == "Обработать"
    driver.find_element(By.ID, "lang-en").click()
    assert wait(driver, "#process").text == "Process"


def main():
    driver = browser()
    passed = failed = 0
    try:
        for test in (test_seed_release, test_teach_organization, test_upload_docx, test_hostile_text, test_language_switch):
            try:
                test(driver)
                passed += 1
                print(f"ok     {test.__name__}")
            except Exception as error:  # one failing check must not hide the others
                failed += 1
                print(f"FAILED {test.__name__}: {type(error).__name__}: {error}")
    finally:
        driver.quit()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
