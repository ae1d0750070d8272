//! The tools worker's protocol, in one place for both sides: the page posts
//! an [`Envelope`] as JSON text; the worker posts back a two-element array,
//! `[reply, attachment]`: a [`Reply`] as JSON text with the same `id`, and
//! the bytes that go with it (a `Uint8Array`, transferred) or `undefined`.
//! When it has started, the worker posts `Reply { id: 0, response: Ready }`;
//! the page sends nothing before that.

use serde::{Deserialize, Serialize};

/// The UI's language, spelled as the app stores it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum UiLang {
    #[serde(rename = "zh-CN")]
    Zh,
    #[serde(rename = "en")]
    En,
}

impl From<UiLang> for stackfit_core::findings::Lang {
    fn from(lang: UiLang) -> Self {
        match lang {
            UiLang::Zh => stackfit_core::findings::Lang::Zh,
            UiLang::En => stackfit_core::findings::Lang::En,
        }
    }
}

/// What the page asks for.
///
/// Externally tagged (`{"export": {…}}`): the page decodes replies, and an
/// internally tagged enum costs the first load several KB of buffering code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Request {
    /// Every file of one option (`stackfit_core::export::files`), secrets
    /// generated in the worker, and their zip as the attachment.
    Export {
        /// The plan as `stackfit_core::codec::to_json` writes it.
        plan: String,
        /// The option's id.
        option: String,
        /// The language of DEPLOY.md and the files' comments.
        lang: UiLang,
    },
    /// Compose files, a `.env` and a `docker stats` capture as the import
    /// dialog holds them: what the import makes of them, and its plan
    /// (`stackfit_core::import::compose` then `import::with_stats`).
    Import {
        /// Compose files, merged in this order (`-f a -f b`).
        files: Vec<InputText>,
        env: Option<InputText>,
        stats: Option<InputText>,
        /// Profiles to enable, separated by commas or spaces (empty:
        /// COMPOSE_PROFILES from the `.env`).
        profiles: String,
        /// The catalog tier of the one server the stack goes on.
        tier: String,
        /// The language of the preview.
        lang: UiLang,
    },
    /// The share link's fragment for a plan (`codec::link::plan_to_fragment`,
    /// without `#`): the encoder, deflate and the link's dictionaries stay
    /// out of the page's first load.
    LinkWrite {
        /// The plan as `stackfit_core::codec::to_json` writes it.
        plan: String,
        /// The page's address before `#`: when given, the answer carries the
        /// QR code of the whole link (`qr::qr_path`).
        page: Option<String>,
        /// The option on the sender's screen: the link opens on it
        /// (`codec::link::with_option`) unless it is the first.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        option: Option<String>,
    },
    /// The report page's text downloads: the engine's presentation of a
    /// plan (`present::present` of `evaluate`) as Markdown
    /// (`present::markdown`) or as the cost table's CSV (`present::cost_csv`).
    ReportText {
        /// The plan as `stackfit_core::codec::to_json` writes it.
        plan: String,
        lang: UiLang,
        format: TextFormat,
    },
    /// The cheapest layouts of one option's placements under the
    /// constraints (`stackfit_core::search::search_with_progress`); the
    /// worker posts [`Response::SearchProgress`] while it runs, then
    /// [`Response::Search`].
    Search {
        /// The plan as `stackfit_core::codec::to_json` writes it.
        plan: String,
        /// The option's id.
        option: String,
        /// The reader's price book as the engine's CSV (`book_to_csv`).
        book: String,
        constraints: SearchConstraints,
        /// The language the new options are named in.
        lang: UiLang,
    },
}

/// Which text of the report [`Request::ReportText`] asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextFormat {
    Markdown,
    CostCsv,
}

/// What a layout must respect (the engine's `search::Constraints`, with
/// providers by their kebab-case names: `alibaba-ecs`, `alibaba-lightweight`,
/// `tencent-cvm`, `tencent-lighthouse`, `aws`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SearchConstraints {
    #[serde(default)]
    pub keep_together: Vec<Vec<String>>,
    #[serde(default)]
    pub keep_apart: Vec<Vec<String>>,
    /// (placement id, server id): the placement stays on that server.
    #[serde(default)]
    pub pinned: Vec<(String, String)>,
    /// Empty: the option's own providers.
    #[serde(default)]
    pub providers: Vec<String>,
    /// Tier families allowed ("c7", "S6"); empty: any.
    #[serde(default)]
    pub families: Vec<String>,
    #[serde(default)]
    pub max_servers: Option<u32>,
    /// `None`: the plan's headroom target.
    #[serde(default)]
    pub headroom_target_pct: Option<u32>,
    /// Catalog prices only (not the reader's or the plan's quotes).
    #[serde(default)]
    pub catalog_prices_only: bool,
    /// Tiers nobody could price may be used (the layout says so).
    #[serde(default)]
    pub allow_unknown_prices: bool,
}

/// One server of a found layout, as the engine reports it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundServer {
    pub id: String,
    pub tier: String,
    /// "8C16G".
    pub size: String,
    pub placements: Vec<String>,
    pub monthly_fen: Option<i64>,
    /// Memory headroom at peak, percent of allocatable.
    pub headroom_pct: i64,
    pub pinned: bool,
}

/// A found layout: its figures and reason from the engine, and the option
/// to keep (`Action::AddOption`) as JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundLayout {
    /// The provider's name in en and zh ("" when unknown).
    pub provider_en: String,
    pub provider_zh: String,
    /// `None` when a server's price is unknown.
    pub monthly_fen: Option<i64>,
    pub known_monthly_fen: i64,
    /// Tiers whose price is unknown.
    pub unknown_prices: Vec<String>,
    pub headroom_pct: i64,
    pub servers: Vec<FoundServer>,
    pub reason_en: String,
    pub reason_zh: String,
    /// The new option's id and name.
    pub option_id: String,
    pub option_name: String,
    /// The `PlanOption` as JSON (serde), for `Action::AddOption`.
    pub option: String,
}

/// One file the user pasted or dropped: the name it is known by (in
/// every file:line:column) and its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputText {
    pub name: String,
    pub text: String,
}

/// What the worker answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Response {
    /// The worker has started and takes requests.
    Ready,
    /// The option's files, in the engine's order; the zip is the attachment.
    Export {
        files: Vec<ExportedFile>,
        /// The zip's download name: `stackfit-<option>.zip`.
        zip_name: String,
    },
    /// What the import makes of the files, before anything changes.
    Import {
        /// The preview as HTML, in the request's language, every text
        /// escaped (see `import::to_html`): what was recognised and as
        /// which catalog entry, what was assumed, what was ignored and why,
        /// every error with file:line:column, and the verdict on the tier.
        html: String,
        /// The imported plan (the codec's JSON); `None` while there is an
        /// error, so nothing can be adopted.
        plan: Option<String>,
        /// Errors that block adopting the plan.
        errors: u32,
        /// The Compose project name, if known: what the plan is named after.
        project: Option<String>,
    },
    /// The request could not be answered, and why.
    Error {
        message_en: String,
        message_zh: String,
    },
    /// A share link's fragment (without `#`), for [`Request::LinkWrite`],
    /// and the QR code of `page#fragment` when the request named a page
    /// (`None` too when the link is too long for any QR version).
    Link {
        fragment: String,
        qr: Option<QrPath>,
    },
    /// The report's Markdown or cost CSV, for [`Request::ReportText`].
    ReportText { text: String },
    /// A search is running: providers searched so far of all, and the
    /// exact search's nodes in the current one. Not the last reply.
    SearchProgress {
        providers_done: u32,
        providers: u32,
        nodes: u64,
    },
    /// What the search found: up to three layouts, cheapest first; the
    /// cheapest one-server layout beside them when none of them is one; or
    /// why nothing fits.
    Search {
        layouts: Vec<FoundLayout>,
        one_server: Option<Box<FoundLayout>>,
        /// The optimum (branch and bound), or a heuristic within `within_pct`.
        exact: bool,
        within_pct: Option<u32>,
        no_fit_en: Option<String>,
        no_fit_zh: Option<String>,
        /// Tiers considered.
        tiers: u32,
    },
}

/// A request with its id, which the reply carries back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    pub id: u32,
    pub request: Request,
}

/// A response to request `id` (0: the worker's own `Ready`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    pub id: u32,
    pub response: Response,
}

/// What kind of file, for the dialog's tabs and highlighting (the engine's
/// `export::FileKind`, spelled the same).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileKind {
    Compose,
    Env,
    PostgresConf,
    Sql,
    Kubernetes,
    Swarm,
    Markdown,
}

/// One exported file: its download name, kind, server (if it belongs to
/// one), text, and the text highlighted as HTML (every character escaped;
/// see `highlight`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedFile {
    pub name: String,
    pub kind: FileKind,
    pub server: Option<String>,
    pub text: String,
    #[serde(default)]
    pub html: String,
}

/// A QR code as an SVG path (see `qr::qr_path`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QrPath {
    /// Modules per side, without the quiet zone.
    pub modules: i32,
    /// The QR version (1–40).
    pub version: u8,
    /// One path of unit squares (runs of dark modules merged per row), in
    /// module units, offset by the quiet zone.
    pub d: String,
}
