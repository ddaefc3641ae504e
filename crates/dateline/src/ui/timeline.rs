//! The time axis under the map: every event at its date, and stepping
//! through them in reading order.

use std::sync::Arc;

use leptos::prelude::*;

use crate::fixed_point::px;
use crate::geo::Size;
use crate::i18n::fill;
use crate::story::{Precision, Story};
use crate::timeline::marks::{
    label_width, layout_marks, sample, short_label, AxisLayout, HALF_TARGET_PX, LABEL_HEIGHT_PX,
    LABEL_LIFT_PX, LABEL_MAX_CHARS, LABEL_PADDING_PX, LABEL_ROWS, LABEL_ROW_PX,
};
use crate::timeline::{step, EventRef, Tick, TimeAxis};
use crate::ui::keyed_flags::KeyedFlags;
use crate::ui::locale::{use_locale, Locale};
use crate::ui::size_observer::observe_size;

/// At most this many marks on the axis, and undated buttons below it: a
/// story of 100,000 events shows an even sample in time order (Previous and
/// Next still reach every event), so the timeline's size stays bounded.
const MAX_MARKS: usize = 300;
const MAX_UNDATED: usize = 20;

/// A time axis under the map: every dated event at its date (a year-only event spans its year, a month-only event its month), undated events listed apart, previous/next and overview buttons.
#[component]
pub fn Timeline(
    /// The story.
    story: Arc<Story>,
    /// Every event in reading order (crate::timeline::reading_order(&story)).
    order: Arc<Vec<EventRef>>,
    /// The current event: an index into `order`, or None for the story's overview.
    #[prop(into)]
    current: Signal<Option<usize>>,
    /// Whether the event titles above the axis and the undated events show;
    /// a compact timeline is one row of marks. The reader toggles it.
    expanded: RwSignal<bool>,
    /// Called with an index into `order` when an event is chosen (click/Enter on its mark).
    on_select: Callback<usize>,
    /// Called when "previous"/"next"/"overview" is pressed, with the new position (None = overview), computed with crate::timeline::step.
    on_step: Callback<Option<usize>>,
) -> impl IntoView {
    let locale = use_locale();
    let words = locale.words;
    let rtl = locale.rtl();
    let months: [String; 12] = locale.months().map(str::to_string);
    let axis = TimeAxis::for_story(&story);
    let (marks, undated) = entries(&story, &order, axis.as_ref(), &locale);
    let fractions: Vec<(f64, f64, Precision)> =
        marks.iter().map(|m| (m.from, m.to, m.precision)).collect();
    let estimates: Vec<f64> = marks.iter().map(|m| label_width(&m.label)).collect();
    let label_widths = RwSignal::new(estimates.clone());
    let label_texts: Vec<NodeRef<leptos::html::Span>> =
        marks.iter().map(|_| NodeRef::new()).collect();

    let axis_ref = NodeRef::<leptos::html::Div>::new();
    let size = RwSignal::new(Size::new(0.0, 0.0));
    observe_size(axis_ref, size);
    let width = Memo::new(move |_| size.with(|s| s.width));
    // The labels' widths in the font really used, measured again on resize
    // (reads only: one layout for all of them).
    {
        let texts = label_texts.clone();
        Effect::new(move |_| {
            if width.get() <= 0.0 {
                return;
            }
            let measured: Vec<f64> = texts
                .iter()
                .zip(&estimates)
                .map(|(text, &estimate)| {
                    text.get_untracked()
                        .map(|el| f64::from(el.offset_width()))
                        .filter(|w| *w > 0.0)
                        // One px more for the rounding of offsetWidth.
                        .map_or(estimate, |w| w + 1.0 + LABEL_PADDING_PX)
                })
                .collect();
            if label_widths.with_untracked(|w| *w != measured) {
                label_widths.set(measured);
            }
        });
    }
    // Everything that depends on the width, and only on it: computed once per resize.
    let layout = Memo::new(move |_| {
        let rows = if expanded.get() { LABEL_ROWS } else { 0 };
        let months: [&str; 12] = std::array::from_fn(|m| months[m].as_str());
        let layout = layout_marks(
            axis.as_ref(),
            &fractions,
            &label_widths.read(),
            width.get().max(0.0),
            rows,
            &months,
        );
        // Right to left, time runs from the right edge.
        if rtl {
            layout.mirrored()
        } else {
            layout
        }
    });

    let count = order.len();
    let is_last = move |at: Option<usize>| match (at, count.checked_sub(1)) {
        (Some(i), Some(last)) => i >= last,
        (_, None) => true,
        (None, Some(_)) => false,
    };
    let at_overview = move || current.get().is_none();
    let at_last = move || is_last(current.get());
    let position = move || match current.get() {
        Some(i) if count > 0 => fill(
            words.position,
            &[
                ("current", &(i.min(count - 1) + 1).to_string()),
                ("total", &count.to_string()),
            ],
        ),
        _ => words.overview.to_string(),
    };
    let step_order = order.clone();
    // Pressing a disabled (aria-disabled) button does nothing.
    let go = move |forward: bool| {
        let at = current.get_untracked();
        let disabled = if forward { is_last(at) } else { at.is_none() };
        if !disabled {
            on_step.run(step(&step_order, at, forward));
        }
    };
    let go_back = go.clone();

    let has_axis = axis.is_some();
    // Each mark watches only whether it is current: a step wakes two marks, not all.
    let current_mark = KeyedFlags::<usize>::new();
    Effect::new(move |_| current_mark.set(current.get().into_iter().collect()));
    let mark_views = marks
        .into_iter()
        .enumerate()
        .zip(label_texts)
        .map(|((k, mark), text)| mark_view(k, mark, text, layout, current_mark, on_select))
        .collect_view();
    let undated_views = (!undated.is_empty()).then(|| {
        let items = undated
            .into_iter()
            .map(|(i, id, label)| {
                view! {
                    <li>
                        <button
                            type="button"
                            class="dl-timeline-undated-event"
                            data-event-id=id
                            class:dl-timeline-current=move || current.get() == Some(i)
                            data-testid="timeline-undated"
                            aria-current=move || (current.get() == Some(i)).then_some("true")
                            on:click=move |_| on_select.run(i)
                        >
                            {label}
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <ul class="dl-timeline-undated" aria-label=words.undated_events hidden=move || !expanded.get()>
                {items}
            </ul>
        }
    });

    view! {
        <section class="dl-timeline" aria-label=words.timeline data-testid="timeline">
            <div class="dl-timeline-bar">
                <button
                    type="button"
                    class="dl-timeline-nav"
                    data-testid="timeline-overview"
                    aria-current=move || at_overview().then_some("true")
                    on:click=move |_| on_step.run(None)
                >
                    {words.overview}
                </button>
                <button
                    type="button"
                    class="dl-timeline-nav"
                    data-testid="timeline-prev"
                    aria-label=words.previous_event
                    aria-disabled=move || at_overview().to_string()
                    on:click=move |_| go_back(false)
                >
                    <span aria-hidden="true">"‹"</span>
                    <span class="dl-timeline-nav-text">{words.previous}</span>
                </button>
                <button
                    type="button"
                    class="dl-timeline-nav"
                    data-testid="timeline-next"
                    aria-label=words.next_event
                    aria-disabled=move || at_last().to_string()
                    on:click=move |_| go(true)
                >
                    <span class="dl-timeline-nav-text">{words.next}</span>
                    <span aria-hidden="true">"›"</span>
                </button>
                <span class="dl-timeline-position" data-testid="timeline-position">
                    {position}
                </span>
                <button
                    type="button"
                    class="dl-timeline-nav dl-timeline-toggle"
                    data-testid="timeline-toggle"
                    aria-expanded=move || expanded.get().to_string()
                    on:click=move |_| expanded.update(|e| *e = !*e)
                >
                    {words.timeline_toggle}
                    <span aria-hidden="true">{move || if expanded.get() { "▴" } else { "▾" }}</span>
                </button>
            </div>
            <div
                class="dl-timeline-axis"
                node_ref=axis_ref
                style:padding-top=move || px(layout.with(|l| l.label_room))
                style:display=(!has_axis).then_some("none")
            >
                <ol class="dl-timeline-marks" aria-label=words.events_by_date>
                    {mark_views}
                </ol>
                <div class="dl-timeline-ticks" aria-hidden="true">
                    {move || layout.with(|l| tick_views(&l.ticks, l.width))}
                </div>
            </div>
            {undated_views}
        </section>
    }
}

/// One dated event on the axis, as built once from the story.
struct MarkEntry {
    /// Index into the reading order.
    index: usize,
    /// The event's id.
    id: String,
    /// The accessible name: date, place and full title.
    name: String,
    /// The visible label: the title, cut short.
    label: String,
    /// Where its date starts and ends along the axis, 0 to 1.
    from: f64,
    to: f64,
    /// How precise its date is: a year or month is a bar, a day a dot.
    precision: Precision,
}

/// The dated events (for the axis) and the undated ones (index, id and title),
/// each in reading order.
fn entries(
    story: &Story,
    order: &[EventRef],
    axis: Option<&TimeAxis>,
    locale: &Locale,
) -> (Vec<MarkEntry>, Vec<(usize, String, String)>) {
    let mut marks = Vec::new();
    let mut undated = Vec::new();
    for (index, event_ref) in order.iter().enumerate() {
        let Some((place, event)) = event_ref.resolve(story) else {
            continue;
        };
        match (event.date.as_ref(), axis) {
            (Some(date), Some(axis)) => {
                let (from, to) = axis.span_of(date);
                marks.push(MarkEntry {
                    index,
                    id: event.id.clone(),
                    name: format!("{}, {}: {}", locale.date(date), place.name, event.title),
                    label: short_label(&event.title, LABEL_MAX_CHARS),
                    from,
                    to,
                    precision: date.precision(),
                });
            }
            _ => {
                let label = match &event.date_text {
                    Some(when) => format!("{when}: {}", event.title),
                    None => fill(locale.words.undated_event, &[("title", &event.title)]),
                };
                undated.push((index, event.id.clone(), label));
            }
        }
    }
    undated.truncate(MAX_UNDATED);
    (sample(marks, MAX_MARKS), undated)
}

/// One dated event's button, placed by `layout` and highlighted while `current` holds it.
fn mark_view(
    k: usize,
    mark: MarkEntry,
    text: NodeRef<leptos::html::Span>,
    layout: Memo<AxisLayout>,
    current: KeyedFlags<usize>,
    on_select: Callback<usize>,
) -> impl IntoView {
    let at = Memo::new(move |_| layout.with(|l| l.marks.get(k).copied().unwrap_or_default()));
    let i = mark.index;
    let is_current = current.watch(i);
    let kind = match mark.precision {
        Precision::Year => "dl-timeline-mark dl-timeline-year",
        Precision::Month => "dl-timeline-mark dl-timeline-month",
        Precision::Day => "dl-timeline-mark dl-timeline-dot",
    };
    let span = mark.precision != Precision::Day;
    view! {
        <li
            class="dl-timeline-item"
            class:dl-timeline-lane-1=move || at.get().lane == 1
            style:left=move || px(at.get().left)
            style:width=move || px(at.get().width)
        >
            <button
                type="button"
                class="dl-timeline-event"
                class:dl-timeline-current=is_current
                data-testid="timeline-event"
                data-event-id=mark.id
                data-precision=match mark.precision {
                    Precision::Year => "year",
                    Precision::Month => "month",
                    Precision::Day => "day",
                }
                aria-label=mark.name.clone()
                title=mark.name
                aria-current=move || is_current.get().then_some("true")
                on:click=move |_| on_select.run(i)
            >
                <span
                    class=kind
                    data-testid="timeline-mark"
                    style:width=move || span.then(|| px(at.get().bar))
                ></span>
                <span
                    class="dl-timeline-label"
                    class:dl-timeline-label-hidden=move || !at.get().label_shown
                    data-testid="timeline-label"
                    data-row=move || at.get().row.to_string()
                    style:left=move || px(at.get().label_left)
                    style:width=move || px(at.get().label_width)
                    style:top=move || {
                        // A hidden label shows in row 0 on hover or focus.
                        let m = at.get();
                        let row = if m.label_shown { m.row } else { 0 };
                        let lift = LABEL_LIFT_PX + LABEL_HEIGHT_PX + row as f64 * LABEL_ROW_PX;
                        px(HALF_TARGET_PX - lift)
                    }
                >
                    <span node_ref=text>{mark.label}</span>
                </span>
            </button>
        </li>
    }
}

/// The ticks below the axis.
fn tick_views(ticks: &[Tick], width: f64) -> impl IntoView {
    ticks
        .iter()
        .map(|tick| {
            view! {
                <span class="dl-timeline-tick" data-testid="timeline-tick" style:left=px(tick.at * width)>
                    {tick.label.clone()}
                </span>
            }
        })
        .collect_view()
}
