"""End to end in headless Chromium: a person reads stories, searches, follows a quote to its
sentence, opens report.html, and no script from an article ever runs.

The server is a real uvicorn on 127.0.0.1 (a free port) over the examples database.
Screenshots of every page land in test-output/screenshots/.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
import uvicorn

from marsad.web.app import create_app
from tests.web.conftest import XSS_ID

selenium = pytest.importorskip("selenium", reason="pip install -e '.[test]' for browser tests")
from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
# Runs before any page script, whatever the CSP: records every dialog and script a page runs.
WATCH = """
window.__marsad_calls = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = (...args) => { window.__marsad_calls.push([name, String(args[0])]); };
}
"""


@pytest.fixture(scope="session")
def chromium() -> tuple[Path, Path]:
    """Chromium and its driver, installed with apt-get when missing (CI runs as root)."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        if shutil.which("apt-get") is None:
            pytest.fail("Chromium is missing and apt-get is not available: install chromium and "
                        "chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)")
        try:
            subprocess.run("apt-get update && apt-get install -y chromium chromium-driver",
                           shell=True, check=True, timeout=900, capture_output=True)
        except (subprocess.SubprocessError, OSError) as error:
            pytest.fail(f"cannot install Chromium with apt-get ({error}); install chromium and "
                        "chromium-driver as root, then run the tests again")
        if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
            pytest.fail("apt-get ran but /usr/bin/chromium or /usr/bin/chromedriver is missing")
    return CHROMIUM, CHROMEDRIVER


@pytest.fixture(scope="session")
def server(web_db: Path, settings) -> Iterator[str]:
    """A real uvicorn server on a free loopback port, in a background thread."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(web_db, settings), log_level="warning", lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="session")
def browser(chromium: tuple[Path, Path], tmp_path_factory) -> Iterator[webdriver.Chrome]:
    binary, driver_path = chromium
    options = webdriver.ChromeOptions()
    options.binary_location = str(binary)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--window-size=1280,900", "--lang=ar",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=Service(str(driver_path)))
    driver.set_page_load_timeout(30)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH})
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def shot(driver: webdriver.Chrome, name: str) -> None:
    driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))


def nothing_ran(driver: webdriver.Chrome) -> None:
    """No dialog open, none called, no <script> element in the page."""
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert  # noqa: B018
    assert driver.execute_script("return window.__marsad_calls") == []
    assert driver.execute_script("return document.scripts.length") == 0


def wait(driver: webdriver.Chrome):
    return WebDriverWait(driver, 10)


def test_browser_story_list_to_story(browser, server, shaafa_story, analysis) -> None:
    browser.get(server + "/")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.stories tbody tr")
    assert len(rows) == len(analysis["stories"])
    shot(browser, "01-stories")
    browser.find_element(By.LINK_TEXT, shaafa_story["title"]).click()
    title = wait(browser).until(ec.visibility_of_element_located((By.CSS_SELECTOR, ".story-title")))
    assert title.text == shaafa_story["title"]
    summary = browser.find_elements(By.CSS_SELECTOR, "ol.summary li")
    assert len(summary) == len(shaafa_story["summary"]) > 0
    assert all(li.is_displayed() for li in summary)
    assert shaafa_story["summary"][0]["text"][:30] in summary[0].text
    quotes = browser.find_elements(By.CSS_SELECTOR, "table.quotes tbody tr")
    assert quotes and quotes[0].is_displayed()
    assert browser.find_elements(By.CSS_SELECTOR, "a.chip")
    assert browser.execute_script("return getComputedStyle(document.body).direction") == "rtl"
    shot(browser, "02-story")
    nothing_ran(browser)


def _search(browser, server: str, words: str) -> list[str]:
    browser.get(server + "/")
    box = browser.find_element(By.NAME, "q")
    box.clear()
    box.send_keys(words)
    box.submit()
    wait(browser).until(ec.presence_of_element_located((By.ID, "result-count")))
    return [h.get_attribute("data-doc") for h in browser.find_elements(By.CSS_SELECTOR, ".hit")]


def test_browser_search_finds_a_place_with_or_without_clitics(browser, server) -> None:
    with_clitic = _search(browser, server, "بالشعفة")
    marks = browser.find_elements(By.CSS_SELECTOR, ".snippet mark")
    assert marks and all(m.is_displayed() for m in marks[:3])
    shot(browser, "03-search-clitic")
    bare = _search(browser, server, "الشعفة")
    shot(browser, "04-search")
    assert len(bare) >= 4 and with_clitic == bare
    assert _search(browser, server, "شعفة") == bare


def test_browser_quote_link_lands_on_its_words(browser, server, shaafa_story, analysis) -> None:
    browser.get(server + f"/stories/{quote(shaafa_story['id'], safe='')}")
    links = browser.find_elements(By.CSS_SELECTOR, "a.quote-link")
    link = links[len(links) // 2]  # one far down a document, so the page must scroll
    target = urlsplit(link.get_attribute("href"))
    doc_id, start = target.path.rsplit("/", 1)[1], int(target.fragment.split("-")[1])
    quote_ = next(q for q in analysis["quotes"] if q["start"] == start
                  and quote(q["doc"], safe="") == doc_id)
    browser.execute_script("arguments[0].scrollIntoView()", link)
    link.click()
    anchor = wait(browser).until(ec.presence_of_element_located((By.ID, target.fragment)))
    words = anchor.find_element(By.XPATH, "following-sibling::span[1]")
    assert "quote" in words.get_attribute("class").split()
    assert quote_["text"].startswith(words.text.strip()[:10])
    box = browser.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return [r.top, r.bottom, window.innerHeight, window.scrollY];", words)
    top, bottom, height, scrolled = box
    assert 0 <= top < height and bottom > 0, box
    assert scrolled > 0
    assert browser.execute_script(
        "return getComputedStyle(arguments[0]).backgroundColor", words) == "rgb(255, 224, 138)"
    shot(browser, "05-document-quote")
    nothing_ran(browser)


def test_browser_entity_page(browser, server, shaafa_story, analysis) -> None:
    entity = next(e for e in analysis["entities"] if e["id"] == shaafa_story["entities"][0]["id"])
    browser.get(server + f"/entities/{quote(entity['id'], safe='')}")
    assert browser.find_element(By.CSS_SELECTOR, ".entity-name").text.startswith(entity["name"])
    marks = browser.find_elements(By.CSS_SELECTOR, "p.ctx mark")
    assert len(marks) == len(entity["mentions"])
    assert {m.text for m in marks} == {m["text"] for m in entity["mentions"]}
    shot(browser, "06-entity")


def test_browser_report_file_renders(browser, report_html: Path) -> None:
    browser.get(report_html.as_uri())
    assert "مرصد" in browser.find_element(By.TAG_NAME, "h1").text
    for section in ("stories", "documents", "entities", "texts"):
        element = browser.find_element(By.ID, section)
        assert element.is_displayed() and element.find_element(By.TAG_NAME, "h2").text
    assert browser.find_elements(By.CSS_SELECTOR, "#stories article.story")
    shot(browser, "07-report")
    nothing_ran(browser)


def test_browser_xss_document_runs_nothing(browser, server) -> None:
    for path in ("/", f"/documents/{quote(XSS_ID, safe='')}", "/search?q=الحديدة"):
        browser.get(server + path)
        nothing_ran(browser)
        assert not browser.find_elements(By.CSS_SELECTOR, "img, svg, iframe, textarea")
    body = browser.find_element(By.TAG_NAME, "body").text
    assert "<script>alert(1)</script>" in body or "الحديدة" in body
    browser.get(server + f"/documents/{quote(XSS_ID, safe='')}")
    assert "<img src=x onerror=alert(2)>" in browser.find_element(By.CSS_SELECTOR, ".text").text
    shot(browser, "08-xss-document")
