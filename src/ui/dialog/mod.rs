//! A modal dialog that is also a popover: it opens (`showModal`, so the
//! page behind is inert and focus stays inside) while popover `key` is open,
//! and Escape, a click on the backdrop or its close button dismiss it,
//! giving focus back to the control that opened it (`data-popover-trigger`).

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::{use_lang, use_popovers};

/// The button that opens (and closes) the dialog of popover `key`: the
/// control focus goes back to when the dialog is dismissed. Its dialogs are
/// the extras' (`crate::extras`), fetched once the button is reached. `children`
/// follow its words (a count badge).
#[component]
pub fn OpenButton(
    /// The popover key of the dialog it opens.
    key: &'static str,
    class: &'static str,
    testid: &'static str,
    /// Its words, in (zh, en).
    label: (&'static str, &'static str),
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let lang = use_lang();
    let popovers = use_popovers();
    view! {
        <button
            class=class
            data-testid=testid
            data-popover-trigger=key
            aria-haspopup="dialog"
            on:click=move |_| popovers.toggle(key)
            // Every dialog these buttons open is in the extras: start
            // fetching them when the button is reached.
            on:pointerenter=move |_| crate::browser::extras::warm()
            on:focus=move |_| crate::browser::extras::warm()
        >
            {move || lang.get().pick(label.0, label.1)}
            {children.map(|c| c())}
        </button>
    }
}

/// The dialog around `children`, shown while popover `key` is open.
#[component]
pub fn Modal(
    /// The popover key that opens it.
    key: &'static str,
    /// The dialog's class (its size and layout).
    class: &'static str,
    /// Its data-testid.
    testid: &'static str,
    /// The id of its heading, which names it.
    labelledby: &'static str,
    /// The heading's text, in (zh, en).
    title: (&'static str, &'static str),
    children: ChildrenFn,
) -> impl IntoView {
    let popovers = use_popovers();
    let children = StoredValue::new(children);
    view! {
        <Show when=move || popovers.is_open(key)>
            <ModalBody key class testid labelledby title>
                {children.with_value(|c| c())}
            </ModalBody>
        </Show>
    }
}

#[component]
fn ModalBody(
    key: &'static str,
    class: &'static str,
    testid: &'static str,
    labelledby: &'static str,
    title: (&'static str, &'static str),
    children: Children,
) -> impl IntoView {
    let lang = use_lang();
    let popovers = use_popovers();
    let dialog = NodeRef::<html::Dialog>::new();
    // While the dialog is open the page behind it is inert and cannot take
    // focus; give it back to the opener once the dialog is gone.
    on_cleanup(move || {
        crate::browser::focus::focus_selector_later(format!("[data-popover-trigger=\"{key}\"]"))
    });
    Effect::new(move |_| {
        if let Some(d) = dialog.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    });
    view! {
        <dialog
            class=format!("modal {class}")
            data-testid=testid
            data-popover=key
            aria-labelledby=labelledby
            node_ref=dialog
            on:cancel=move |ev: leptos::ev::Event| {
                ev.prevent_default();
                popovers.dismiss();
            }
            on:click=move |ev| {
                // A click on the backdrop lands on the dialog itself.
                let on_backdrop = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|t| t.tag_name() == "DIALOG");
                if on_backdrop {
                    popovers.dismiss();
                }
            }
        >
            <div class="modal-body">
                <header class="modal-head">
                    <h2 id=labelledby>{move || lang.get().pick(title.0, title.1)}</h2>
                    <button class="tool" data-testid=format!("{testid}-close") on:click=move |_| popovers.dismiss()>
                        {move || lang.get().pick("关闭", "Close")}
                    </button>
                </header>
                {children()}
            </div>
        </dialog>
    }
}
