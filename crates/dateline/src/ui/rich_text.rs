//! A story's rich text as the widget's own elements.

use leptos::prelude::*;

use crate::story::{Block, Inline, RichText};
use crate::ui::locale::use_locale;

/// Paragraphs, lists, line breaks, bold, italic and http(s) links, built as
/// elements (never parsed as HTML). `class` goes on every paragraph and list;
/// each takes its own direction from its text (`dir="auto"`), so an English
/// story reads right in an Arabic page and the other way round.
#[component]
pub fn RichTextView(
    /// The text.
    text: RichText,
    /// The class of its paragraphs and lists.
    #[prop(into)]
    class: String,
) -> impl IntoView {
    let new_tab = use_locale().words.opens_new_tab;
    text.blocks
        .into_iter()
        .map(|block| match block {
            Block::Paragraph(inlines) => {
                view! { <p class=class.clone() dir="auto">{inline_views(inlines, new_tab)}</p> }
                    .into_any()
            }
            Block::List { ordered, items } => {
                let items = items
                    .into_iter()
                    .map(|item| view! { <li>{inline_views(item, new_tab)}</li> })
                    .collect_view();
                if ordered {
                    view! { <ol class=format!("{class} dl-rich-list") dir="auto">{items}</ol> }
                        .into_any()
                } else {
                    view! { <ul class=format!("{class} dl-rich-list") dir="auto">{items}</ul> }
                        .into_any()
                }
            }
        })
        .collect_view()
}

fn inline_views(inlines: Vec<Inline>, new_tab: &'static str) -> AnyView {
    inlines
        .into_iter()
        .map(|inline| match inline {
            Inline::Text(text) => text.into_any(),
            Inline::Bold(content) => {
                view! { <strong>{inline_views(content, new_tab)}</strong> }.into_any()
            }
            Inline::Italic(content) => {
                view! { <em>{inline_views(content, new_tab)}</em> }.into_any()
            }
            Inline::Break => view! { <br /> }.into_any(),
            Inline::Link { href, content } => view! {
                <a href=href target="_blank" rel="noopener noreferrer">
                    {inline_views(content, new_tab)}
                    <span class="dl-visually-hidden">{new_tab}</span>
                </a>
            }
            .into_any(),
        })
        .collect_view()
        .into_any()
}
