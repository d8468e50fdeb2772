"""Small waiting and typing helpers shared by the browser tests."""
import time

from selenium.common.exceptions import StaleElementReferenceException, NoSuchElementException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

TIMEOUT = 10


def wait(driver, condition, timeout=TIMEOUT, message=""):
    return WebDriverWait(driver, timeout, poll_frequency=0.05,
                         ignored_exceptions=(StaleElementReferenceException, NoSuchElementException)).until(
        lambda d: condition(d), message)


def css(driver, selector):
    return driver.find_element(By.CSS_SELECTOR, selector)


def all_css(driver, selector):
    return driver.find_elements(By.CSS_SELECTOR, selector)


def visible(driver, selector, timeout=TIMEOUT):
    return wait(driver, lambda d: css(d, selector) if css(d, selector).is_displayed() else False, timeout,
                f"{selector} not visible")


def text_is(driver, selector, expected, timeout=TIMEOUT):
    wait(driver, lambda d: css(d, selector).text.strip() == expected, timeout,
         f"{selector} text is not {expected!r}")


def text_has(driver, selector, expected, timeout=TIMEOUT):
    wait(driver, lambda d: expected in css(d, selector).text, timeout, f"{selector} does not contain {expected!r}")


def type_into(driver, selector, text, clear=True):
    field = css(driver, selector)
    if clear:
        field.clear()
    field.send_keys(text)
    return field


def card_with_title(driver, title, list_selector="#proposals"):
    """The participant card whose title is exactly `title`, waiting for it to appear."""
    def find(d):
        # Group headings ("these need your eyes", "the rest") are list items too, with no title.
        for card in all_css(d, f"{list_selector} > li:not(.group-heading)"):
            if card.find_element(By.CSS_SELECTOR, ".card-title").text == title:
                return card
        return False
    return wait(driver, find, message=f"no card titled {title!r}")


def no_horizontal_scroll(driver):
    return driver.execute_script(
        "return document.documentElement.scrollWidth <= document.documentElement.clientWidth + 0.5")


def timed(fn):
    start = time.monotonic()
    fn()
    return time.monotonic() - start


def click(driver, element):
    """Scrolls the element to the middle of the viewport (clear of sticky bars) and clicks it."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


CONTRAST_JS = r"""
function rgba(text) {
  const m = text.match(/rgba?\(([^)]+)\)/);
  if (!m) return [0, 0, 0, 0];
  const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
}
function lum([r, g, b]) {
  const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
function background(node) {
  for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
    const c = rgba(getComputedStyle(n).backgroundColor);
    if (c[3] > 0.5) return c;
  }
  return [255, 255, 255, 1];
}
const failures = [];
for (const node of document.querySelectorAll('body *')) {
  if (node.closest('svg, [hidden], [disabled], .sr-only, dialog:not([open])')) continue;
  const own = [...node.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim());
  if (!own) continue;
  const rect = node.getBoundingClientRect();
  const style = getComputedStyle(node);
  if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden' || Number(style.opacity) < 1) continue;
  const fg = rgba(style.color), bg = background(node);
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  const ratio = (a + 0.05) / (b + 0.05);
  const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
  const needed = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
  if (ratio < needed) failures.push(`${node.tagName.toLowerCase()}.${node.className} "${node.textContent.trim().slice(0, 30)}" ${ratio.toFixed(2)}`);
}
return failures;
"""


def low_contrast(driver):
    """Text elements whose colour on their background is below WCAG AA (4.5:1, or 3:1 for large text)."""
    return driver.execute_script(CONTRAST_JS)


def press(driver, selector, timeout=TIMEOUT):
    """Finds and clicks `selector`, finding it again if the page re-rendered it in between."""
    def attempt(d):
        try:
            click(d, css(d, selector))
            return True
        except StaleElementReferenceException:
            return False
    wait(driver, attempt, timeout, f"could not click {selector}")
