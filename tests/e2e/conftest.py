"""Browser tests: Playwright for Python driving Debian's Chromium against pytest-django's live_server.

Every scenario runs in a fresh browser context (Dutch, as a Ghent coach's browser would be), audits
every page it visits with axe-core at 1280 px (serious and critical violations fail), then at 390 and
320 px: no horizontal scrolling of the page, and no button or link inside a box that scrolls sideways
(a control out of sight on a phone). The accessibility tour also runs axe at 390 px. Each scenario
leaves a screenshot in `artifacts/screenshots/` (a CI artefact, not committed).

Without /usr/bin/chromium the browser tests are skipped with a message saying why; with CI=true a
missing browser is an error, because CI must run them.
"""

import functools
import os
import re
from pathlib import Path

import pytest
from django.urls import reverse

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
IN_CI = os.environ.get("CI", "").lower() == "true"
PHONE_WIDTH = 320
PHONE_WIDTHS = (390, PHONE_WIDTH)
DESKTOP = {"width": 1280, "height": 900}
BLOCKING_IMPACTS = ("serious", "critical")
TIMEOUT_MS = 10_000
# WCAG 2.1 A/AA plus best practices; only violations come back (passes are large and unused).
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}


def _browser_unavailable(reason: str):
    if IN_CI:
        pytest.fail(f"{reason}; CI (CI=true) must run the browser tests, so this is an error.", pytrace=False)
    pytest.skip(f"{reason}; browser tests skipped (apt-get install chromium to run them).")


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per test module; each test gets its own context.

    Playwright's sync API keeps an asyncio event loop in the main thread while it runs, and Django
    would then refuse the test body's ORM calls (factories, assertions) as "async unsafe". They are
    not: the test itself is synchronous. So DJANGO_ALLOW_ASYNC_UNSAFE is set for exactly as long as
    Playwright runs, and the other test modules keep Django's check.
    """
    if not os.access(CHROMIUM, os.X_OK):
        _browser_unavailable(f"Chromium not found at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _browser_unavailable("Playwright for Python is not installed")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@functools.cache
def axe_source() -> str:
    from axe_playwright_python.base import AXE_SCRIPT

    return AXE_SCRIPT


# Every box whose content scrolls sideways (overflow-x auto or scroll, wider content than box) that
# holds a visible button, link or form control: on a phone that control may sit out of sight.
HIDDEN_CONTROLS_JS = """() => Array.from(document.querySelectorAll('body *'))
    .filter((box) => ['auto', 'scroll'].includes(getComputedStyle(box).overflowX)
                     && box.scrollWidth > box.clientWidth + 1)
    .map((box) => {
        const controls = Array.from(box.querySelectorAll('a[href], button, input, select, textarea'))
            .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden');
        if (!controls.length) return null;
        const name = box.tagName.toLowerCase() + (box.id ? '#' + box.id : '')
            + (typeof box.className === 'string' && box.className.trim()
               ? '.' + box.className.trim().split(/\\s+/).join('.') : '');
        const first = controls[0];
        const text = first.innerText || first.value || first.getAttribute('aria-label') || '';
        return name + ' (' + box.scrollWidth + ' px in ' + box.clientWidth + ' px) holds "'
            + text.trim().slice(0, 40) + '"';
    })
    .filter(Boolean)"""


class AccessibilityViolation(AssertionError):
    pass


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"axe found {len(violations)} serious/critical accessibility violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"- [{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"][:5]:
            target = " ".join(str(part) for part in node.get("target", []))
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    at {target}: {summary}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more element(s)")
    return "\n".join(lines)


class Auditor:
    """Checks the page in the browser: axe-core, and no horizontal scroll at 320 px.

    `audit()` is called by the scenarios after every page they reach; at the end of the test the
    fixture fails if the browser showed a page that was never audited.
    """

    def __init__(self, page):
        self.page = page
        self.visited: list[str] = []
        self.audited: set[str] = set()
        # The accessibility tour sets this: axe runs at the phone width too (the stacked layout).
        self.axe_on_phone = False
        page.on("framenavigated", self._on_navigation)

    def _on_navigation(self, frame):
        if frame == self.page.main_frame and frame.url.startswith("http"):
            self.visited.append(frame.url.split("#")[0])

    def _axe(self, url: str, width: int) -> None:
        violations = self.page.evaluate(
            "(options) => axe.run(document, options).then((r) => r.violations)", AXE_OPTIONS
        )
        blocking = [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]
        if blocking:
            raise AccessibilityViolation(format_violations(f"{url} at {width} px", blocking))

    def _fits(self, url: str, width: int) -> None:
        page = self.page
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            wide = page.evaluate(
                """(limit) => Array.from(document.querySelectorAll('body *'))
                    .filter((el) => el.getBoundingClientRect().right > limit + 1)
                    .slice(0, 5)
                    .map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                         + (el.className && typeof el.className === 'string'
                            ? '.' + el.className.trim().split(/\\s+/).join('.') : ''))""",
                width,
            )
            raise AccessibilityViolation(
                f"{url} scrolls sideways at {width} px: the page is {scroll_width} px wide; "
                f"too wide: {', '.join(wide) or '(unknown)'}"
            )
        hidden = page.evaluate(HIDDEN_CONTROLS_JS)
        if hidden:
            raise AccessibilityViolation(
                f"{url} at {width} px puts controls in a box that scrolls sideways: " + "; ".join(hidden[:5])
            )

    def __call__(self) -> None:
        page = self.page
        page.wait_for_load_state("load")
        url = page.url
        self._axe(url, DESKTOP["width"])
        try:
            for width in PHONE_WIDTHS:
                page.set_viewport_size({"width": width, "height": 720})
                if width == PHONE_WIDTHS[0] and self.axe_on_phone:
                    self._axe(url, width)
                self._fits(url, width)
        finally:
            page.set_viewport_size(DESKTOP)
        self.audited.add(url.split("#")[0])

    def unaudited(self) -> list[str]:
        return sorted({url for url in self.visited if url not in self.audited})


@pytest.fixture
def page(browser, live_server, request):
    """A fresh Dutch-speaking browser tab on the live server; screenshot at the end."""
    context = browser.new_context(
        base_url=live_server.url, locale="nl-BE", viewport=DESKTOP, timezone_id="Europe/Brussels"
    )
    context.set_default_timeout(TIMEOUT_MS)
    # axe-core is loaded into every page once, before the page's own scripts (and outside its CSP).
    context.add_init_script(script=axe_source())
    tab = context.new_page()
    errors: list[str] = []
    # A scenario that opens a page it must not see adds the URL here: its 404 is not an error.
    tab.expected_404 = set()

    def on_console(message):
        where = message.location.get("url", "")
        # Django's plain 404 page has no <link rel=icon>, so the browser also asks for /favicon.ico.
        expected = where in tab.expected_404 or (tab.expected_404 and where.endswith("/favicon.ico"))
        if message.type == "error" and not ("404" in message.text and expected):
            errors.append(f"{message.text} ({where})")

    tab.on("console", on_console)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.auditor = Auditor(tab)
    yield tab
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
    try:
        tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    finally:
        unaudited = tab.auditor.unaudited()
        context.close()
    report = getattr(request.node, "rep_call", None)
    failed = report is not None and (report.failed or hasattr(report, "wasxfail"))
    if not failed:
        assert not errors, "The browser reported errors (JavaScript, CSP, missing files):\n" + "\n".join(errors)
        assert not unaudited, "Pages shown but never audited for accessibility:\n" + "\n".join(unaudited)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.rep_call = report
    return report


@pytest.fixture
def audit(page):
    """Call `audit()` after every page a scenario reaches."""
    return page.auditor


@pytest.fixture
def url(live_server):
    """`url("app:name", pk)` → an absolute URL on the live server."""

    def build(name: str, *args, **kwargs) -> str:
        return live_server.url + reverse(name, args=args or None, kwargs=kwargs or None)

    return build


@pytest.fixture
def log_in(page, url, audit):
    """Log in through the login form as a person would (e-mail and password), in Dutch."""

    def do(user, password: str = "correct horse battery staple"):
        page.goto(url("login"))
        audit()
        page.get_by_label("E-mailadres").fill(user.email)
        page.get_by_label("Wachtwoord").fill(password)
        with page.expect_navigation():
            page.get_by_role("button", name="Inloggen").click()
        audit()

    return do


@pytest.fixture
def visit(page, audit):
    """Open a URL and audit the page it shows."""

    def do(address: str):
        page.goto(address)
        audit()

    return do


@pytest.fixture
def follow(page, audit):
    """Click a link or button that loads a new page, wait for it, and audit it."""

    def do(locator):
        with page.expect_navigation():
            locator.click()
        audit()

    return do
