//! Adds a server to the option on screen, of the same tier as its last
//! server (or a 2C4G Alibaba ECS for an empty option).

use leptos::prelude::*;
use stackfit_core::model::Server;
use stackfit_core::Action;

use crate::state::planner::fresh_id;
use crate::state::{use_lang, use_planner, Selection};

/// The tier a new server starts as when the option has none to copy.
const DEFAULT_TIER: &str = "aliyun-ecs-c7-large";

/// The "add server" button at the end of the board.
#[component]
pub fn AddServer() -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let add = move |_| {
        let option = planner.option_id.get_untracked();
        let (id, label, tier) = planner.with_option(|o| {
            let servers = o.map(|o| o.servers.as_slice()).unwrap_or_default();
            let letter = (b'A' + (servers.len() % 26) as u8) as char;
            let id = fresh_id(
                &letter.to_ascii_lowercase().to_string(),
                servers.iter().map(|s| s.id.as_str()),
            );
            let tier = servers
                .last()
                .map_or(DEFAULT_TIER.to_string(), |s| s.tier.clone());
            (id, letter.to_string(), tier)
        });
        planner.dispatch(Action::AddServer {
            option,
            server: Server::new(&id, &label, &tier),
        });
        planner.selection.set(Selection::Server(id));
    };
    view! {
        <button class="add-server edit-only" data-testid="add-server" on:click=add>
            <span aria-hidden="true">"＋"</span>
            {move || lang.get().pick("添加服务器", "Add server")}
        </button>
    }
}
