//! Links to an event: the page's URL hash names the open event of each widget.
//!
//! A widget alone on its page uses `#event=<id>`; with several widgets each
//! entry carries the widget's id, `#<widget-id>:event=<id>`, and entries are
//! joined with `&`, so the widgets' links do not fight over the hash.

/// The event id the hash names for the widget `namespace` (`None`: the only widget).
///
/// # Examples
///
/// ```
/// use dateline_core::deeplink::read;
///
/// assert_eq!(read("#event=kim-gift", None).as_deref(), Some("kim-gift"));
/// assert_eq!(read("#a:event=x&b:event=y", Some("b")).as_deref(), Some("y"));
/// ```
pub fn read(hash: &str, namespace: Option<&str>) -> Option<String> {
    let key = key(namespace);
    entries(hash)
        .find_map(|entry| entry.strip_prefix(key.as_str()).map(decode))
        .filter(|id| !id.is_empty())
}

/// The hash (without `#`) with the widget's entry set to `event`, or removed
/// for `None`; other widgets' entries are kept as they are.
pub fn write(hash: &str, namespace: Option<&str>, event: Option<&str>) -> String {
    let key = key(namespace);
    let mut kept: Vec<String> = entries(hash)
        .filter(|entry| !entry.starts_with(key.as_str()))
        .map(str::to_string)
        .collect();
    if let Some(id) = event {
        kept.push(format!("{key}{}", encode(id)));
    }
    kept.join("&")
}

fn key(namespace: Option<&str>) -> String {
    match namespace {
        Some(ns) => format!("{}:event=", encode(ns)),
        None => "event=".to_string(),
    }
}

fn entries(hash: &str) -> impl Iterator<Item = &str> {
    hash.trim_start_matches('#')
        .split('&')
        .filter(|entry| !entry.is_empty())
}

/// Percent-encodes everything but unreserved URL characters.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` sequences; a malformed one is kept as written.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_widget_reads_and_writes_plain_event_links() {
        assert_eq!(
            read("#event=putin-inauguration", None).as_deref(),
            Some("putin-inauguration")
        );
        assert_eq!(read("", None), None);
        assert_eq!(read("#event=", None), None);
        assert_eq!(write("", None, Some("kim-gift")), "event=kim-gift");
        assert_eq!(write("#event=kim-gift", None, None), "");
    }

    #[test]
    fn widgets_keep_out_of_each_others_links() {
        let hash = write("", Some("first"), Some("a"));
        let hash = write(&hash, Some("second"), Some("b"));
        assert_eq!(hash, "first:event=a&second:event=b");
        assert_eq!(read(&hash, Some("first")).as_deref(), Some("a"));
        assert_eq!(read(&hash, Some("second")).as_deref(), Some("b"));
        assert_eq!(read(&hash, None), None);
        let moved = write(&hash, Some("first"), Some("c"));
        assert_eq!(read(&moved, Some("first")).as_deref(), Some("c"));
        assert_eq!(read(&moved, Some("second")).as_deref(), Some("b"));
        // An unrelated hash (a page anchor) is left alone.
        assert_eq!(write("section-2", None, Some("x")), "section-2&event=x");
    }

    #[test]
    fn ids_round_trip_through_encoding() {
        for id in ["plain", "with space", "a&b=c:d", "ünïcode", "100%"] {
            let hash = write("", Some("w 1"), Some(id));
            assert_eq!(
                read(&format!("#{hash}"), Some("w 1")).as_deref(),
                Some(id),
                "{hash}"
            );
        }
        assert_eq!(decode("bad%zzend%4"), "bad%zzend%4");
    }
}
