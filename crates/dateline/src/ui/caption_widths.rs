//! Captions' rendered widths, measured in the widget's own font (a system
//! font's Cyrillic, Arabic or bold run wider or narrower than any estimate),
//! once per text: a hidden probe caption is given the text and read.

use std::collections::HashMap;

use leptos::prelude::*;
use web_sys::HtmlElement;

use crate::markers::caption_width;

/// Measures captions with `probe`, a hidden `.dl-marker-caption` in the
/// marker layer; remembers each text's width.
#[derive(Clone, Copy)]
pub struct CaptionWidths {
    probe: NodeRef<leptos::html::Span>,
    known: StoredValue<HashMap<String, f64>>,
}

impl Default for CaptionWidths {
    fn default() -> CaptionWidths {
        CaptionWidths::new()
    }
}

impl CaptionWidths {
    /// Widths read through a probe not yet on the page: give it to the
    /// layer's probe caption with [`CaptionWidths::probe`].
    pub fn new() -> CaptionWidths {
        CaptionWidths {
            probe: NodeRef::new(),
            known: StoredValue::new(HashMap::new()),
        }
    }

    /// The probe caption's reference.
    pub fn probe(&self) -> NodeRef<leptos::html::Span> {
        self.probe
    }

    /// The rendered width of a caption reading `text`, in px; estimated
    /// until the probe is on the page (or if it reads nothing).
    pub fn of(&self, text: &str) -> f64 {
        if let Some(w) = self.known.with_value(|k| k.get(text).copied()) {
            return w;
        }
        let measured = self.probe.get_untracked().and_then(|probe| {
            let probe: &HtmlElement = &probe;
            probe.set_text_content(Some(text));
            // Layout width: the layer's zoom transform does not scale it.
            Some(f64::from(probe.offset_width()) + 1.0).filter(|w| *w > 1.0)
        });
        match measured {
            Some(w) => {
                self.known.update_value(|k| {
                    k.insert(text.to_string(), w);
                });
                w
            }
            None => caption_width(text),
        }
    }
}
