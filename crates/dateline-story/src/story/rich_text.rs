//! Text with a little structure: paragraphs, lists, line breaks, bold,
//! italic and http(s) links, and nothing else. Stories carry it as plain
//! text or as a small JSON tree; importers (StoryMapJS's HTML) build the
//! same tree. It is never HTML: the widget builds its own elements from it.

use serde_json::Value;

use super::link::is_web_link;

/// A summary's text, in blocks.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RichText {
    /// Paragraphs and lists, in order.
    pub blocks: Vec<Block>,
}

/// A paragraph or a list.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A bulleted (`ordered: false`) or numbered list, one item per entry.
    List {
        /// Numbered rather than bulleted.
        ordered: bool,
        /// The items.
        items: Vec<Vec<Inline>>,
    },
}

/// A run of text inside a block.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Bold.
    Bold(Vec<Inline>),
    /// Italic.
    Italic(Vec<Inline>),
    /// A link to an absolute http(s) address.
    Link {
        /// Where it goes (checked by [`is_web_link`]).
        href: String,
        /// What it says.
        content: Vec<Inline>,
    },
    /// A line break.
    Break,
}

/// Why a rich text value could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum RichTextProblem {
    /// The value is neither text nor an array of blocks; `path` names the part.
    Shape {
        /// Where inside the value, e.g. `[1].p[0]`.
        path: String,
    },
    /// A link that is not an absolute http(s) address.
    Link {
        /// Where inside the value.
        path: String,
        /// The link as given.
        href: String,
    },
}

impl RichText {
    /// Plain text as rich text: blank lines separate paragraphs, other line
    /// breaks stay line breaks. Blank text gives no blocks.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline_story::story::{Block, Inline, RichText};
    ///
    /// let text = RichText::plain("First.\n\nSecond,\nwith a break.");
    /// assert_eq!(text.blocks.len(), 2);
    /// assert_eq!(text.to_plain(), "First.\n\nSecond,\nwith a break.");
    /// ```
    pub fn plain(text: &str) -> RichText {
        let normalised = text.replace("\r\n", "\n");
        let blocks = normalised
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| {
                let mut inlines = Vec::new();
                for (i, line) in p.split('\n').enumerate() {
                    if i > 0 {
                        inlines.push(Inline::Break);
                    }
                    inlines.push(Inline::Text(line.trim().to_string()));
                }
                Block::Paragraph(inlines)
            })
            .collect();
        RichText { blocks }
    }

    /// Whether there is no text at all.
    pub fn is_empty(&self) -> bool {
        self.to_plain().trim().is_empty()
    }

    /// The text without its structure: paragraphs separated by a blank line,
    /// list items by line breaks, links by their words.
    pub fn to_plain(&self) -> String {
        let blocks: Vec<String> = self
            .blocks
            .iter()
            .map(|block| match block {
                Block::Paragraph(inlines) => plain_inlines(inlines),
                Block::List { items, .. } => items
                    .iter()
                    .map(|item| plain_inlines(item))
                    .collect::<Vec<_>>()
                    .join("\n"),
            })
            .collect();
        blocks.join("\n\n")
    }

    /// Reads a story's rich text: text (see [`RichText::plain`]) or an
    /// array of blocks, `{"p": inlines}`, `{"ul": [inlines, …]}` or
    /// `{"ol": [inlines, …]}`, where inlines are a text, an array of
    /// inlines, `{"b": inlines}`, `{"i": inlines}`,
    /// `{"a": inlines, "href": "https://…"}` or `{"br": true}`.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline_story::story::{Block, Inline, RichText};
    /// use serde_json::json;
    ///
    /// let text = RichText::from_json(&json!([{"p": ["Putin's ", {"b": "Aurus"}]}])).unwrap();
    /// assert_eq!(text.to_plain(), "Putin's Aurus");
    /// assert!(RichText::from_json(&json!([{"p": [{"a": "x", "href": "javascript:alert(1)"}]}])).is_err());
    /// ```
    pub fn from_json(value: &Value) -> Result<RichText, RichTextProblem> {
        match value {
            Value::String(s) => Ok(RichText::plain(s)),
            Value::Array(blocks) => {
                let blocks = blocks
                    .iter()
                    .enumerate()
                    .map(|(i, b)| read_block(b, &format!("[{i}]")))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(RichText { blocks })
            }
            _ => Err(RichTextProblem::Shape {
                path: String::new(),
            }),
        }
    }

    /// This text as the story format's JSON (the shape [`RichText::from_json`] reads).
    pub fn to_json(&self) -> Value {
        Value::Array(
            self.blocks
                .iter()
                .map(|block| match block {
                    Block::Paragraph(inlines) => object("p", inlines_json(inlines)),
                    Block::List { ordered, items } => object(
                        if *ordered { "ol" } else { "ul" },
                        Value::Array(items.iter().map(|i| inlines_json(i)).collect()),
                    ),
                })
                .collect(),
        )
    }
}

fn plain_inlines(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(t) => out.push_str(t),
            Inline::Bold(c) | Inline::Italic(c) | Inline::Link { content: c, .. } => {
                out.push_str(&plain_inlines(c))
            }
            Inline::Break => out.push('\n'),
        }
    }
    out
}

fn object(key: &str, value: Value) -> Value {
    let mut map = serde_json::Map::new();
    map.insert(key.to_string(), value);
    Value::Object(map)
}

fn inlines_json(inlines: &[Inline]) -> Value {
    Value::Array(
        inlines
            .iter()
            .map(|inline| match inline {
                Inline::Text(t) => Value::String(t.clone()),
                Inline::Bold(c) => object("b", inlines_json(c)),
                Inline::Italic(c) => object("i", inlines_json(c)),
                Inline::Link { href, content } => {
                    let mut link = serde_json::Map::new();
                    link.insert("a".into(), inlines_json(content));
                    link.insert("href".into(), Value::String(href.clone()));
                    Value::Object(link)
                }
                Inline::Break => object("br", Value::Bool(true)),
            })
            .collect(),
    )
}

fn read_block(value: &Value, path: &str) -> Result<Block, RichTextProblem> {
    let shape = || RichTextProblem::Shape {
        path: path.to_string(),
    };
    let Value::Object(obj) = value else {
        return Err(shape());
    };
    if obj.len() != 1 {
        return Err(shape());
    }
    if let Some(inlines) = obj.get("p") {
        return Ok(Block::Paragraph(read_inlines(
            inlines,
            &format!("{path}.p"),
        )?));
    }
    let (ordered, items) = match (obj.get("ul"), obj.get("ol")) {
        (Some(items), None) => (false, items),
        (None, Some(items)) => (true, items),
        _ => return Err(shape()),
    };
    let key = if ordered { "ol" } else { "ul" };
    let Value::Array(items) = items else {
        return Err(shape());
    };
    let items = items
        .iter()
        .enumerate()
        .map(|(i, item)| read_inlines(item, &format!("{path}.{key}[{i}]")))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Block::List { ordered, items })
}

fn read_inlines(value: &Value, path: &str) -> Result<Vec<Inline>, RichTextProblem> {
    match value {
        Value::Array(parts) => {
            let mut out = Vec::new();
            for (i, part) in parts.iter().enumerate() {
                out.extend(read_inlines(part, &format!("{path}[{i}]"))?);
            }
            Ok(out)
        }
        other => read_inline(other, path).map(|inline| vec![inline]),
    }
}

fn read_inline(value: &Value, path: &str) -> Result<Inline, RichTextProblem> {
    let shape = || RichTextProblem::Shape {
        path: path.to_string(),
    };
    match value {
        Value::String(text) => Ok(Inline::Text(text.clone())),
        Value::Object(obj) => {
            if let Some(content) = obj.get("b").filter(|_| obj.len() == 1) {
                return Ok(Inline::Bold(read_inlines(content, &format!("{path}.b"))?));
            }
            if let Some(content) = obj.get("i").filter(|_| obj.len() == 1) {
                return Ok(Inline::Italic(read_inlines(content, &format!("{path}.i"))?));
            }
            if obj.get("br") == Some(&Value::Bool(true)) && obj.len() == 1 {
                return Ok(Inline::Break);
            }
            match (obj.get("a"), obj.get("href"), obj.len()) {
                (Some(content), Some(Value::String(href)), 2) => {
                    let href = href.trim();
                    if !is_web_link(href) {
                        return Err(RichTextProblem::Link {
                            path: format!("{path}.href"),
                            href: href.to_string(),
                        });
                    }
                    Ok(Inline::Link {
                        href: href.to_string(),
                        content: read_inlines(content, &format!("{path}.a"))?,
                    })
                }
                _ => Err(shape()),
            }
        }
        _ => Err(shape()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn plain_text_becomes_paragraphs_and_breaks() {
        let text = RichText::plain("  One\r\ntwo\n\n\n Three ");
        assert_eq!(
            text.blocks,
            vec![
                Block::Paragraph(vec![
                    Inline::Text("One".into()),
                    Inline::Break,
                    Inline::Text("two".into())
                ]),
                Block::Paragraph(vec![Inline::Text("Three".into())]),
            ]
        );
        assert!(RichText::plain(" \n\n ").is_empty());
    }

    #[test]
    fn the_json_tree_reads_and_writes_back() {
        let value = json!([
            {"p": ["A ", {"b": ["bold ", {"i": "and italic"}]}, {"br": true}, {"a": "link", "href": "https://tass.com/x"}]},
            {"ul": [["one"], "two"]},
            {"ol": [[{"b": "first"}]]}
        ]);
        let text = RichText::from_json(&value).expect("reads");
        assert_eq!(
            text.to_plain(),
            "A bold and italic\nlink\n\none\ntwo\n\nfirst"
        );
        assert_eq!(RichText::from_json(&text.to_json()), Ok(text));
    }

    #[test]
    fn unknown_shapes_and_bad_links_are_refused_with_their_place() {
        let bad = |v: Value| RichText::from_json(&v).unwrap_err();
        assert_eq!(
            bad(json!([{"p": ["x", {"u": "underline"}]}])),
            RichTextProblem::Shape {
                path: "[0].p[1]".into()
            }
        );
        assert_eq!(
            bad(json!([{"script": "alert(1)"}])),
            RichTextProblem::Shape { path: "[0]".into() }
        );
        assert_eq!(
            bad(json!([{"p": [{"a": "x", "href": "javascript:alert(1)"}]}])),
            RichTextProblem::Link {
                path: "[0].p[0].href".into(),
                href: "javascript:alert(1)".into()
            }
        );
        assert_eq!(
            bad(json!(42)),
            RichTextProblem::Shape {
                path: String::new()
            }
        );
        // A link with extra keys (say an onclick) is not a link.
        assert!(matches!(
            bad(json!([{"p": [{"a": "x", "href": "https://a.b", "onclick": "x()"}]}])),
            RichTextProblem::Shape { .. }
        ));
    }

    #[test]
    fn text_that_looks_like_markup_stays_text() {
        let text = RichText::from_json(&json!("<script>alert(1)</script>")).unwrap();
        assert_eq!(text.to_plain(), "<script>alert(1)</script>");
    }
}
