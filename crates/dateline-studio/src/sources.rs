//! Where in the article each event's sentences are, so the Studio can
//! highlight them beside the draft and scroll between event and sentence.

use std::ops::Range;

use serde_json::Value;

use crate::draft::text::sentences;

/// An event's sentences in the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceSpans {
    /// The event's id.
    pub event: String,
    /// Byte ranges in the article, in order; a sentence the article no longer holds (edited) has none.
    pub spans: Vec<Range<usize>>,
}

/// For every event with a `source.quote`, the ranges of its sentences in `article`.
///
/// # Examples
///
/// ```
/// use dateline_studio::source_spans;
/// use serde_json::json;
///
/// let article = "MOSCOW, Feb 20. Kim got a car. Putin gave it. Nothing else.";
/// let story = json!({"features": [{"properties": {"events": [
///     {"id": "gift", "source": {"name": "TASS", "quote": "Kim got a car. Putin gave it."}}]}}]});
/// let found = source_spans(article, &story);
/// assert_eq!(&article[found[0].spans[0].clone()], "Kim got a car.");
/// assert_eq!(&article[found[0].spans[1].clone()], "Putin gave it.");
/// ```
pub fn source_spans(article: &str, story: &Value) -> Vec<SourceSpans> {
    let events = story["features"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|f| f["properties"]["events"].as_array().into_iter().flatten());
    events
        .filter_map(|e| {
            let id = e["id"].as_str()?;
            let quote = e["source"]["quote"].as_str()?;
            let mut from = 0;
            let mut spans = Vec::new();
            for sentence in sentences(quote) {
                // Each sentence after the one before, so a repeated sentence maps in order.
                let at = article
                    .get(from..)
                    .and_then(|rest| rest.find(&sentence))
                    .map(|i| i + from)
                    .or_else(|| article.find(&sentence));
                if let Some(start) = at {
                    spans.push(start..start + sentence.len());
                    from = start + sentence.len();
                }
            }
            Some(SourceSpans {
                event: id.to_string(),
                spans,
            })
        })
        .collect()
}

/// A run of the article: its byte range, and the event it is a source of, if any.
pub type Segment = (Range<usize>, Option<String>);

/// The article cut into runs, in order, each sentence an event rests on
/// being a run of its own with that event (the first event, where two share one).
///
/// ```
/// use dateline_studio::segments;
/// use dateline_studio::SourceSpans;
/// let spans = [SourceSpans { event: "e".into(), spans: vec![3..5] }];
/// assert_eq!(segments("abcdefg", &spans), [(0..3, None), (3..5, Some("e".into())), (5..7, None)]);
/// ```
pub fn segments(article: &str, spans: &[SourceSpans]) -> Vec<Segment> {
    let mut marked: Vec<(Range<usize>, &str)> = spans
        .iter()
        .flat_map(|s| s.spans.iter().map(move |r| (r.clone(), s.event.as_str())))
        .filter(|(r, _)| {
            r.end <= article.len()
                && article.is_char_boundary(r.start)
                && article.is_char_boundary(r.end)
        })
        .collect();
    marked.sort_by_key(|(r, _)| (r.start, r.end));
    let mut out = Vec::new();
    let mut at = 0;
    for (range, event) in marked {
        if range.start < at {
            continue;
        }
        if range.start > at {
            out.push((at..range.start, None));
        }
        at = range.end;
        out.push((range, Some(event.to_string())));
    }
    if at < article.len() {
        out.push((at..article.len(), None));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn quotes_found_in_order_and_missing_ones_left_out() {
        let article = "A. B happened. C. B happened.";
        let story = json!({"features": [{"properties": {"events": [
            {"id": "one", "source": {"name": "x", "quote": "B happened. C."}},
            {"id": "two", "source": {"name": "x", "quote": "Not in the text."}},
            {"id": "three", "title": "no quote"}]}}]});
        let found = source_spans(article, &story);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].spans, [3..14, 15..17]);
        assert!(found[1].spans.is_empty());
        assert!(source_spans("", &json!({})).is_empty());
    }
}
