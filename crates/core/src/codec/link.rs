//! Share links: the whole plan in the URL fragment (never sent to a server),
//! compact and versioned. Version 1 is the plan file's JSON, deflated (raw
//! deflate, level 9) and written in URL-safe base64 without padding, behind
//! the prefix `p1.`. Version 2 (`p2.`) adds a preset dictionary named by one
//! character (`0` none, `e` English, `z` Chinese: the templates' notes and a
//! plan's skeleton), so plans made from a template stay short. One restore step reads every version ever issued and
//! migrates it; anything else — damaged, truncated, foreign, from a newer
//! StackFit, far too long, or inflating past any real plan — is an error
//! saying which, and nothing is changed.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use super::{from_json, to_json, CodecError, Restored};
use crate::model::Plan;

/// The newest link version this StackFit writes.
pub const LINK_VERSION: u32 = 2;

/// Version 2's preset dictionaries (deflate's window is 32 KiB): the
/// templates' notes and a plan's JSON skeleton, in English and in Chinese.
/// Frozen: a new dictionary is a new link version.
pub const DICTIONARY_BYTES: usize = 30_000;
const DICT_EN: &[u8] = include_bytes!("link-dict-en.txt");
const DICT_ZH: &[u8] = include_bytes!("link-dict-zh.txt");

/// The dictionary a version-2 link names by its first character.
fn dictionary(id: u8) -> Option<&'static [u8]> {
    match id {
        b'0' => Some(&[]),
        b'e' => Some(DICT_EN),
        b'z' => Some(DICT_ZH),
        _ => None,
    }
}

/// Raw deflate (level 9) of `data` with a preset dictionary: the dictionary
/// is fed first and flushed, and only what follows is kept, so matches may
/// point into it.
fn deflate_with(dict: &[u8], data: &[u8]) -> Vec<u8> {
    use miniz_oxide::deflate::core::{
        compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
    };
    let mut c = CompressorOxide::new(create_comp_flags_from_zip_params(9, -15, 0));
    let mut scratch = vec![0u8; dict.len() + 1024];
    if !dict.is_empty() {
        let (status, _, _) = compress(&mut c, dict, &mut scratch, TDEFLFlush::Sync);
        debug_assert_eq!(status, TDEFLStatus::Okay);
    }
    let mut out = vec![0u8; data.len() + 1024];
    let (status, _, written) = compress(&mut c, data, &mut out, TDEFLFlush::Finish);
    debug_assert_eq!(status, TDEFLStatus::Done);
    out.truncate(written);
    out
}

/// Inflates raw deflate that may refer into `dict`, to at most
/// [`MAX_INFLATED_BYTES`].
fn inflate_with(dict: &[u8], input: &[u8]) -> Result<Vec<u8>, LinkError> {
    use miniz_oxide::inflate::core::inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    use miniz_oxide::inflate::core::{decompress, DecompressorOxide};
    use miniz_oxide::inflate::TINFLStatus;
    let limit = dict.len() + MAX_INFLATED_BYTES;
    let mut out = dict.to_vec();
    out.resize(
        (dict.len() + input.len().saturating_mul(4)).clamp(dict.len() + 1024, limit),
        0,
    );
    let mut r = Box::<DecompressorOxide>::default();
    let (mut input, mut pos) = (input, dict.len());
    loop {
        let (status, used, written) = decompress(
            &mut r,
            input,
            &mut out,
            pos,
            TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF,
        );
        pos += written;
        match status {
            TINFLStatus::Done => {
                out.truncate(pos);
                return Ok(out.split_off(dict.len()));
            }
            TINFLStatus::HasMoreOutput => {
                input = input.get(used..).ok_or(LinkError::Damaged)?;
                if out.len() >= limit {
                    return Err(LinkError::TooLarge);
                }
                let len = out.len().saturating_mul(2).min(limit);
                out.resize(len, 0);
            }
            TINFLStatus::FailedCannotMakeProgress => return Err(LinkError::Truncated),
            _ => return Err(LinkError::Damaged),
        }
    }
}

/// The longest fragment read: far above any real plan's link (the longest
/// template's is under 2,000 characters), far below what would freeze a page.
pub const MAX_LINK_CHARS: usize = 200_000;

/// The most a link may inflate to: a plan file larger than any real plan.
/// A deflate bomb stops here instead of expanding to gigabytes.
pub const MAX_INFLATED_BYTES: usize = 4 * 1024 * 1024;

/// Why a link could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Not a StackFit link (another fragment, or no plan in it).
    Foreign,
    /// From a newer StackFit than this one.
    Newer(u32),
    /// Longer than any real plan's link.
    TooLong(usize),
    /// Not base64: the link was damaged (changed characters).
    Damaged,
    /// The compressed plan ends early: the link was cut off.
    Truncated,
    /// It inflates past any real plan.
    TooLarge,
    /// The plan inside it cannot be read.
    Plan(CodecError),
}

impl LinkError {
    pub fn message_en(&self) -> String {
        match self {
            LinkError::Foreign => "This is not a StackFit plan link.".into(),
            LinkError::Newer(v) => format!(
                "This link was made by a newer StackFit (link version {v}; this one reads up to {LINK_VERSION}). Open it with the newer version."
            ),
            LinkError::TooLong(n) => format!("This link is {n} characters long, more than any plan needs; it was not opened."),
            LinkError::Damaged => "This link is damaged: some of its characters were changed. Ask for it again.".into(),
            LinkError::Truncated => "This link is incomplete: it was cut off when it was copied. Ask for the whole link.".into(),
            LinkError::TooLarge => "This link expands to more than any plan needs; it was not opened.".into(),
            LinkError::Plan(e) => format!("The plan in this link cannot be read: {}", e.describe(false)),
        }
    }

    pub fn message_zh(&self) -> String {
        match self {
            LinkError::Foreign => "这不是 StackFit 方案链接。".into(),
            LinkError::Newer(v) => format!(
                "这个链接由更新版本的 StackFit 生成（链接版本 {v}，当前最多能读取版本 {LINK_VERSION}），请用新版本打开。"
            ),
            LinkError::TooLong(n) => format!("这个链接长达 {n} 个字符，远超任何方案所需，未打开。"),
            LinkError::Damaged => "链接已损坏：其中有字符被改动，请对方重新发送。".into(),
            LinkError::Truncated => "链接不完整：复制时被截断了，请对方发送完整链接。".into(),
            LinkError::TooLarge => "链接解压后的内容远超任何方案所需，未打开。".into(),
            LinkError::Plan(e) => format!("链接中的方案无法读取：{}", e.describe(true)),
        }
    }
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for LinkError {}

/// The fragment (without `#`) that carries `plan`:
/// `p2.<dictionary><base64url(deflate(json))>`, with whichever dictionary
/// (none, English, Chinese) gives the shortest link.
///
/// ```
/// use stackfit_core::codec::link::{plan_from_fragment, plan_to_fragment};
/// let plan = stackfit_core::templates::get("s3").unwrap();
/// let fragment = plan_to_fragment(&plan);
/// assert!(fragment.starts_with("p2.") && fragment.len() < 2000);
/// assert_eq!(plan_from_fragment(&fragment).unwrap().plan, plan);
/// ```
pub fn plan_to_fragment(plan: &Plan) -> String {
    // The compact form: no indentation (the file form's whitespace would
    // cost a quarter of the link).
    let value: serde_json::Value = serde_json::from_str(&to_json(plan)).expect("our own JSON");
    let json = serde_json::to_string(&value).expect("a JSON value serializes");
    [b'0', b'e', b'z']
        .into_iter()
        .map(|id| {
            let dict = dictionary(id).expect("a known dictionary");
            let payload = URL_SAFE_NO_PAD.encode(deflate_with(dict, json.as_bytes()));
            format!("p{LINK_VERSION}.{}{payload}", id as char)
        })
        .min_by_key(String::len)
        .expect("three candidates")
}

/// Reads a link's fragment (with or without `#`, or a whole URL) back into a
/// plan, validated and repaired like a plan file.
pub fn plan_from_fragment(link: &str) -> Result<Restored, LinkError> {
    let json = json_from_fragment(link)?;
    from_json(&json).map_err(LinkError::Plan)
}

/// The plan JSON a link's fragment carries (with or without `#`, or a whole
/// URL), not yet read as a plan: the half of [`plan_from_fragment`] that
/// needs base64, inflate and the dictionaries, which the tools worker runs
/// so the page's first load does not carry them. `from_json` of the result
/// is the other half.
pub fn json_from_fragment(link: &str) -> Result<String, LinkError> {
    match link_payload(link)? {
        (1, payload) => restore_v1(payload),
        (_, payload) => restore_v2(payload),
    }
}

/// The version and payload of a link this StackFit reads, or why it is not
/// one — far too long, foreign, or from a newer StackFit — without
/// decoding anything: cheap enough for the page, which sends only real
/// links to the tools worker.
///
/// ```
/// use stackfit_core::codec::link::{link_payload, LinkError};
/// assert_eq!(link_payload("https://x.example/#p2.eAbc"), Ok((2, "eAbc")));
/// assert_eq!(link_payload("main"), Err(LinkError::Foreign));
/// assert_eq!(link_payload("p9.AAAA"), Err(LinkError::Newer(9)));
/// ```
pub fn link_payload(link: &str) -> Result<(u32, &str), LinkError> {
    let link = link.trim();
    if link.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLong(link.len()));
    }
    let fragment = link.rsplit_once('#').map_or(link, |(_, f)| f);
    // A fragment may carry other keys (`view=report&p1.…` later): take ours.
    let ours = fragment
        .split('&')
        .find(|part| {
            part.starts_with('p')
                && part[1..]
                    .split('.')
                    .next()
                    .is_some_and(|v| !v.is_empty() && v.chars().all(|c| c.is_ascii_digit()))
        })
        .ok_or(LinkError::Foreign)?;
    let (version, payload) = ours[1..].split_once('.').ok_or(LinkError::Foreign)?;
    let version: u32 = version.parse().map_err(|_| LinkError::Foreign)?;
    match version {
        1 | 2 => Ok((version, payload)),
        v if v > LINK_VERSION => Err(LinkError::Newer(v)),
        _ => Err(LinkError::Foreign),
    }
}

/// Version 1: base64url(deflate(plan file JSON)).
fn restore_v1(payload: &str) -> Result<String, LinkError> {
    let bytes = URL_SAFE_NO_PAD.decode(payload).map_err(|e| match e {
        base64::DecodeError::InvalidLength(_) | base64::DecodeError::InvalidLastSymbol(..) => {
            LinkError::Truncated
        }
        _ => LinkError::Damaged,
    })?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, MAX_INFLATED_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => LinkError::TooLarge,
            miniz_oxide::inflate::TINFLStatus::FailedCannotMakeProgress => LinkError::Truncated,
            _ => LinkError::Damaged,
        })?;
    String::from_utf8(json).map_err(|_| LinkError::Damaged)
}

/// Version 2: a dictionary id, then base64url(deflate with that dictionary).
fn restore_v2(payload: &str) -> Result<String, LinkError> {
    let dict = payload
        .bytes()
        .next()
        .and_then(dictionary)
        .ok_or(LinkError::Damaged)?;
    let bytes = decode_base64(&payload[1..])?;
    let json = inflate_with(dict, &bytes)?;
    String::from_utf8(json).map_err(|_| LinkError::Damaged)
}

fn decode_base64(payload: &str) -> Result<Vec<u8>, LinkError> {
    URL_SAFE_NO_PAD.decode(payload).map_err(|e| match e {
        base64::DecodeError::InvalidLength(_) | base64::DecodeError::InvalidLastSymbol(..) => {
            LinkError::Truncated
        }
        _ => LinkError::Damaged,
    })
}

/// The fragment key naming the option a link opens on (`p2.…&o=b-split`):
/// the one on the sender's screen. Outside the payload, so the plan and its
/// version are untouched, and a reader that ignores it opens the first.
const OPTION_KEY: &str = "o=";

/// Whether `id` can go into a fragment as it is (the ids the planner
/// gives: letters, digits, `-` and `_`).
fn fragment_safe(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// `fragment` that opens on option `id`; unchanged for an id a fragment
/// cannot carry as it is.
///
/// ```
/// use stackfit_core::codec::link::{opening_option, with_option};
/// let f = with_option("p2.eAbc", "b-split");
/// assert_eq!(f, "p2.eAbc&o=b-split");
/// assert_eq!(opening_option(&f), Some("b-split"));
/// assert_eq!(opening_option("p2.eAbc"), None);
/// ```
pub fn with_option(fragment: &str, id: &str) -> String {
    if fragment_safe(id) {
        format!("{fragment}&{OPTION_KEY}{id}")
    } else {
        fragment.to_string()
    }
}

/// The option a link asks to open on, if it names one (see [`with_option`]).
pub fn opening_option(link: &str) -> Option<&str> {
    let fragment = link.rsplit_once('#').map_or(link, |(_, f)| f);
    fragment
        .split('&')
        .find_map(|part| part.strip_prefix(OPTION_KEY))
        .filter(|id| fragment_safe(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The option key rides beside the payload: the plan reads the same,
    /// and an id a fragment cannot carry is left out, never mangled.
    #[test]
    fn a_link_may_name_the_option_it_opens_on() {
        let plan = crate::templates::get("s3").unwrap();
        let fragment = with_option(&plan_to_fragment(&plan), "b-split");
        assert_eq!(plan_from_fragment(&fragment).unwrap().plan, plan);
        let url = format!("https://example.org/#{fragment}");
        assert_eq!(opening_option(&url), Some("b-split"));
        assert_eq!(with_option("p2.eAbc", "a&b=c"), "p2.eAbc");
        assert_eq!(with_option("p2.eAbc", ""), "p2.eAbc");
        assert_eq!(opening_option("p2.eAbc&o=a#b"), None);
    }

    fn s4_link() -> String {
        plan_to_fragment(&crate::templates::get("s4").unwrap())
    }

    /// Version 1 links, issued before dictionaries, still open.
    #[test]
    fn version_1_links_still_open() {
        let plan = crate::templates::get("s4").unwrap();
        let value: serde_json::Value = serde_json::from_str(&to_json(&plan)).unwrap();
        let json = serde_json::to_string(&value).unwrap();
        let v1 = format!(
            "p1.{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9))
        );
        assert_eq!(plan_from_fragment(&v1).unwrap().plan, plan);
    }

    #[test]
    fn every_template_round_trips_in_under_2000_characters() {
        for t in crate::templates::list() {
            for lang in [crate::findings::Lang::En, crate::findings::Lang::Zh] {
                let plan = crate::templates::get_in(t.id, lang).unwrap();
                let f = plan_to_fragment(&plan);
                assert!(f.len() < 2000, "{} {lang:?}: {} characters", t.id, f.len());
                let back = plan_from_fragment(&format!("https://stackfit.example/#{f}")).unwrap();
                assert_eq!(back.plan, plan, "{}", t.id);
                assert!(back.fixes.is_empty());
            }
        }
    }

    /// Each kind of bad link gets its own error, never a panic.
    #[test]
    fn bad_links_say_what_is_wrong() {
        let good = s4_link();
        assert_eq!(
            plan_from_fragment("view=report").unwrap_err(),
            LinkError::Foreign
        );
        assert_eq!(
            plan_from_fragment("p9.AAAA").unwrap_err(),
            LinkError::Newer(9)
        );
        let cut = &good[..good.len() / 2];
        assert_eq!(plan_from_fragment(cut).unwrap_err(), LinkError::Truncated);
        let mut flipped = good.clone().into_bytes();
        flipped[40] = b'!';
        assert_eq!(
            plan_from_fragment(std::str::from_utf8(&flipped).unwrap()).unwrap_err(),
            LinkError::Damaged
        );
        let long = format!("p1.{}", "A".repeat(MAX_LINK_CHARS));
        assert!(matches!(
            plan_from_fragment(&long).unwrap_err(),
            LinkError::TooLong(_)
        ));
        // A deflate bomb: 16 MB of spaces compress to a few KB.
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; 16 << 20], 9);
        let f = format!("p1.{}", URL_SAFE_NO_PAD.encode(bomb));
        let start = std::time::Instant::now();
        assert_eq!(plan_from_fragment(&f).unwrap_err(), LinkError::TooLarge);
        assert!(start.elapsed().as_millis() < 1000);
        // Valid deflate, but not a plan.
        let junk = miniz_oxide::deflate::compress_to_vec(b"{\"hello\": 1}", 9);
        let f = format!("p1.{}", URL_SAFE_NO_PAD.encode(junk));
        let e = plan_from_fragment(&f).unwrap_err();
        assert!(matches!(e, LinkError::Plan(_)));
        assert!(
            e.message_zh().starts_with("链接中的方案无法读取"),
            "{}",
            e.message_zh()
        );
    }
}
