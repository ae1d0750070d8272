//! The load slider of the option on screen: ×0.5 … ×10 in readable steps,
//! keyboard accessible (a range input: arrows, Home, End), the multiplier
//! shown as "×2.5". A drag is one undo step (`dispatch_live`, sealed on
//! change); every diagram, verdict, finding and the summary follow, because
//! the engine evaluates each option at its own load. Off ×1 a mark says so
//! and one click goes back to ×1.

use leptos::prelude::*;
use stackfit_core::whatif::{load_words, LOAD_ONE};
use stackfit_core::Action;

use crate::state::{use_lang, use_planner};

/// The slider's stops, in thousandths: fine near ×1, coarser above.
pub const STEPS: [u32; 17] = [
    500, 750, 1000, 1250, 1500, 1750, 2000, 2500, 3000, 3500, 4000, 5000, 6000, 7000, 8000, 9000,
    10_000,
];

/// The stop nearest `load` (a load typed into a plan file may sit between).
pub fn step_of(load: u32) -> usize {
    STEPS
        .iter()
        .enumerate()
        .min_by_key(|(_, s)| s.abs_diff(load))
        .map_or(2, |(i, _)| i)
}

/// The slider, its value and the way back to ×1.
#[component]
pub fn LoadSlider() -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let load = Memo::new(move |_| planner.with_option(|o| o.map_or(LOAD_ONE, |o| o.load)));
    let set = move |load: u32, live: bool| {
        let option = planner.option_id.get_untracked();
        let action = Action::SetLoad { option, load };
        if live {
            planner.dispatch_live(action);
        } else {
            planner.dispatch(action);
            planner.end_edit();
        }
    };
    let from_input = move |ev: &leptos::ev::Event| {
        event_target_value(ev)
            .parse::<usize>()
            .ok()
            .and_then(|i| STEPS.get(i).copied())
    };
    view! {
        <div class="load" data-testid="load" data-load=move || load.get()>
            <label class="load-label" for="load-slider">
                {move || lang.get().pick("负载（相对方案设定）", "Load (of the plan as set)")}
            </label>
            <input
                id="load-slider"
                type="range"
                min="0"
                max=STEPS.len() - 1
                step="1"
                data-testid="load-slider"
                aria-valuetext=move || load_words(load.get())
                prop:value=move || step_of(load.get()).to_string()
                on:input=move |ev| {
                    if let Some(l) = from_input(&ev) {
                        set(l, true);
                    }
                }
                on:change=move |_| planner.end_edit()
            />
            <output class="load-value" data-testid="load-value" for="load-slider">
                {move || load_words(load.get())}
            </output>
            <Show when=move || load.get() != LOAD_ONE>
                <span class="load-mark" data-testid="load-mark">
                    {move || match lang.get() {
                        crate::i18n::Lang::Zh => format!("当前显示的是 {} 负载下的情况", load_words(load.get())),
                        crate::i18n::Lang::En => format!("showing {} load", load_words(load.get())),
                    }}
                </span>
                <button class="tool small" data-testid="load-reset" on:click=move |_| set(LOAD_ONE, false)>
                    {move || lang.get().pick("恢复 ×1", "Back to ×1")}
                </button>
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_load_has_a_nearest_stop_and_x1_is_a_stop() {
        assert_eq!(STEPS[step_of(1000)], 1000);
        assert_eq!(STEPS[step_of(500)], 500);
        assert_eq!(STEPS[step_of(10_000)], 10_000);
        assert_eq!(STEPS[step_of(1100)], 1000);
        assert_eq!(STEPS[step_of(2300)], 2500);
        assert!(STEPS.windows(2).all(|w| w[0] < w[1]));
    }
}
