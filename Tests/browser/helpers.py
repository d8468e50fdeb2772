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
        for card in all_css(d, f"{list_selector} > li"):
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
