//! Dates in the page's language (`<html lang>`), through the browser's Intl.
//!
//! English keeps the house style ("7 May 2018", "August 2019"); other
//! languages get their own ("7. Mai 2018" in German). A date is shown at its
//! precision either way.

use wasm_bindgen::JsValue;

use crate::story::{PartialDate, Precision};

thread_local! {
    static LANGUAGE: String = page_language();
}

/// `date` at its precision, in the page's language.
pub fn format(date: &PartialDate) -> String {
    LANGUAGE.with(|lang| {
        if lang.is_empty() || lang == "en" || (lang.starts_with("en-") && lang != "en-US") {
            return date.format_en();
        }
        intl(lang, date).unwrap_or_else(|| date.format_en())
    })
}

/// As [`format`], or "undated".
pub fn format_optional(date: Option<&PartialDate>) -> String {
    date.map_or_else(|| crate::story::format_optional_date(None), format)
}

fn page_language() -> String {
    let Some(window) = web_sys::window() else {
        return String::new();
    };
    let from_page = window
        .document()
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty());
    from_page
        .or_else(|| window.navigator().language())
        .unwrap_or_default()
}

fn intl(lang: &str, date: &PartialDate) -> Option<String> {
    let options = js_sys::Object::new();
    let set = |key: &str, value: &str| {
        js_sys::Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value)).is_ok()
    };
    let mut ok = set("timeZone", "UTC") && set("year", "numeric");
    if date.precision() >= Precision::Month {
        ok &= set("month", "long");
    }
    if date.precision() == Precision::Day {
        ok &= set("day", "numeric");
    }
    if !ok {
        return None;
    }
    let month = i32::from(date.month().unwrap_or(1)) - 1;
    let day = i32::from(date.day().unwrap_or(1));
    let ms = js_sys::Date::utc(f64::from(date.year()), f64::from(month))
        + f64::from(day - 1) * 86_400_000.0;
    let when = js_sys::Date::new(&JsValue::from_f64(ms));
    let locales = js_sys::Array::of1(&JsValue::from_str(lang));
    let formatter = js_sys::Intl::DateTimeFormat::new(&locales, &options);
    formatter
        .format()
        .call1(&JsValue::NULL, &when)
        .ok()
        .and_then(|s| s.as_string())
}
