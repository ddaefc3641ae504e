//! The tokens of StoryMapJS's HTML text, read as leniently as a browser
//! does: unclosed and stray tags, a bare `<` and unquoted attributes never
//! panic or lose text. Character references are decoded here too.

pub(super) enum Token {
    Text(String),
    Start(Tag),
    End(String),
}

pub(super) struct Tag {
    pub(super) name: String,
    pub(super) href: Option<String>,
    pub(super) self_closing: bool,
}

/// Elements whose content is not markup and never shown: skipped up to their end tag.
const RAW_TEXT: [&str; 9] = [
    "script", "style", "iframe", "noscript", "textarea", "title", "xmp", "noembed", "noframes",
];
/// Elements whose content is parsed but never shown.
pub(super) const DROPPED: [&str; 9] = [
    "object", "embed", "template", "svg", "math", "head", "select", "applet", "frameset",
];
/// Elements without content or end tag.
pub(super) const VOID: [&str; 14] = [
    "br", "img", "hr", "input", "meta", "link", "area", "base", "col", "embed", "param", "source",
    "track", "wbr",
];

pub(super) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Reads tokens from `src`, byte by byte: every byte that ends a token is
/// ASCII, so every position it stops at is a character boundary.
pub(super) struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Tokenizer<'a> {
    pub(super) fn new(src: &'a str) -> Self {
        Tokenizer { src, pos: 0 }
    }

    fn rest(&self) -> &'a str {
        &self.src[self.pos..]
    }

    fn peek(&self, ahead: usize) -> Option<u8> {
        self.rest().as_bytes().get(ahead).copied()
    }

    /// Moves to the first byte that is `stop` (or the end), returning what it passed.
    fn take_until(&mut self, stop: impl Fn(u8) -> bool) -> &'a str {
        let rest = self.rest();
        let len = rest.bytes().position(stop).unwrap_or(rest.len());
        self.pos += len;
        &rest[..len]
    }

    /// Moves just past `pattern` (ASCII, any case), or to the end.
    fn skip_past(&mut self, pattern: &str) {
        let rest = self.rest().as_bytes();
        let found = rest
            .windows(pattern.len())
            .position(|w| w.eq_ignore_ascii_case(pattern.as_bytes()));
        self.pos += found.map_or(rest.len(), |i| i + pattern.len());
    }

    /// A tag from its name to its `>`; `None` if the text ends first.
    fn tag(&mut self) -> Option<Tag> {
        let name = self.take_until(|b| is_space(b) || b == b'/' || b == b'>');
        let name = name.to_ascii_lowercase();
        let mut href = None;
        loop {
            self.take_until(|b| !is_space(b) && b != b'/');
            if self.peek(0)? == b'>' {
                let self_closing = self.src.as_bytes().get(self.pos - 1) == Some(&b'/');
                self.pos += 1;
                return Some(Tag {
                    name,
                    href,
                    self_closing,
                });
            }
            // An attribute; its name may begin with `=`.
            let start = self.pos;
            self.pos += self.rest().chars().next()?.len_utf8();
            self.take_until(|b| is_space(b) || matches!(b, b'/' | b'>' | b'='));
            let attribute = self.src[start..self.pos].to_ascii_lowercase();
            self.take_until(|b| !is_space(b));
            let mut value = "";
            if self.peek(0) == Some(b'=') {
                self.pos += 1;
                self.take_until(|b| !is_space(b));
                value = match self.peek(0)? {
                    quote @ (b'"' | b'\'') => {
                        self.pos += 1;
                        let value = self.take_until(|b| b == quote);
                        self.peek(0)?;
                        self.pos += 1;
                        value
                    }
                    _ => self.take_until(|b| is_space(b) || b == b'>'),
                };
            }
            // The first of repeated attributes counts, as in browsers, and
            // an address is read without the spaces around it.
            if attribute == "href" && href.is_none() {
                let value = decode_entities(value);
                href = Some(value.trim_matches(|c: char| c.is_ascii_whitespace()).into());
            }
        }
    }
}

impl Iterator for Tokenizer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        loop {
            let start = self.pos;
            if self.peek(0)? != b'<' {
                let text = self.take_until(|b| b == b'<');
                return Some(Token::Text(decode_entities(text)));
            }
            if self.rest().starts_with("<!--") {
                // `<!-->` and `<!--->` are empty; an unclosed comment runs to the end.
                self.pos += 4;
                match (self.peek(0), self.peek(1)) {
                    (Some(b'>'), _) => self.pos += 1,
                    (Some(b'-'), Some(b'>')) => self.pos += 2,
                    _ => self.skip_past("-->"),
                }
                continue;
            }
            let end_tag = self.peek(1) == Some(b'/');
            let name_at = 1 + usize::from(end_tag);
            if self.peek(name_at).is_some_and(|b| b.is_ascii_alphabetic()) {
                self.pos += name_at;
                match self.tag() {
                    Some(tag) if end_tag => return Some(Token::End(tag.name)),
                    Some(tag) if RAW_TEXT.contains(&tag.name.as_str()) => {
                        self.skip_past(&format!("</{}", tag.name));
                        self.skip_past(">");
                        continue;
                    }
                    Some(tag) => return Some(Token::Start(tag)),
                    // A tag the text ends inside is text.
                    None => {
                        self.pos = start + 1;
                        return Some(Token::Text("<".into()));
                    }
                }
            }
            if matches!(self.peek(1), Some(b'!' | b'?')) || (end_tag && self.peek(2).is_some()) {
                // `<!doctype …>`, `<![CDATA[…]]>`, `<?xml …?>`, `</ x>`: dropped up to `>`.
                self.skip_past(">");
                continue;
            }
            // Not markup ("a < b", "<3", "</" at the end): text.
            self.pos += 1;
            return Some(Token::Text("<".into()));
        }
    }
}

/// Named references decoded, each a name and its character; others stay as written.
const NAMED: &str = "amp& AMP& lt< LT< gt> GT> quot\" QUOT\" apos' nbsp\u{a0} mdash— ndash– \
    hellip… lsquo‘ rsquo’ ldquo“ rdquo” laquo« raquo» copy© reg® trade™ deg° middot· bull• times×";

/// Text with its character references (`&amp;`, `&#106;`, `&#x6A;`) decoded.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let (c, len) = reference(rest).unwrap_or(('&', 1));
        out.push(c);
        rest = &rest[len..];
    }
    out.push_str(rest);
    out
}

/// The character `s` (which starts with `&`) refers to, and the reference's length.
fn reference(s: &str) -> Option<(char, usize)> {
    if let Some(number) = s.strip_prefix("&#") {
        let hex = number.starts_with(['x', 'X']);
        let (radix, from) = if hex { (16, 3) } else { (10, 2) };
        let count = s[from..]
            .bytes()
            .take_while(|b| char::from(*b).is_digit(radix))
            .count();
        // Browsers read `&#106` without its `;` too (a favourite of XSS payloads).
        let value = s[from..from + count].chars().try_fold(0u32, |n, c| {
            Some((n * radix + c.to_digit(radix)?).min(0x11_0000))
        });
        let c = char::from_u32(value.filter(|_| count > 0)?)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{fffd}');
        let end = from + count;
        return Some((c, end + usize::from(s[end..].starts_with(';'))));
    }
    let name_len = s[1..].bytes().take_while(u8::is_ascii_alphanumeric).count();
    let name = &s[1..1 + name_len];
    if name.is_empty() || !s[1 + name_len..].starts_with(';') {
        return None;
    }
    let c = NAMED.split(' ').find_map(|pair| {
        let rest = pair.strip_prefix(name)?;
        let mut chars = rest.chars();
        chars.next().filter(|_| chars.next().is_none())
    })?;
    Some((c, name_len + 2))
}
