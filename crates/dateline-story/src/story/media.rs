//! Photos, videos and pages an event points to.

use super::link::is_web_link;

/// One piece of media of an event.
#[derive(Debug, Clone, PartialEq)]
pub struct Media {
    /// Where it is: an absolute http(s) address, or a path relative to the
    /// story file (see [`is_media_address`]).
    pub url: String,
    /// What the picture shows, for people who cannot see it.
    pub alt: Option<String>,
    /// A caption.
    pub caption: Option<String>,
    /// Who made it.
    pub credit: Option<String>,
    /// A page to open from it (absolute http(s)).
    pub link: Option<String>,
}

/// How a piece of media is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaKind {
    /// A picture, shown in the panel.
    Image,
    /// Anything else (a YouTube or Vimeo page, an article): a link card.
    Page,
}

/// File endings shown as pictures.
const IMAGE_ENDINGS: [&str; 8] = [
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".bmp",
];

impl Media {
    /// Whether it is shown as a picture or as a link card. By the address:
    /// a picture file's ending (before any query), else a page.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline_story::story::{Media, MediaKind};
    ///
    /// let photo = Media { url: "photos/kim.JPG?w=800".into(), alt: None, caption: None, credit: None, link: None };
    /// assert_eq!(photo.kind(), MediaKind::Image);
    /// let video = Media { url: "https://www.youtube.com/watch?v=x".into(), ..photo };
    /// assert_eq!(video.kind(), MediaKind::Page);
    /// ```
    pub fn kind(&self) -> MediaKind {
        let path = self
            .url
            .split(['?', '#'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if IMAGE_ENDINGS.iter().any(|e| path.ends_with(e)) {
            MediaKind::Image
        } else {
            MediaKind::Page
        }
    }

    /// The text that stands for the picture: its `alt`, else its caption.
    pub fn alt_text(&self) -> Option<&str> {
        self.alt.as_deref().or(self.caption.as_deref())
    }
}

/// Whether `url` may be a media address: an absolute http(s) link, or a
/// relative path (resolved against the story file). No other scheme (no
/// `javascript:`, no `data:`), no protocol-relative `//host`, no whitespace,
/// control characters or backslashes.
///
/// # Examples
///
/// ```
/// use dateline_story::story::is_media_address;
///
/// assert!(is_media_address("https://example.org/kim.jpg"));
/// assert!(is_media_address("photos/kim.jpg"));
/// assert!(is_media_address("../photos/kim.jpg"));
/// assert!(!is_media_address("javascript:alert(1)"));
/// assert!(!is_media_address("//evil.example/x.jpg"));
/// ```
pub fn is_media_address(url: &str) -> bool {
    if is_web_link(url) {
        return true;
    }
    if url.is_empty()
        || url.starts_with("//")
        || url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return false;
    }
    // A scheme is letters, digits, `+`, `-`, `.` before the first `:`, ahead of any `/`.
    let before_slash = url.split(['/', '?', '#']).next().unwrap_or("");
    !before_slash.contains(':')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn media(url: &str) -> Media {
        Media {
            url: url.into(),
            alt: None,
            caption: Some("Kim and the car".into()),
            credit: None,
            link: None,
        }
    }

    #[test]
    fn pictures_by_their_ending_everything_else_is_a_page() {
        for url in ["a.png", "https://x.org/b.webp#top", "c.SVG", "d.jpeg?x=1"] {
            assert_eq!(media(url).kind(), MediaKind::Image, "{url}");
        }
        for url in [
            "https://vimeo.com/123",
            "https://x.org/jpg",
            "page.html",
            "https://x.org/a.png/",
        ] {
            assert_eq!(media(url).kind(), MediaKind::Page, "{url}");
        }
    }

    #[test]
    fn only_web_links_and_relative_paths_are_addresses() {
        for ok in [
            "https://a.b/c.jpg",
            "http://a.b",
            "c.jpg",
            "./c.jpg",
            "/photos/c.jpg",
            "../c.jpg",
        ] {
            assert!(is_media_address(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:image/png;base64,xx",
            "vbscript:x",
            "//a.b/c.jpg",
            "c .jpg",
            "",
            "c\\d.jpg",
            "JaVaScRiPt:x",
        ] {
            assert!(!is_media_address(bad), "{bad}");
        }
    }

    #[test]
    fn the_caption_stands_in_for_a_missing_alt() {
        let m = media("a.png");
        assert_eq!(m.alt_text(), Some("Kim and the car"));
        let with_alt = Media {
            alt: Some("Kim Jong Un at the wheel".into()),
            ..m
        };
        assert_eq!(with_alt.alt_text(), Some("Kim Jong Un at the wheel"));
    }
}
