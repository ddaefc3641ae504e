//! The reader's language for one widget: its words (a [`Catalog`]) and its
//! dates, through the browser's Intl. Provided by `StoryMap` as context.
//!
//! English keeps the house style ("7 May 2018", "August 2019"); other
//! languages get their own ("7. Mai 2018", "7 мая 2018 г."). A date is shown
//! at its precision either way.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::i18n::{fill, Catalog};
use crate::load::LoadError;
use crate::story::{Event, PartialDate, Precision};
use crate::timeline::MONTHS_SHORT_EN;

/// One widget's language.
#[derive(Debug, Clone)]
pub struct Locale {
    /// The widget's words.
    pub words: &'static Catalog,
    /// The tag dates are formatted for (as the page gives it, e.g. `de-CH`).
    tag: Arc<str>,
    /// Short month names for the timeline's ticks, January first.
    months: Arc<[String; 12]>,
}

impl Locale {
    /// The language of a BCP 47 `tag`: its catalogue (English if Dateline
    /// has none) and dates in that language.
    pub fn for_tag(tag: &str) -> Locale {
        let tag = tag.trim();
        let english = tag.is_empty() || tag == "en" || (tag.starts_with("en-") && tag != "en-US");
        let months = std::array::from_fn(|m| {
            if english {
                MONTHS_SHORT_EN[m].to_string()
            } else {
                intl_month(tag, m).unwrap_or_else(|| MONTHS_SHORT_EN[m].to_string())
            }
        });
        Locale {
            words: Catalog::for_tag(tag),
            tag: tag.into(),
            months: Arc::new(months),
        }
    }

    /// The page's language: `<html lang>`, else the browser's.
    pub fn from_page() -> Locale {
        Locale::for_tag(&page_language())
    }

    /// Whether the widget is laid out right to left.
    pub fn rtl(&self) -> bool {
        self.words.rtl
    }

    /// The short month names, for the timeline's ticks.
    pub fn months(&self) -> [&str; 12] {
        std::array::from_fn(|m| self.months[m].as_str())
    }

    /// `date` at its precision.
    pub fn date(&self, date: &PartialDate) -> String {
        let tag = &*self.tag;
        if tag.is_empty() || tag == "en" || (tag.starts_with("en-") && tag != "en-US") {
            return date.format_en();
        }
        intl_date(tag, date).unwrap_or_else(|| date.format_en())
    }

    /// When `event` happened, as the reader sees it: its date, else how its
    /// file wrote the date ("Spring 1845"), else "undated".
    pub fn when(&self, event: &Event) -> String {
        match (&event.date, &event.date_text) {
            (Some(date), _) => self.date(date),
            (None, Some(text)) => text.clone(),
            (None, None) => self.words.undated.to_string(),
        }
    }

    /// What a widget says when its story cannot be shown (each problem with
    /// the story stays as the story's author reads it, in English).
    pub fn load_error(&self, error: &LoadError) -> String {
        let w = self.words;
        match error {
            LoadError::Network { url, reason } => {
                fill(w.network_error, &[("url", url), ("reason", reason)])
            }
            LoadError::Http {
                url,
                status,
                status_text,
            } => {
                let status = format!("{status} {status_text}");
                fill(w.http_error, &[("url", url), ("status", status.trim())])
            }
            LoadError::Unreadable { reason } => fill(w.unreadable, &[("reason", reason)]),
            LoadError::Importer { origin, reason } => {
                fill(w.importer_error, &[("origin", origin), ("reason", reason)])
            }
            LoadError::Invalid { origin, errors } => fill(
                &w.count(&w.cannot_show, errors.len() as u64),
                &[("origin", origin)],
            ),
        }
    }
}

/// The widget's language, from the component above; the page's when used alone.
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_else(Locale::from_page)
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

fn intl_date(tag: &str, date: &PartialDate) -> Option<String> {
    let mut fields = vec![("year", "numeric")];
    if date.precision() >= Precision::Month {
        fields.push(("month", "long"));
    }
    if date.precision() == Precision::Day {
        fields.push(("day", "numeric"));
    }
    let month = date.month().unwrap_or(1);
    let day = date.day().unwrap_or(1);
    intl(tag, date.year(), month, day, &fields)
}

fn intl_month(tag: &str, month: usize) -> Option<String> {
    intl(
        tag,
        2001,
        u8::try_from(month + 1).ok()?,
        1,
        &[("month", "short")],
    )
}

/// A UTC day formatted by `Intl.DateTimeFormat(tag, fields)`.
fn intl(tag: &str, year: i32, month: u8, day: u8, fields: &[(&str, &str)]) -> Option<String> {
    let options = js_sys::Object::new();
    let set = |key: &str, value: &str| {
        js_sys::Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value)).is_ok()
    };
    let ok = set("timeZone", "UTC") && fields.iter().all(|(k, v)| set(k, v));
    if !ok {
        return None;
    }
    let ms = js_sys::Date::utc(f64::from(year), f64::from(i32::from(month) - 1))
        + f64::from(i32::from(day) - 1) * 86_400_000.0;
    let when = js_sys::Date::new(&JsValue::from_f64(ms));
    let locales = js_sys::Array::of1(&JsValue::from_str(tag));
    let formatter = js_sys::Intl::DateTimeFormat::new(&locales, &options);
    formatter
        .format()
        .call1(&JsValue::NULL, &when)
        .ok()
        .and_then(|s| s.as_string())
}
