//! One labelled field of a Studio form, with the validator's problems for
//! it shown beneath, in the widget's words.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The same text, as far as the story keeps it: stored text is trimmed and
/// blank lines go, so only a change of the words themselves is a change.
/// A number typed is the same as its value ("55." is 55).
fn same_words(a: &str, b: &str) -> bool {
    let number = |s: &str| s.trim().parse::<f64>().ok();
    a.split_whitespace().eq(b.split_whitespace()) || (number(a).is_some() && number(a) == number(b))
}

/// A labelled text input (or text area) whose value follows the story (so
/// undo and redo show in it), with its problems listed under it and tied
/// to it for screen readers.
#[component]
pub fn TextField(
    /// The label shown.
    label: &'static str,
    /// The input's id, unique on the page.
    #[prop(into)]
    id: String,
    /// The value in the story.
    value: Signal<String>,
    /// What is wrong with it, as the widget says it; empty when nothing is.
    problems: Signal<Vec<String>>,
    /// Called with the text as typed.
    on_input: Callback<String>,
    /// Called when the field loses focus (it ends one undo step).
    #[prop(optional)]
    on_blur: Option<Callback<()>>,
    /// Several lines (a text area).
    #[prop(optional)]
    multiline: bool,
    /// A line of help under the label (what is allowed).
    #[prop(default = None)]
    hint: Option<&'static str>,
    /// The input's type (`text`, `date`, `url`); a text area has none.
    #[prop(default = "text")]
    input_type: &'static str,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let problems_id = format!("{id}-problems");
    let described = match hint {
        Some(_) => format!("{hint_id} {problems_id}"),
        None => problems_id.clone(),
    };
    let input = NodeRef::<leptos::html::Input>::new();
    let area = NodeRef::<leptos::html::Textarea>::new();
    // Follow the story without resetting what is being typed (its spaces, its caret).
    Effect::new(move |_| {
        let stored = value.get();
        let element: Option<web_sys::HtmlElement> = input
            .get()
            .map(|e| e.unchecked_into())
            .or_else(|| area.get().map(|e| e.unchecked_into()));
        let Some(element) = element else { return };
        let shown = js_sys::Reflect::get(&element, &"value".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        if !same_words(&shown, &stored) {
            let _ = js_sys::Reflect::set(&element, &"value".into(), &stored.into());
        }
    });
    let invalid = move || problems.with(|p| (!p.is_empty()).to_string());
    let typed = move |ev: web_sys::Event| on_input.run(event_target_value(&ev));
    let blurred = move |_| {
        if let Some(on_blur) = on_blur {
            on_blur.run(());
        }
    };
    let control = if multiline {
        view! {
            <textarea id=id.clone() rows="4" node_ref=area aria-invalid=invalid
                aria-describedby=described.clone() on:input=typed on:blur=blurred></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type=input_type node_ref=input aria-invalid=invalid
                aria-describedby=described.clone() on:input=typed on:blur=blurred />
        }
        .into_any()
    };
    view! {
        <div class="st-field" class:st-invalid=move || problems.with(|p| !p.is_empty())>
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="st-hint" id=hint_id>{h}</p> })}
            {control}
            <ul class="st-problems" id=problems_id data-testid="field-problems">
                {move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
            </ul>
        </div>
    }
}
