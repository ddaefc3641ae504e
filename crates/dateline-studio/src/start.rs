//! The Studio's start form: an article, its publication date and source,
//! checked field by field, then drafted into a story.

use serde_json::Value;

use crate::draft::dates::Day;
use crate::draft::gazetteer::Gazetteer;
use crate::draft::{draft, DraftInput};
use crate::story::link_host;

use super::Session;

/// A field of the start form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartField {
    /// **Article text**.
    Article,
    /// **Published**.
    Published,
    /// **Source URL**.
    SourceUrl,
}

/// Why the article cannot be drafted yet.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StartError {
    /// No text.
    #[error("Paste the article's text here: the story is drafted from its sentences.")]
    NoArticle,
    /// No publication date.
    #[error("Give the date the article was published: dates such as “last September” are counted from it.")]
    NoDate,
    /// Not a date.
    #[error("“{0}” is not a date; write it as YYYY-MM-DD, such as 2024-02-20.")]
    BadDate(String),
    /// Not a web address.
    #[error("“{0}” is not a web address; give the article's full address, starting with https://, or leave it empty.")]
    BadUrl(String),
    /// The drafter found no place.
    #[error("No place in this text is in the gazetteer, so there is nothing to map. Check that it is the article's text, or start a new empty story and add its places by hand.")]
    NoPlaces,
}

/// What the start form holds.
#[derive(Debug, Clone, Copy)]
pub struct ArticleForm<'a> {
    /// **Article text**.
    pub article: &'a str,
    /// **Published**, as typed (`YYYY-MM-DD`).
    pub published: &'a str,
    /// **Source name**, optional.
    pub source_name: &'a str,
    /// **Source URL**, optional.
    pub source_url: &'a str,
}

impl<'a> ArticleForm<'a> {
    /// The start form as the session keeps it.
    pub fn of(session: &'a Session) -> ArticleForm<'a> {
        ArticleForm {
            article: &session.article,
            published: &session.published,
            source_name: &session.source_name,
            source_url: &session.source_url,
        }
    }
}

/// Every problem of the form, by field; none when it can be drafted.
///
/// ```
/// use dateline_studio::{check_article, ArticleForm, StartError, StartField};
/// let form = ArticleForm { article: "MOSCOW, Feb 20.", published: "20/02/2024", source_name: "", source_url: "" };
/// assert_eq!(check_article(&form), [(StartField::Published, StartError::BadDate("20/02/2024".into()))]);
/// ```
pub fn check_article(form: &ArticleForm) -> Vec<(StartField, StartError)> {
    let mut found = Vec::new();
    if form.article.trim().is_empty() {
        found.push((StartField::Article, StartError::NoArticle));
    }
    let published = form.published.trim();
    if published.is_empty() {
        found.push((StartField::Published, StartError::NoDate));
    } else if Day::parse(published).is_none() {
        found.push((StartField::Published, StartError::BadDate(published.into())));
    }
    let url = form.source_url.trim();
    if !url.is_empty() && link_host(url).is_none() {
        found.push((StartField::SourceUrl, StartError::BadUrl(url.into())));
    }
    found
}

/// The story drafted from the form's article, or what is wrong with the form.
pub fn draft_article(
    form: &ArticleForm,
    gazetteer: &Gazetteer,
) -> Result<Value, Vec<(StartField, StartError)>> {
    let problems = check_article(form);
    let Some(published) = Day::parse(form.published.trim()).filter(|_| problems.is_empty()) else {
        return Err(problems);
    };
    let name = form.source_name.trim();
    let url = form.source_url.trim();
    let input = DraftInput {
        text: form.article,
        published,
        source_name: (!name.is_empty()).then_some(name),
        source_url: (!url.is_empty()).then_some(url),
    };
    let drafted = draft(&input, gazetteer).story;
    if drafted["features"].as_array().is_none_or(Vec::is_empty) {
        return Err(vec![(StartField::Article, StartError::NoPlaces)]);
    }
    Ok(drafted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_is_checked_then_drafted() {
        let g = Gazetteer::parse("Zhukovskiy\tRU\tP\t47\t97200\t38.1203\t55.5953\n").unwrap();
        let form = ArticleForm {
            article: "In August 2019, the two presidents inspected a helicopter at the air show in Zhukovsky.",
            published: "2024-02-20",
            source_name: "TASS",
            source_url: "tass.com/x",
        };
        assert_eq!(
            draft_article(&form, &g),
            Err(vec![(
                StartField::SourceUrl,
                StartError::BadUrl("tass.com/x".into())
            )])
        );
        let ok = ArticleForm {
            source_url: "https://tass.com/x",
            ..form
        };
        let story = draft_article(&ok, &g).unwrap();
        assert_eq!(story["features"][0]["properties"]["name"], "Zhukovsky");
        let nowhere = ArticleForm {
            article: "Nothing happened anywhere.",
            ..ok
        };
        assert_eq!(
            draft_article(&nowhere, &g),
            Err(vec![(StartField::Article, StartError::NoPlaces)])
        );
        let empty = ArticleForm {
            article: " ",
            published: "",
            ..ok
        };
        assert_eq!(check_article(&empty).len(), 2);
    }
}
