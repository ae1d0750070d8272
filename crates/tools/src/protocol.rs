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
    },
    /// The plan JSON a link's fragment carries
    /// (`codec::link::json_from_fragment`); the page reads it with
    /// `codec::from_json`. A link that cannot be unpacked is answered with
    /// [`Response::Error`] carrying the link error's words.
    LinkRead { fragment: String },
    /// The report page's text downloads: the engine's presentation of a
    /// plan (`present::present` of `evaluate`) as Markdown
    /// (`present::markdown`) or as the cost table's CSV (`present::cost_csv`).
    ReportText {
        /// The plan as `stackfit_core::codec::to_json` writes it.
        plan: String,
        lang: UiLang,
        format: TextFormat,
    },
}

/// Which text of the report [`Request::ReportText`] asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextFormat {
    Markdown,
    CostCsv,
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
    /// The plan JSON inside a link, for [`Request::LinkRead`].
    LinkJson { json: String },
    /// The report's Markdown or cost CSV, for [`Request::ReportText`].
    ReportText { text: String },
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
