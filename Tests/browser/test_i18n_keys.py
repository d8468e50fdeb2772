"""The string tables: Italian and English have the same keys and placeholders, and every key the
pages use exists. No browser or server needed."""
import json
import re
from pathlib import Path

WEB = Path(__file__).resolve().parents[2] / "web"


def table(lang):
    return json.loads((WEB / "i18n" / f"{lang}.json").read_text(encoding="utf-8"))


def test_italian_and_english_have_exactly_the_same_keys():
    it, en = table("it"), table("en")
    assert sorted(set(en) - set(it)) == [], "keys missing in it.json"
    assert sorted(set(it) - set(en)) == [], "keys missing in en.json"


def test_no_string_is_empty_and_placeholders_match():
    it, en = table("it"), table("en")
    for key in en:
        assert en[key].strip() and it[key].strip(), key
        assert set(re.findall(r"\{(\w+)\}", en[key])) == set(re.findall(r"\{(\w+)\}", it[key])), key


def test_every_key_the_pages_use_exists_in_the_tables():
    keys = set(table("en"))
    used = set()
    for path in (WEB / "js").glob("*.js"):
        source = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"\bt\('([\w.-]+)'", source))
        used |= {f"{k}.other" for k in re.findall(r"\btp\('([\w.-]+)'", source)}
    for path in WEB.glob("*.html"):
        source = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'data-i18n="([^"]+)"', source))
        for attrs in re.findall(r'data-i18n-attr="([^"]+)"', source):
            used |= {pair.split(":")[1].strip() for pair in attrs.split(";")}
    # Keys built at run time from API values the contract fixes (docs/api.md).
    for phase in ("draft", "collecting", "voting", "closed"):
        used |= {f"phase.{phase}", f"phase.action.{phase}", f"phase.confirm.{phase}"}
    for code in ("phase", "budget", "cap", "locked", "self_support", "deadline", "origin", "rate_limit",
                 "network", "offline", "credentials", "unknown_proposal", "rating", "weights"):
        used.add(f"error.{code}")
    for state in ("connecting", "live", "reconnecting"):
        used.add(f"live.{state}")
    for state in ("idle", "pending", "saving", "saved", "error"):
        used.add(f"vote.{state}")
    for fmt in ("csv", "csv-excel", "json", "html"):
        used.add(f"export.{fmt}")
    assert sorted(used - keys) == []


def test_pages_have_no_inline_scripts_styles_or_handlers():
    for path in WEB.glob("*.html"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", source), f"inline script in {path.name}"
        assert not re.search(r"\sstyle=", source), f"style attribute in {path.name}"
        assert not re.search(r"<style", source), f"style element in {path.name}"
        assert not re.search(r"\son[a-z]+=", source), f"inline handler in {path.name}"


def test_scripts_never_write_html():
    for path in (WEB / "js").glob("*.js"):
        source = path.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            assert sink not in source, f"{sink} in {path.name}"


def test_the_limit_and_quota_errors_speak_both_languages():
    # Codes the server sends when a text or a participant's quota is over its limit (docs/security.md).
    codes = ("combining_marks", "proposal_quota", "proposal_cap", "buildon_quota", "edit_rate")
    for lang in ("it", "en"):
        strings = table(lang)
        assert [code for code in codes if f"error.{code}" not in strings] == [], lang
    assert "{seconds}" in table("it")["error.edit_rate"]
