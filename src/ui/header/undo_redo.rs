//! Undo and redo buttons (the shortcuts live in `browser::shortcuts`).

use leptos::prelude::*;

use crate::state::{use_lang, use_planner};

/// Undo and redo, disabled when there is nothing to undo or redo.
#[component]
pub fn UndoRedo() -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    view! {
        <div class="undo-redo edit-only">
            <button
                class="tool"
                data-testid="undo"
                disabled=move || !planner.can_undo()
                title=move || lang.get().pick("撤销 (Ctrl+Z)", "Undo (Ctrl+Z)")
                on:click=move |_| planner.undo()
            >
                {move || lang.get().pick("↶ 撤销", "↶ Undo")}
            </button>
            <button
                class="tool"
                data-testid="redo"
                disabled=move || !planner.can_redo()
                title=move || lang.get().pick("重做 (Ctrl+Shift+Z)", "Redo (Ctrl+Shift+Z)")
                on:click=move |_| planner.redo()
            >
                {move || lang.get().pick("↷ 重做", "↷ Redo")}
            </button>
        </div>
    }
}
