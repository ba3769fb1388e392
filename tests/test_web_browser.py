"""The web app in a real headless Chromium (Debian's chromium + chromium-driver), driven by Selenium.

`make test` installs Chromium when it is missing (`make browser-deps`); these tests skip only when it still is not
there. The app runs in uvicorn on a free loopback port, in a thread of this process, with a temporary store.
"""

from __future__ import annotations

import base64
import shutil
import socket
import struct
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from storyline.models import Brief
from storyline.web import WebSettings, create_app
from tests.web_support import SEEDS, XSS_ARTICLE, XSS_ARTICLE_2, XSS_IMG, XSS_SCRIPT

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (requirements-dev.txt)")
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions  # noqa: E402
from selenium.webdriver.support.wait import WebDriverWait  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.issue(6)]

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
WAIT_S = 60  # the first brief of the session loads spaCy


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a free 127.0.0.1 port; yields its base URL."""
    settings = WebSettings(db=tmp_path_factory.mktemp("web") / "briefs.sqlite3")
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))  # the OS picks a free port, and the socket holds it: no race with other tests
    server = uvicorn.Server(uvicorn.Config(create_app(settings), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.started, "uvicorn did not start within 20 s"
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip(
            "Chromium is not installed and `make browser-deps` could not install it "
            "(apt-get install chromium chromium-driver)"
        )
    profile = tempfile.mkdtemp(prefix="storyline-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1600",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=webdriver.ChromeService(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _paste(driver: webdriver.Chrome, texts: list[str]) -> None:
    """Fill the article boxes as a paste would (typing thousands of words key by key takes minutes)."""
    boxes = driver.find_elements(By.CSS_SELECTOR, "textarea[name=article]")
    for box, text in zip(boxes, texts, strict=False):
        driver.execute_script(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))", box, text
        )


def _submit_and_wait(driver: webdriver.Chrome) -> str:
    driver.find_element(By.ID, "submit").click()
    WebDriverWait(driver, WAIT_S).until(expected_conditions.url_matches(r"/briefs/[a-z0-9]{10}$"))
    return driver.current_url.rsplit("/", 1)[1]


def _full_page_screenshot(driver: webdriver.Chrome, path: Path) -> None:
    """The whole page, not only the window, with the hover state kept (Chrome DevTools' own capture)."""
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    path.write_bytes(base64.b64decode(shot["data"]))


def _assert_png(path: Path) -> None:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk
    assert width >= 1000 and height >= 1000
    assert len(data) > 50_000  # a blank page compresses to a few KB


def test_web_browser_paste_brief_hover_and_open_article(
    browser: webdriver.Chrome, server: str, seed_text: dict[str, str], tmp_path: Path
) -> None:
    browser.get(server + "/")
    browser.find_element(By.ID, "add-box").click()
    assert len(browser.find_elements(By.CSS_SELECTOR, "textarea[name=article]")) == 4
    _paste(browser, [seed_text[name] for name in SEEDS])
    brief_id = _submit_and_wait(browser)
    brief = Brief.model_validate(httpx.get(f"{server}/api/briefs/{brief_id}").json()["brief"])
    assert browser.find_element(By.TAG_NAME, "h1").text == brief.story.title
    assert len(browser.find_elements(By.CSS_SELECTOR, "ol.summary > li")) == len(brief.summary)

    first = brief.summary[0].source
    passage = brief.article(first.article).body[first.start : first.end]
    marker = browser.find_element(By.CSS_SELECTOR, "#s1 a.cite")
    tip = browser.find_element(By.ID, marker.get_attribute("aria-describedby"))
    assert not tip.is_displayed()
    ActionChains(browser).move_to_element(marker).perform()
    WebDriverWait(browser, 5).until(lambda _: tip.is_displayed())
    assert tip.find_element(By.CLASS_NAME, "tip-text").text == " ".join(passage.split())
    screenshot = tmp_path / "brief.png"
    _full_page_screenshot(browser, screenshot)
    _assert_png(screenshot)

    ActionChains(browser).move_by_offset(0, 400).perform()  # away: hover no longer holds the tooltip open
    browser.execute_script("arguments[0].focus()", marker)
    WebDriverWait(browser, 5).until(lambda _: tip.is_displayed())

    marker.click()
    WebDriverWait(browser, 10).until(expected_conditions.url_contains(f"/articles/{first.article}"))
    mark = browser.find_element(By.ID, "passage")
    assert mark.text == " ".join(passage.split())
    assert mark.value_of_css_property("background-color") == "rgba(255, 212, 59, 1)"
    top = browser.execute_script("return arguments[0].getBoundingClientRect().top", mark)
    assert 0 <= top < browser.execute_script("return window.innerHeight")


def test_web_browser_article_payloads_do_not_run(browser: webdriver.Chrome, server: str) -> None:
    browser.get(server + "/")
    _paste(browser, [XSS_ARTICLE, XSS_ARTICLE_2])
    brief_id = _submit_and_wait(browser)
    pages = [f"/briefs/{brief_id}", f"/briefs/{brief_id}/articles/a1", f"/briefs/{brief_id}/articles/a2", "/briefs"]
    for page in pages:
        browser.get(server + page)
        with pytest.raises(NoAlertPresentException):
            browser.switch_to.alert.text  # noqa: B018 (reading it is how Selenium asks for an open alert)
        assert browser.execute_script("return window.__xss") is None
        assert browser.find_elements(By.TAG_NAME, "img") == []
        scripts = [s.get_attribute("src") for s in browser.find_elements(By.TAG_NAME, "script")]
        assert scripts == [f"{server}/static/app.js"]
    browser.get(f"{server}/briefs/{brief_id}/articles/a1")
    body = browser.find_element(By.CLASS_NAME, "body").text
    assert XSS_SCRIPT in body and XSS_IMG in body  # shown as text, exactly as written
