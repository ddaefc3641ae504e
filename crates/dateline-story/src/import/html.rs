//! StoryMapJS's HTML text, kept for its meaning and never as markup.
//!
//! A small tokenizer, as lenient as a browser (unclosed and stray tags,
//! bare `<`, unquoted attributes never panic or lose text), feeding a
//! writer that keeps the open elements and knows a short allow-list: paragraphs
//! (`p`, `div`, headings and other blocks), `br`, `ul`/`ol`/`li`,
//! `b`/`strong`, `i`/`em` and `a` with an http(s) `href`. Everything else
//! is text: tags are dropped and their text kept, except for elements
//! whose content is code or hidden (`script`, `style`, `iframe`, `svg`, …),
//! which go entirely. The result is the story format's rich text, from
//! which the widget builds its own elements, so no attribute, style, event
//! handler or script of the input can reach the page.

use serde_json::Value;

use super::html_tokens::{is_space, Token, Tokenizer, DROPPED, VOID};
use crate::story::{is_web_link, Block, Inline, RichText};

/// How deep elements nest before further tags are ignored (their text
/// kept); bounds the nesting of the rich text whatever the input.
const MAX_DEPTH: usize = 64;

/// The story format's rich-text JSON for `html` (see [`crate::story::RichText::from_json`]).
///
/// # Examples
///
/// ```
/// use dateline_story::import::html::rich_text_json;
/// use dateline_story::story::RichText;
///
/// let json = rich_text_json("<p>The <b>first</b> stop.<script>alert(1)</script></p><ul><li>One<li>Two</ul>");
/// let text = RichText::from_json(&json).map_err(|e| format!("{e:?}"))?;
/// assert_eq!(text.to_plain(), "The first stop.\n\nOne\nTwo");
/// # Ok::<(), String>(())
/// ```
pub fn rich_text_json(html: &str) -> Value {
    to_rich_text(html).to_json()
}

/// The text of `html`, without any markup: paragraphs, list items and line
/// breaks become single spaces, for one-line texts (headlines, place names,
/// captions, credits).
///
/// # Examples
///
/// ```
/// use dateline_story::import::html::plain_text;
///
/// assert_eq!(plain_text("US Manifest Destiny <small>Mean center</small>"), "US Manifest Destiny Mean center");
/// assert_eq!(plain_text("Fish &amp; chips &lt;3"), "Fish & chips <3");
/// ```
pub fn plain_text(html: &str) -> String {
    let text = to_rich_text(html).to_plain();
    let lines: Vec<&str> = text.split('\n').filter(|l| !l.is_empty()).collect();
    lines.join(" ")
}

fn to_rich_text(html: &str) -> RichText {
    let mut writer = Writer::default();
    for token in Tokenizer::new(html) {
        match token {
            Token::Text(text) if writer.dropping == 0 => writer.run.text(&text),
            Token::Text(_) => {}
            Token::Start(tag) => writer.start(tag.name, tag.href, tag.self_closing),
            // Browsers read `</br>` as `<br>`.
            Token::End(name) if name == "br" => writer.start(name, None, true),
            Token::End(name) => writer.end(&name),
        }
    }
    while !writer.open.is_empty() {
        writer.pop();
    }
    writer.boundary();
    RichText {
        blocks: writer.blocks,
    }
}

// ---- Writing rich text ----

#[derive(Clone)]
enum Format {
    Bold,
    Italic,
    Link(String),
}

/// What an open element does when it ends.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Exit {
    Nothing,
    Block,
    Heading,
    List,
    Item,
    Format,
    Dropped,
}

/// Blocks written so far, the elements open, and the paragraph or list
/// item being written.
#[derive(Default)]
struct Writer {
    blocks: Vec<Block>,
    run: Run,
    open: Vec<(String, Exit)>,
    /// The outermost list being written (numbered?, items so far); inside
    /// it, blocks and nested lists become lines of the current item.
    list: Option<(bool, Vec<Vec<Inline>>)>,
    lists_open: usize,
    /// Open elements whose content is never shown.
    dropping: usize,
}

impl Writer {
    fn start(&mut self, name: String, href: Option<String>, self_closing: bool) {
        if name == "li" {
            // A new item ends the open one of the same list.
            let list = self.open.iter().rposition(|(n, _)| n == "ul" || n == "ol");
            if let Some(item) = self.open.iter().rposition(|(n, _)| n == "li") {
                if list.is_none_or(|list| item > list) {
                    while self.open.len() > item {
                        self.pop();
                    }
                }
            }
        }
        let void = VOID.contains(&name.as_str())
            || (self_closing && matches!(name.as_str(), "svg" | "math"));
        if void {
            let exit = self.enter(&name, href);
            self.exit(exit);
        } else if self.open.len() < MAX_DEPTH {
            let exit = self.enter(&name, href);
            self.open.push((name, exit));
        }
    }

    /// An end tag closes the nearest open element of its name, and those
    /// inside it; a stray one is ignored.
    fn end(&mut self, name: &str) {
        if let Some(k) = self.open.iter().rposition(|(n, _)| n == name) {
            while self.open.len() > k {
                self.pop();
            }
        }
    }

    fn pop(&mut self) {
        if let Some((_, exit)) = self.open.pop() {
            self.exit(exit);
        }
    }

    fn enter(&mut self, name: &str, href: Option<String>) -> Exit {
        if self.dropping > 0 {
            return Exit::Nothing;
        }
        match name {
            "li" if self.lists_open == 1 => {
                // Text between items (outside any `li`) is an item of its own.
                self.take_item();
                Exit::Item
            }
            // An `li` outside a list (or in a nested one) is a paragraph (or a line).
            "p" | "div" | "li" | "blockquote" | "pre" | "section" | "article" | "header"
            | "footer" | "aside" | "figure" | "figcaption" | "address" | "center" | "table"
            | "tr" | "td" | "th" | "dl" | "dt" | "dd" | "hr" => {
                self.boundary();
                Exit::Block
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.boundary();
                self.run.open(Format::Bold);
                Exit::Heading
            }
            "br" => {
                self.run.line_break(true);
                Exit::Nothing
            }
            "ul" | "ol" => {
                self.boundary();
                self.lists_open += 1;
                self.list.get_or_insert_with(|| (name == "ol", Vec::new()));
                Exit::List
            }
            "b" | "strong" => self.format(Format::Bold),
            "i" | "em" => self.format(Format::Italic),
            "a" => match href {
                Some(href) if is_web_link(&href) && !self.run.in_link() => {
                    self.format(Format::Link(href))
                }
                // Not a web link: its words stay, as words.
                _ => Exit::Nothing,
            },
            name if DROPPED.contains(&name) => {
                self.dropping += 1;
                Exit::Dropped
            }
            _ => Exit::Nothing,
        }
    }

    fn format(&mut self, format: Format) -> Exit {
        self.run.open(format);
        Exit::Format
    }

    fn exit(&mut self, exit: Exit) {
        match exit {
            Exit::Nothing => {}
            Exit::Block => self.boundary(),
            Exit::Heading => {
                self.run.close();
                self.boundary();
            }
            Exit::List => {
                self.boundary();
                self.lists_open = self.lists_open.saturating_sub(1);
                if self.lists_open == 0 {
                    self.take_item();
                    if let Some((ordered, items)) = self.list.take().filter(|(_, i)| !i.is_empty())
                    {
                        self.blocks.push(Block::List { ordered, items });
                    }
                }
            }
            Exit::Item => self.take_item(),
            Exit::Format => self.run.close(),
            Exit::Dropped => self.dropping = self.dropping.saturating_sub(1),
        }
    }

    /// Where a block starts or ends: a new paragraph, or a new line inside a list item.
    fn boundary(&mut self) {
        if self.list.is_some() {
            self.run.line_break(false);
        } else if let Some(inlines) = self.run.take() {
            self.blocks.push(Block::Paragraph(inlines));
        }
    }

    fn take_item(&mut self) {
        if let Some((_, items)) = &mut self.list {
            items.extend(self.run.take());
        }
    }
}

/// One paragraph or list item being written: collapses whitespace as a
/// browser does, and keeps bold, italic and links open across blocks.
#[derive(Default)]
struct Run {
    root: Vec<Inline>,
    open: Vec<(Format, Vec<Inline>)>,
    has_text: bool,
    line_has_text: bool,
    /// The last thing written is a space, so a following one collapses into it.
    ends_with_space: bool,
    pending_space: bool,
    pending_breaks: usize,
}

impl Run {
    fn top(&mut self) -> &mut Vec<Inline> {
        match self.open.last_mut() {
            Some((_, inlines)) => inlines,
            None => &mut self.root,
        }
    }

    fn text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_ascii() && is_space(c as u8) {
                self.pending_space |= self.line_has_text && !self.ends_with_space;
                continue;
            }
            self.flush_pending();
            self.push_str(c.encode_utf8(&mut [0; 4]));
            self.has_text = true;
            self.line_has_text = true;
            self.ends_with_space = false;
        }
    }

    fn flush_pending(&mut self) {
        if self.pending_breaks > 0 {
            for _ in 0..self.pending_breaks {
                self.top().push(Inline::Break);
            }
        } else if self.pending_space {
            self.push_str(" ");
            self.ends_with_space = true;
        }
        self.pending_breaks = 0;
        self.pending_space = false;
    }

    fn push_str(&mut self, s: &str) {
        match self.top().last_mut() {
            Some(Inline::Text(previous)) => previous.push_str(s),
            _ => self.top().push(Inline::Text(s.to_string())),
        }
    }

    /// A `<br>` (`explicit`), or a block's edge inside a list item: one
    /// line break at most. Breaks at the start are dropped, ones at the end trimmed.
    fn line_break(&mut self, explicit: bool) {
        if explicit && self.has_text {
            self.pending_breaks += 1;
        } else if self.line_has_text {
            self.pending_breaks = self.pending_breaks.max(1);
        }
        self.pending_space = false;
        self.line_has_text = false;
    }

    fn in_link(&self) -> bool {
        self.open.iter().any(|(f, _)| matches!(f, Format::Link(_)))
    }

    fn open(&mut self, format: Format) {
        // A space before the bold word belongs before it, not inside it.
        if self.has_text {
            self.flush_pending();
        }
        self.open.push((format, Vec::new()));
    }

    fn close(&mut self) {
        if let Some((format, inlines)) = self.open.pop() {
            if !inlines.is_empty() {
                let inline = match format {
                    Format::Bold => Inline::Bold(inlines),
                    Format::Italic => Inline::Italic(inlines),
                    Format::Link(href) => Inline::Link {
                        href,
                        content: inlines,
                    },
                };
                self.top().push(inline);
            }
        }
    }

    /// The finished paragraph or item, if it has any text; formatting still
    /// open carries on into what follows.
    fn take(&mut self) -> Option<Vec<Inline>> {
        let formats: Vec<Format> = self.open.iter().map(|(f, _)| f.clone()).collect();
        while !self.open.is_empty() {
            self.close();
        }
        let mut inlines = std::mem::take(&mut self.root);
        trim_end(&mut inlines);
        let had_text = self.has_text;
        *self = Run::default();
        self.open = formats.into_iter().map(|f| (f, Vec::new())).collect();
        (had_text && !inlines.is_empty()).then_some(inlines)
    }
}

/// Drops trailing spaces and line breaks, also inside a last bold or link.
fn trim_end(inlines: &mut Vec<Inline>) {
    while let Some(last) = inlines.last_mut() {
        let now_empty = match last {
            Inline::Break => true,
            Inline::Text(text) => {
                text.truncate(text.trim_end_matches(' ').len());
                text.is_empty()
            }
            Inline::Bold(content) | Inline::Italic(content) | Inline::Link { content, .. } => {
                trim_end(content);
                content.is_empty()
            }
        };
        if !now_empty {
            return;
        }
        inlines.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rich(html: &str) -> RichText {
        let value = rich_text_json(html);
        RichText::from_json(&value).unwrap_or_else(|e| panic!("{html:?} gave {value} ({e:?})"))
    }

    fn hrefs(inlines: &[Inline], out: &mut Vec<String>) {
        for inline in inlines {
            match inline {
                Inline::Link { href, content } => {
                    out.push(href.clone());
                    hrefs(content, out);
                }
                Inline::Bold(c) | Inline::Italic(c) => hrefs(c, out),
                Inline::Text(_) | Inline::Break => {}
            }
        }
    }

    fn links(text: &RichText) -> Vec<String> {
        let mut out = Vec::new();
        for block in &text.blocks {
            match block {
                Block::Paragraph(inlines) => hrefs(inlines, &mut out),
                Block::List { items, .. } => items.iter().for_each(|i| hrefs(i, &mut out)),
            }
        }
        out
    }

    #[test]
    fn paragraphs_breaks_and_formatting_become_our_elements() {
        assert_eq!(
            rich_text_json("<p>One <b>bold</b> and <em>stressed</em>.</p><div>Two<br>lines</div>"),
            json!([
                {"p": ["One ", {"b": ["bold"]}, " and ", {"i": ["stressed"]}, "."]},
                {"p": ["Two", {"br": true}, "lines"]}
            ])
        );
        assert_eq!(
            rich_text_json("<h2>Title</h2>Body"),
            json!([{"p": [{"b": ["Title"]}]}, {"p": ["Body"]}])
        );
        assert_eq!(
            rich_text_json("<strong>S</strong><i>i</i>"),
            json!([{"p": [{"b": ["S"]}, {"i": ["i"]}]}])
        );
    }

    #[test]
    fn lists_keep_their_items() {
        assert_eq!(
            rich_text_json(
                "Before<ul><li>One</li><li> Two <b>bold</b></li></ul>After<ol><li>First"
            ),
            json!([
                {"p": ["Before"]},
                {"ul": [["One"], ["Two ", {"b": ["bold"]}]]},
                {"p": ["After"]},
                {"ol": [["First"]]}
            ])
        );
        // Unclosed items end at the next one; nested lists become lines of their item.
        assert_eq!(
            rich_text_json("<ul><li>a<li>b<ul><li>b1</li><li>b2</li></ul></ul>"),
            json!([{"ul": [["a"], ["b", {"br": true}, "b1", {"br": true}, "b2"]]}])
        );
        // An item outside any list is a paragraph.
        assert_eq!(rich_text_json("<li>alone</li>"), json!([{"p": ["alone"]}]));
    }

    #[test]
    fn links_keep_web_addresses_only() {
        assert_eq!(
            rich_text_json(
                r#"See <a href=" https://tass.com/x?a=1&amp;b=2 " target="_blank" onclick="x()">TASS</a>."#
            ),
            json!([{"p": ["See ", {"a": ["TASS"], "href": "https://tass.com/x?a=1&b=2"}, "."]}])
        );
        assert_eq!(
            rich_text_json(
                r#"<a href="photos/kim.jpg">relative</a> <a>none</a> <a href=mailto:a@b.c>mail</a>"#
            ),
            json!([{"p": ["relative none mail"]}])
        );
        // Nested links: the inner one is text inside the outer.
        assert_eq!(
            rich_text_json(
                r#"<a href="https://a.example/">x <a href="https://b.example/">y</a></a>"#
            ),
            json!([{"p": [{"a": ["x y"], "href": "https://a.example/"}]}])
        );
    }

    #[test]
    fn whitespace_collapses_like_a_browser() {
        assert_eq!(rich_text_json("  a \n\n\t b  "), json!([{"p": ["a b"]}]));
        assert_eq!(
            rich_text_json("<p>  lead</p>  <p>trail  </p>\n"),
            json!([{"p": ["lead"]}, {"p": ["trail"]}])
        );
        assert_eq!(
            rich_text_json("a <b> b </b> c"),
            json!([{"p": ["a ", {"b": ["b"]}, " c"]}])
        );
        assert_eq!(rich_text_json("<br><br>a<br>"), json!([{"p": ["a"]}]));
        assert_eq!(rich_text_json("   "), json!([]));
        assert_eq!(rich_text_json(""), json!([]));
        // A no-break space is text, as in a browser.
        assert_eq!(
            rich_text_json("a&nbsp;&nbsp;b"),
            json!([{"p": ["a\u{a0}\u{a0}b"]}])
        );
    }

    #[test]
    fn entities_are_decoded_and_unknown_ones_kept() {
        assert_eq!(
            plain_text("&amp; &lt; &gt; &quot; &#39; &apos; &#65;&#x42;&#X43; &rsquo; &AMP;"),
            "& < > \" ' ' ABC ’ &"
        );
        assert_eq!(
            plain_text("AT&T &copy &unknown; &#; &#x; &"),
            "AT&T &copy &unknown; &#; &#x; &"
        );
        assert_eq!(
            plain_text("&#0;&#xD800;&#x110000;&#99999999999;"),
            "\u{fffd}".repeat(4)
        );
        assert_eq!(plain_text("&#106&#97&#118&#97"), "java");
        assert_eq!(
            plain_text("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "<script>alert(1)</script>"
        );
    }

    #[test]
    fn comments_and_declarations_are_dropped() {
        assert_eq!(
            plain_text("a<!-- hidden -->b<!---->c<!-->d<!--->e"),
            "abcde"
        );
        assert_eq!(
            plain_text("<!DOCTYPE html><?xml version='1.0'?>text<![CDATA[x]]>"),
            "text"
        );
        assert_eq!(plain_text("kept<!-- never closed <b>gone</b>"), "kept");
        assert_eq!(plain_text("a</ x>b</>c"), "abc");
    }

    #[test]
    fn malformed_markup_never_loses_text() {
        assert_eq!(plain_text("a < b and 1<2 and <3"), "a < b and 1<2 and <3");
        assert_eq!(plain_text("x <b"), "x <b");
        assert_eq!(
            plain_text("x <a href=\"never closed"),
            "x <a href=\"never closed"
        );
        assert_eq!(plain_text("trailing <"), "trailing <");
        assert_eq!(plain_text("trailing </"), "trailing </");
        assert_eq!(
            rich_text_json("</p></div>stray <p>open <b>bold"),
            json!([{"p": ["stray"]}, {"p": ["open ", {"b": ["bold"]}]}])
        );
        assert_eq!(
            plain_text("<unknown attr=1>inside</unknown><span>s</span>"),
            "insides"
        );
        assert_eq!(
            plain_text("caf\u{e9} <\u{e9}> <b \u{e9}=\u{e9}>x</b>"),
            "caf\u{e9} <\u{e9}> x"
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!(
            "{}deep{}",
            "<b><div>".repeat(20_000),
            "</div></b>".repeat(20_000)
        );
        assert_eq!(plain_text(&html), "deep");
        let unclosed = format!("{}end", "<i>".repeat(50_000));
        assert_eq!(plain_text(&unclosed), "end");
    }

    #[test]
    fn storymapjs_editor_markup() {
        // Shapes from StoryMapJS's examples: `<br></br>`, notes in spans, stray closing tags.
        assert_eq!(
            rich_text_json("First census.<br></br><span class='vco-note'>A note.</span>"),
            json!([{"p": ["First census.", {"br": true}, {"br": true}, "A note."]}])
        );
        assert_eq!(
            rich_text_json(
                "<strong>SPOILERS</strong>. Books.</p><p><strong>Arya</strong>&nbsp;Stark.</p>"
            ),
            json!([
                {"p": [{"b": ["SPOILERS"]}, ". Books."]},
                {"p": [{"b": ["Arya"]}, "\u{a0}Stark."]}
            ])
        );
        assert_eq!(
            plain_text("<span>Sochi.</span><br><span><i>Note.</i></span>"),
            "Sochi. Note."
        );
    }

    #[test]
    fn plain_text_has_no_structure() {
        assert_eq!(
            plain_text("<p>One</p><ul><li>a</li><li>b</li></ul>c<br>d"),
            "One a b c d"
        );
        assert_eq!(plain_text("Florida, Missouri"), "Florida, Missouri");
        assert_eq!(plain_text("  spaced \n out "), "spaced out");
    }

    /// Payloads from the OWASP XSS Filter Evasion cheat sheet: the words a
    /// reader should see stay, and nothing of the attack survives anywhere
    /// in the rich text (links are http(s) only, no script text, no attributes).
    #[test]
    fn owasp_xss_payloads_are_defused() {
        let cases: &[(&str, &[&str], &[&str])] = &[
            ("<script>alert('XSS')</script>Hello", &["Hello"], &["alert", "script"]),
            ("<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>after", &["after"], &["xss.rocks"]),
            ("<img src=x onerror=alert(1)>Caption", &["Caption"], &["onerror", "alert"]),
            ("<IMG SRC=\"javascript:alert('XSS');\">pic", &["pic"], &["javascript", "alert"]),
            ("Before<svg/onload=alert(1)>", &["Before"], &["onload", "alert"]),
            ("<svg><script>alert(1)</script></svg>after", &["after"], &["alert"]),
            ("<svg/>after it", &["after it"], &["svg"]),
            ("<a href=\"javascript:alert(1)\">click</a>", &["click"], &["javascript", "alert"]),
            ("<a href=\"jav&#x09;ascript:alert(1)\">tab</a>", &["tab"], &["ascript", "alert"]),
            ("<a href=\"jav&#x0A;ascript:alert(1)\">newline</a>", &["newline"], &["alert"]),
            ("<a href=\" javascript:alert(1)\">space</a>", &["space"], &["javascript"]),
            ("<a href=\"&#106;avascript:alert(1)\">ent</a>", &["ent"], &["avascript"]),
            (
                "<a href=\"&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58&#97&#108&#101&#114&#116&#40&#49&#41\">nosemi</a>",
                &["nosemi"],
                &["alert", "javascript"],
            ),
            (
                "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x31&#x29\">hex</a>",
                &["hex"],
                &["alert"],
            ),
            ("<a href=\"JaVaScRiPt:alert(1)\">mixed</a>", &["mixed"], &["alert"]),
            ("<a href=\"javas\u{0}cript:alert(1)\">nul</a>", &["nul"], &["alert"]),
            ("<a href=\"vbscript:msgbox(1)\">vb</a>", &["vb"], &["msgbox"]),
            ("<a href=\"//evil.example/\">protocol-relative</a>", &["protocol-relative"], &["evil"]),
            (
                "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data</a>",
                &["data"],
                &["base64"],
            ),
            ("<scr<script>ipt>alert(1)</scr</script>ipt>", &["ipt>"], &["script"]),
            ("<iframe src=\"javascript:alert(1)\">inside</iframe>After", &["After"], &["inside", "alert"]),
            ("<body onload=alert(1)>Body text</body>", &["Body text"], &["onload", "alert"]),
            (
                "<div style=\"background:url(javascript:alert(1))\">Styled</div>",
                &["Styled"],
                &["background", "alert"],
            ),
            ("<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\">", &["\">"], &["alert", "XSS"]),
            ("<<SCRIPT>alert(\"XSS\");//<</SCRIPT>", &["<"], &["alert"]),
            (
                "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS item</br>",
                &["XSS item"],
                &["list-style", "alert"],
            ),
            ("<!--<script>alert(1)</script>-->visible", &["visible"], &["alert"]),
            ("<object data=\"javascript:alert(1)\">fallback</object>shown", &["shown"], &["fallback"]),
            ("<math><mtext><script>alert(1)</script>m</mtext></math>ok", &["ok"], &["alert"]),
            ("<TABLE BACKGROUND=\"javascript:alert('XSS')\"><TR><TD>cell</TD></TR></TABLE>", &["cell"], &["alert"]),
            ("<BR SIZE=\"&{alert('XSS')}\">br", &["br"], &["alert"]),
            ("<template><a href=\"https://x.example/\">t</a></template>x", &["x"], &["x.example"]),
            ("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">", &[], &["alert", "onerror"]),
            ("<textarea><script>alert(1)</script></textarea>after", &["after"], &["alert"]),
            ("<select><option>opt</option></select>after", &["after"], &["opt"]),
            ("<a href=\"https://ok.example/\" onmouseover=\"alert(1)\" style=\"x\">ok</a>", &["ok"], &["alert", "style", "onmouseover"]),
            ("<script>never closed alert(1)", &[], &["alert"]),
            ("<STYLE>@import'http://xss.rocks/xss.css';</STYLE>text", &["text"], &["import"]),
        ];
        for (html, kept, gone) in cases {
            let text = rich(html);
            let json = text.to_json().to_string();
            for href in links(&text) {
                let lower = href.to_ascii_lowercase();
                assert!(
                    is_web_link(&href)
                        && (lower.starts_with("https://") || lower.starts_with("http://")),
                    "{html:?} kept the link {href:?}"
                );
            }
            let plain = text.to_plain();
            for word in *kept {
                assert!(plain.contains(word), "{html:?} lost {word:?}: {plain:?}");
            }
            for word in *gone {
                assert!(!json.contains(word), "{html:?} kept {word:?}: {json}");
            }
        }
        // The one web link among them stays a link.
        let ok = rich("<a href=\"https://ok.example/\" onmouseover=\"alert(1)\">ok</a>");
        assert_eq!(links(&ok), ["https://ok.example/"]);
    }
}
