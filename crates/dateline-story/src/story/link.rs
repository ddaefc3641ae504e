//! Links a story may carry: absolute http(s) URLs only.
//!
//! The widget turns these into clickable anchors on someone else's page, so
//! anything that could run script (`javascript:`), embed content (`data:`) or
//! resolve against the host page (relative paths) is refused.

/// The host of an absolute `http://` or `https://` URL (without port), or
/// `None` if `url` is not such a link.
///
/// Accepted: a case-insensitive `http://` or `https://`, a non-empty host of
/// letters, digits, `-`, `.`, `_` (or non-ASCII, for international names) or
/// a bracketed IPv6 address, an optional numeric port, then any path, query
/// and fragment. Refused: whitespace or control characters anywhere,
/// backslashes, and a user name before the host (`https://tass.com@evil.example`
/// reads as `tass.com` but goes elsewhere).
///
/// # Examples
///
/// ```
/// use dateline_story::story::link_host;
///
/// assert_eq!(link_host("https://tass.com/politics/1749135"), Some("tass.com"));
/// assert_eq!(link_host("javascript:alert(1)"), None);
/// assert_eq!(link_host("tass.com/politics"), None);
/// ```
pub fn link_host(url: &str) -> Option<&str> {
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return None;
    }
    let rest = strip_prefix_ignore_case(url, "https://")
        .or_else(|| strip_prefix_ignore_case(url, "http://"))?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return None;
    }
    let (host, port) = split_port(authority)?;
    if !port.is_empty() && !port.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let host_ok = if let Some(ipv6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        !ipv6.is_empty()
            && ipv6
                .chars()
                .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
    } else {
        !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '_'))
    };
    host_ok.then_some(host)
}

/// Whether `url` is an absolute `http://` or `https://` link the story may
/// carry; see [`link_host`] for the exact rules.
pub fn is_web_link(url: &str) -> bool {
    link_host(url).is_some()
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        s.get(prefix.len()..)
    } else {
        None
    }
}

/// Splits `host:port`, minding the colons inside `[ipv6]`.
fn split_port(authority: &str) -> Option<(&str, &str)> {
    if authority.starts_with('[') {
        let end = authority.find(']')?;
        let (host, after) = authority.split_at(end + 1);
        match after.strip_prefix(':') {
            Some(port) => Some((host, port)),
            None if after.is_empty() => Some((host, "")),
            None => None,
        }
    } else {
        Some(match authority.split_once(':') {
            Some((host, port)) => (host, port),
            None => (authority, ""),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_web_links() {
        for (url, host) in [
            ("https://tass.com/politics/1749135", "tass.com"),
            ("http://example.org", "example.org"),
            ("HTTPS://Example.ORG/a?b=c#d", "Example.ORG"),
            ("https://example.org:8080/x", "example.org"),
            ("https://[2001:db8::1]:443/", "[2001:db8::1]"),
            ("https://пример.рф/путь", "пример.рф"),
            ("https://example.org?q=1", "example.org"),
        ] {
            assert_eq!(link_host(url), Some(host), "{url}");
            assert!(is_web_link(url));
        }
    }

    #[test]
    fn refuses_everything_else() {
        for url in [
            "javascript:alert(1)",
            "JavaScript://%0aalert(1)",
            "data:text/html,<script>alert(1)</script>",
            "ftp://example.org/file",
            "tass.com/politics/1749135",
            "/world/1747737",
            "//tass.com/x",
            "https://",
            "https:///path",
            "https:example.org",
            "http:/example.org",
            "https://exa mple.org",
            "https://example.org/a b",
            "https://example.org/\n",
            "https:\\\\example.org",
            "https://tass.com@evil.example/",
            "https://example.org:80a/",
            "https://[::1/",
            "https://[]/",
            "https://ex<ample.org",
            "mailto:news@example.org",
            "",
            "h",
        ] {
            assert_eq!(link_host(url), None, "{url:?}");
        }
    }
}
