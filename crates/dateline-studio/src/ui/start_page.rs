//! The start page: draft a story from an article's text, open a story file
//! (picked or dropped), or start a new empty story.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::ui::field::TextField;
use crate::ui::gazetteer_fetch::gazetteer;
use crate::ui::work::{Selected, Work};
use crate::{
    check_article, draft_article, empty_story, open_story, outline, ArticleForm, Session,
    StartField,
};
use dateline::panic_report;

/// Opens `file` as the work's story, or says why it cannot.
fn open_file(work: Work, file: web_sys::File, errors: RwSignal<Vec<String>>) {
    spawn_local(async move {
        let name = file.name();
        let text = match JsFuture::from(file.text()).await {
            Ok(text) => text.as_string().unwrap_or_default(),
            Err(_) => {
                errors.set(vec![format!(
                    "“{name}” could not be read; check the file and try again."
                )]);
                return;
            }
        };
        panic_report::doing(Some("Opening this file failed"));
        let opened = open_story(&text, &name);
        panic_report::doing(None);
        match opened {
            Ok(opened) => {
                errors.set(Vec::new());
                let mut notes = vec![format!("Opened {name}.")];
                notes.extend(opened.notices);
                work.replace(Session {
                    story: Some(opened.story),
                    ..Session::default()
                });
                work.notes.set(notes);
                work.status.set(format!("Opened {name}."));
            }
            Err(problems) => {
                let mut all = vec![format!("“{name}” cannot be opened as a story:")];
                all.extend(problems);
                errors.set(all);
            }
        }
    });
}

/// The three ways to start.
#[component]
pub fn StartPage(
    /// The work.
    work: Work,
) -> impl IntoView {
    let form_errors = RwSignal::new(Vec::<(StartField, String)>::new());
    let file_errors = RwSignal::new(Vec::<String>::new());
    let busy = RwSignal::new(false);
    let field = move |get: fn(&Session) -> String| Signal::derive(move || work.session.with(get));
    let errors_for = move |f: StartField| {
        Signal::derive(move || {
            form_errors.with(|e| {
                e.iter()
                    .filter(|(g, _)| *g == f)
                    .map(|(_, m)| m.clone())
                    .collect::<Vec<_>>()
            })
        })
    };
    let draft_it = move |_| {
        let session = work.session.get_untracked();
        let form = ArticleForm::of(&session);
        let problems: Vec<(StartField, String)> = check_article(&form)
            .into_iter()
            .map(|(f, e)| (f, e.to_string()))
            .collect();
        form_errors.set(problems.clone());
        if let Some((first, _)) = problems.first() {
            let id = match first {
                StartField::Article => "article-text",
                StartField::Published => "published",
                StartField::SourceUrl => "source-url",
            };
            if let Some(el) = document()
                .get_element_by_id(id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
            return;
        }
        busy.set(true);
        work.status.set("Drafting the story…".into());
        spawn_local(async move {
            let g = gazetteer().await;
            busy.set(false);
            let g = match g {
                Ok(g) => g,
                Err(e) => {
                    work.status.set(String::new());
                    form_errors.set(vec![(StartField::Article, e)]);
                    return;
                }
            };
            let session = work.session.get_untracked();
            panic_report::doing(Some("Drafting failed on this text"));
            panic_report::test_panic_at("draft");
            let drafted = draft_article(&ArticleForm::of(&session), &g);
            panic_report::doing(None);
            match drafted {
                Ok(story) => {
                    let rows = outline(&story);
                    let places = rows.len();
                    let to_review = rows.iter().filter(|r| r.review.is_some()).count();
                    let said = format!(
                        "Drafted {places} places. {to_review} to review: they are listed first."
                    );
                    work.replace(Session {
                        story: Some(story),
                        ..session.clone()
                    });
                    work.notes.set(vec![said.clone()]);
                    work.status.set(said);
                }
                Err(problems) => form_errors.set(
                    problems
                        .into_iter()
                        .map(|(f, e)| (f, e.to_string()))
                        .collect(),
                ),
            }
        });
    };
    let picked = move |ev: web_sys::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        {
            open_file(work, file, file_errors);
        }
        if let Some(input) = input {
            input.set_value("");
        }
    };
    let over = RwSignal::new(false);
    let drag_over = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        over.set(true);
    };
    let dropped = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        over.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            open_file(work, file, file_errors);
        }
    };
    let new_empty = move |_| {
        work.replace(Session {
            story: Some(empty_story()),
            ..Session::default()
        });
        work.selected.set(Some(Selected::Place("new-place".into())));
        work.notes.set(vec![
            "A new story with one place: name it, put it on the map, and add its events.".into(),
        ]);
    };
    let has_work = move || work.session.with(|s| s.story.is_some());
    // Each field keeps what is typed in the session (saved, undoable) and shows its problems.
    let typed = move |set: fn(&mut Session, String)| {
        Callback::new(move |text: String| work.set_form(|s| set(s, text)))
    };
    view! {
        <div class="st-start" class:st-drop-over=move || over.get() on:dragover=drag_over
            on:dragleave=move |_| over.set(false) on:drop=dropped data-testid="start">
            <Show when=has_work>
                <p><button type="button" on:click=move |_| work.starting.set(false)>"Back to the story"</button>
                    " Starting again replaces the story open now; Undo (Ctrl+Z) brings it back."</p>
            </Show>
            <section class="st-card" aria-labelledby="draft-heading">
                <h2 id="draft-heading">"Draft a story from an article"</h2>
                <TextField label="Article text" id="article-text" multiline=true value=field(|s| s.article.clone())
                    problems=errors_for(StartField::Article) on_input=typed(|s, t| s.article = t) />
                <TextField label="Published" id="published" input_type="date" value=field(|s| s.published.clone())
                    problems=errors_for(StartField::Published) on_input=typed(|s, t| s.published = t) />
                <div class="st-pair">
                    <TextField label="Source name (optional)" id="source-name" value=field(|s| s.source_name.clone())
                        problems=Signal::derive(Vec::new) on_input=typed(|s, t| s.source_name = t) />
                    <TextField label="Source URL (optional)" id="source-url" input_type="url" value=field(|s| s.source_url.clone())
                        problems=errors_for(StartField::SourceUrl) on_input=typed(|s, t| s.source_url = t) />
                </div>
                <button type="button" class="st-primary" on:click=draft_it disabled=move || busy.get()>
                    {move || if busy.get() { "Drafting…" } else { "Draft the story" }}
                </button>
                <p class="st-hint">"Runs in this browser: the article is not sent anywhere. Place names: GeoNames (CC BY 4.0)."</p>
            </section>
            <section class="st-card" aria-labelledby="open-heading">
                <h2 id="open-heading">"Or open a story you have"</h2>
                <div class="st-field">
                    <label for="open-file">"Open a story file"</label>
                    <input id="open-file" type="file" accept=".geojson,.json,.csv,application/geo+json,application/json,text/csv"
                        aria-describedby="open-file-hint open-file-problems" on:change=picked />
                    <p class="st-hint" id="open-file-hint">"Dateline GeoJSON, StoryMapJS JSON or a spreadsheet (CSV). You can also drop the file on this page."</p>
                    <ul class="st-problems" id="open-file-problems" data-testid="open-problems">
                        {move || file_errors.get().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                    </ul>
                </div>
                <button type="button" on:click=new_empty>"New empty story"</button>
            </section>
        </div>
    }
}
