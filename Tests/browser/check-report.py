#!/usr/bin/env python3
"""Checks a stmt report in a real browser: headless Chromium driven by chromium-driver through
Selenium, loading the page from a file with the network off.

usage: check-report.py PAGE.html --highlights N --screenshot OUT.png
                       [--card-text TEXT] [--filter WORD --filter-rows N] [--hostile]

Prints one JSON object (what it saw) and exits 0 when every check held, 1 otherwise.
"""
import argparse
import json
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("page")
    ap.add_argument("--highlights", type=int, required=True)
    ap.add_argument("--screenshot", required=True)
    ap.add_argument("--card-text", default=None)
    ap.add_argument("--filter", default=None)
    ap.add_argument("--filter-rows", type=int, default=None)
    ap.add_argument("--hostile", action="store_true", help="the model holds <script> strings that must not run")
    args = ap.parse_args()

    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,1000",
                 # No network: every host resolves to nothing and any proxy use fails.
                 "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    seen, problems = {}, []

    def check(ok, what):
        if not ok:
            problems.append(what)

    try:
        driver.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
        driver.get("file://" + args.page)
        # What the page tried to load beyond itself (a self-contained page loads nothing).
        seen["resources"] = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        check(seen["resources"] == [], f"the page loaded resources: {seen['resources']}")

        firsts = driver.find_elements(By.CSS_SELECTOR, "mark.hl:not(.cont)")
        seen["highlights"] = len(firsts)
        check(len(firsts) == args.highlights, f"{len(firsts)} highlights, expected {args.highlights}")
        focusable = driver.find_elements(By.CSS_SELECTOR, "mark.hl[tabindex='0']")
        check(len(focusable) == len(firsts), "every highlight's first piece is focusable, and only it")

        popup = driver.find_element(By.ID, "popup")
        check(not popup.is_displayed(), "no card shows before anything is chosen")

        # Keyboard: Tab from the top until a highlight has the focus; its card shows.
        body = driver.find_element(By.TAG_NAME, "body")
        body.send_keys(Keys.TAB)
        for _ in range(40):
            if driver.execute_script("return document.activeElement.matches('mark.hl')"):
                break
            driver.switch_to.active_element.send_keys(Keys.TAB)
        seen["focused"] = driver.execute_script("return document.activeElement.outerHTML.slice(0, 120)")
        check(driver.execute_script("return document.activeElement.matches('mark.hl')"), "Tab reaches a highlight")
        check(popup.is_displayed(), "focusing a highlight shows its card")
        seen["focus_card"] = popup.text
        driver.switch_to.active_element.send_keys(Keys.ESCAPE)
        check(not popup.is_displayed(), "Escape closes the card")

        # Mouse: clicking a statement highlight pins its card.
        statement = driver.find_element(By.CSS_SELECTOR, "mark.st:not(.cont)")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", statement)
        statement.click()
        check(popup.is_displayed(), "clicking a highlight shows its card")
        seen["click_card"] = popup.text
        if args.card_text is not None:
            check(args.card_text in popup.text, f"the card shows {args.card_text!r}: {popup.text!r}")
        for term in ["speaker", "content"]:
            check(term in popup.text, f"the card has a {term} line")

        # The statements table sorts and filters.
        rows = driver.find_elements(By.CSS_SELECTOR, "#statements-table tbody tr")
        seen["rows"] = len(rows)
        header = driver.find_element(By.CSS_SELECTOR, "#statements-table th:nth-child(1) button")
        header.click()
        ids = driver.execute_script("return [...document.querySelectorAll('#statements-table tbody tr td:first-child')].map(c => c.textContent)")
        check(ids == sorted(ids), f"sorting by id orders the rows: {ids}")
        header.click()
        ids = driver.execute_script("return [...document.querySelectorAll('#statements-table tbody tr td:first-child')].map(c => c.textContent)")
        check(ids == sorted(ids, reverse=True), "a second click reverses the order")
        if args.filter is not None:
            box = driver.find_element(By.CSS_SELECTOR, "input[data-filter='statements-table']")
            box.send_keys(args.filter)
            shown = driver.execute_script("return [...document.querySelectorAll('#statements-table tbody tr')].filter(r => !r.hidden).length")
            seen["filtered_rows"] = shown
            check(shown == args.filter_rows, f"filtering by {args.filter!r} shows {shown} rows, expected {args.filter_rows}")
            box.clear()
            box.send_keys(" ")
            box.send_keys(Keys.BACKSPACE)

        if args.hostile:
            ran = driver.execute_script("return typeof window.__stmtInjected !== 'undefined'")
            seen["injected_script_ran"] = ran
            check(not ran, "a <script> in the model ran")
            check(len(driver.find_elements(By.CSS_SELECTOR, "script")) == 1, "the page has only its own script element")
            check(len(driver.find_elements(By.CSS_SELECTOR, "img")) == 0, "no element from the model became markup")
            text = driver.find_element(By.TAG_NAME, "body").text
            check("<script>" in text, "the model's <script> shows as text")

        logs = [entry for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]
        seen["console_errors"] = [entry.get("message", "") for entry in logs]
        check(logs == [], f"console errors: {seen['console_errors']}")

        driver.save_screenshot(args.screenshot)
        seen["screenshot"] = args.screenshot
    finally:
        driver.quit()
    seen["problems"] = problems
    print(json.dumps(seen, indent=2))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
