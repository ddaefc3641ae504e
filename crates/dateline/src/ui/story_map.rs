//! The story map component: a whole widget for a validated story, usable in
//! any Leptos 0.8 CSR app. It brings its own root element and styles; the
//! embed ([`crate::ui::widget::Widget`]) is built on it.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::fixed_point::px;
use crate::geo::Size;
use crate::interaction::{key_command, KeyCommand, KeyContext};
use crate::layout::{timeline_starts_expanded, SHEET_BAR_PX};
use crate::selection::{Nav, Selection};
use crate::story::Story;
use crate::timeline::step;
use crate::ui::control::{SelectedEvent, StoryMapControl};
use crate::ui::details_panel::DetailsPanel;
use crate::ui::locale::{use_locale, Locale};
use crate::ui::map_view::MapView;
use crate::ui::options::MapOptions;
use crate::ui::size_observer::observe_size;
use crate::ui::story_state::{MapState, StoryData};
use crate::ui::styles::ensure_styles;
use crate::ui::tasks::Tasks;
use crate::ui::timeline::Timeline;

/// A fresh id for a map whose host gave none.
fn next_id() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    format!("dateline-map-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// An interactive map of a story: its places as markers, a details panel
/// (overview or the open place), a timeline, keyboard access throughout. It
/// fills its container (give that a height), with its own styles.
///
/// ```ignore
/// view! { <StoryMap story=story on_select=Callback::new(|e| log!("{e:?}")) /> }
/// ```
#[component]
pub fn StoryMap(
    /// The story to show, validated (see [`crate::story::parse`]).
    story: Arc<Story>,
    /// Prefix of the ids inside the widget, unique on the page; also the
    /// name of its deep links when [`crate::ui::options::DeepLinks::Named`].
    /// Default: `dateline-map-N`.
    #[prop(optional, into)]
    id: Option<String>,
    /// How the map behaves; see each field of [`MapOptions`] for its default.
    #[prop(optional)]
    options: MapOptions,
    /// Called when the open event changes: with its ids, or `None` when the
    /// reader returns to the overview or closes the panel.
    #[prop(optional, into)]
    on_select: Option<Callback<Option<SelectedEvent>>>,
    /// Lets the host open an event or the overview from outside.
    #[prop(optional)]
    control: Option<StoryMapControl>,
) -> impl IntoView {
    let id = id.unwrap_or_else(next_id);
    let tasks = Tasks::new();
    provide_context(tasks);
    let locale = match &options.language {
        Some(tag) => Locale::for_tag(tag),
        None => use_locale(),
    };
    let rtl = locale.rtl();
    provide_context(locale);
    let data = Arc::new(StoryData::new(story));
    let state = MapState::new(data.clone(), &options, on_select);
    if let Some(control) = control {
        control.attach(state);
    }
    state.follow_links();
    Effect::new(move |_| {
        state.size.track();
        state.resized();
    });

    let root = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(root) = root.get() {
            ensure_styles(&root);
        }
    });
    // The timeline starts expanded in a tall widget, compact in a short one.
    let widget_size = RwSignal::new(Size::new(0.0, 0.0));
    observe_size(state.widget, widget_size);
    let timeline_expanded = RwSignal::new(false);
    Effect::new(move |decided: Option<bool>| {
        let height = widget_size.with(|s| s.height);
        if decided == Some(true) || height <= 0.0 {
            return decided.unwrap_or(false);
        }
        timeline_expanded.set(timeline_starts_expanded(height));
        true
    });

    let order = data.order.clone();
    let select_event =
        Callback::new(move |k: usize| state.go(Selection::Event(k), Nav::Deliberate));
    let step_to = Callback::new(move |to: Option<usize>| {
        state.go(to.map_or(Selection::Overview, Selection::Event), Nav::Step)
    });
    let on_close = Callback::new(move |()| state.close());
    let current = Signal::derive(move || state.selection.get().event());
    let step_order = order.clone();
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let within = |selector: &str| {
            target
                .as_ref()
                .and_then(|el| el.closest(selector).ok().flatten())
                .is_some()
        };
        let cx = KeyContext {
            modified: ev.ctrl_key() || ev.alt_key() || ev.meta_key(),
            in_field: within("input, textarea, select, [contenteditable]"),
            on_map: within(".dl-viewport, .dl-controls"),
            panel_open: state.selection.get_untracked().is_open(),
            fanned: state.spider.with_untracked(Option::is_some),
            rtl,
        };
        let Some(command) = key_command(&ev.key(), cx) else {
            return;
        };
        ev.prevent_default();
        match command {
            KeyCommand::ClosePanel => state.close(),
            KeyCommand::Unfan => state.spider.set(None),
            KeyCommand::Step { forward } => {
                let at = state.selection.get_untracked().event();
                step_to.run(step(&step_order, at, forward));
            }
            KeyCommand::Map(action) => state.act(action),
        }
    };
    let layout = state.layout;
    let heading_id = format!("{id}-panel-heading");
    view! {
        <div
            class="dl-root"
            data-testid="dateline"
            data-widget-id=id
            dir=rtl.then_some("rtl")
            node_ref=root
        >
            <div
                class=move || layout.get().class()
                node_ref=state.widget
                on:keydown=on_key
                style:--dl-panel-width=move || px(layout.get().panel_width)
                style:--dl-sheet-height=move || px(layout.get().sheet_height)
                style:--dl-sheet-bar=px(SHEET_BAR_PX)
                style:--dl-covered-bottom=move || px(state.covered.get().bottom)
            >
                <MapView data=data.clone() state=state cooperative=options.cooperative_gestures />
                <Timeline
                    story=data.story.clone()
                    order=order.clone()
                    current=current
                    expanded=timeline_expanded
                    on_select=select_event
                    on_step=step_to
                />
                <DetailsPanel
                    story=data.story.clone()
                    order=order
                    selection=state.selection
                    collapsed=state.sheet_collapsed
                    sheet=Signal::derive(move || layout.get().starts_collapsed())
                    notice=state.notice
                    heading_id=heading_id
                    on_close=on_close
                    on_select=select_event
                />
                <div class="dl-visually-hidden" aria-live="polite" data-testid="announcer">
                    {move || state.announcement.get()}
                </div>
            </div>
        </div>
    }
}
