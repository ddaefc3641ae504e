//! An event's photo, or a link card for a video or page.

use std::cell::RefCell;
use std::collections::HashSet;

use leptos::prelude::*;

use crate::story::{link_host, Media, MediaKind};
use crate::ui::locale::use_locale;

thread_local! {
    /// Pictures whose missing `alt` has been reported: once each.
    static WARNED: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
}

/// A picture with its caption and credit, loaded only when it is about to
/// show; or, for anything that is not a picture (a YouTube or Vimeo page, an
/// article), a link card. A picture that fails to load leaves its caption
/// and credit, not a broken-image icon.
#[component]
pub fn MediaView(
    /// The media.
    media: Media,
) -> impl IntoView {
    let words = use_locale().words;
    let credit = media
        .credit
        .clone()
        .map(|c| view! { <span class="dl-media-credit">{c}</span> });
    let caption = media
        .caption
        .clone()
        .map(|c| view! { <span class="dl-media-caption">{c}</span> });
    match media.kind() {
        MediaKind::Image => {
            let broken = RwSignal::new(false);
            let alt = media.alt_text().unwrap_or_default().to_string();
            if media.alt.is_none() {
                warn_missing_alt(&media.url);
            }
            let link = media.link.clone();
            let picture = move || {
                (!broken.get()).then(|| {
                    let image = view! {
                        <img
                            class="dl-media-image"
                            src=media.url.clone()
                            alt=alt.clone()
                            loading="lazy"
                            decoding="async"
                            data-testid="event-image"
                            on:error=move |_| broken.set(true)
                        />
                    };
                    match link.clone() {
                        Some(href) => view! {
                            <a class="dl-media-image-link" data-testid="event-image-link" href=href target="_blank" rel="noopener noreferrer">
                                {image}
                                <span class="dl-visually-hidden">{words.opens_new_tab}</span>
                            </a>
                        }
                        .into_any(),
                        None => image.into_any(),
                    }
                })
            };
            view! {
                <figure class="dl-media" data-testid="event-media" data-broken=move || broken.get().then_some("true")>
                    {picture}
                    {(caption.is_some() || credit.is_some()).then(|| view! {
                        <figcaption class="dl-media-text">{caption}" "{credit}</figcaption>
                    })}
                </figure>
            }
            .into_any()
        }
        MediaKind::Page => {
            let host = link_host(&media.url).unwrap_or_default().to_string();
            let label = media.caption.clone().unwrap_or_else(|| host.clone());
            view! {
                <div class="dl-media" data-testid="event-media">
                    <a class="dl-media-link" data-testid="event-media-link" href=media.url target="_blank" rel="noopener noreferrer">
                        <span class="dl-media-link-title">{label}</span>
                        <span class="dl-media-link-host">{host}</span>
                        <span class="dl-visually-hidden">{words.opens_new_tab}</span>
                    </a>
                    {credit.map(|c| view! { <p class="dl-media-text">{c}</p> })}
                </div>
            }
            .into_any()
        }
    }
}

/// Says in the console, once per picture, that it has no `alt` text.
fn warn_missing_alt(url: &str) {
    let first = WARNED.with(|warned| warned.borrow_mut().insert(url.to_string()));
    if first {
        web_sys::console::warn_1(
            &format!(
                "Dateline: the picture {url} has no \"alt\" text; its caption stands in. \
                 Give each picture an \"alt\" saying what it shows."
            )
            .into(),
        );
    }
}
