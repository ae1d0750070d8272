//! Import what is already running: compose files (with a pasted `.env`)
//! become a draft [`Plan`](crate::model::Plan) with a report of what was
//! recognised, assumed and ignored ([`compose()`]); `docker stats` output
//! becomes measured figures on placements ([`stats`]).
//!
//! Nothing here reads a disk or the process environment: every file arrives
//! as bytes with the name it was given, and files that `include`,
//! `extends` or `env_file` name are looked up among them.
//!
//! Invariant: every input is bounded before or while it is read (bytes,
//! `.env` lines, block nesting, YAML nodes after aliases, files, extends
//! depth, substituted text), so hostile input ends in an error with file,
//! line and column — never a hang, a panic or unbounded memory.
//! Invariant: the web app does not call this module, so the YAML parser
//! stays out of its first load.

mod compose;
mod dotenv;
mod extends;
mod imported;
mod interpolate;
mod knobs;
mod load;
mod merge;
mod note;
mod place;
mod project;
mod recognise;
mod service;
mod shell;
mod sizes;
pub mod stats;
mod yaml;

pub use compose::{
    compose, import_name, By, ComposeImport, ComposeInput, Idle, ImportedService, Outcome,
    OPTION_ID, SERVER_ID,
};
pub use note::{Location, Note};
pub use project::{with_stats, ProjectImport};

/// The tier an import puts the stack on when none is chosen (the CLI's
/// `--tier` and the import dialog's default): a 2 vCPU / 4 GiB Alibaba Cloud
/// ECS, the size this planner is most used for.
pub const DEFAULT_TIER: &str = "aliyun-ecs-c7-large";

/// One file as the user gave it: the name it had (a path, or just a file
/// name) and its bytes, which need not be text.
#[derive(Clone, Copy, Debug)]
pub struct InputFile<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

impl<'a> InputFile<'a> {
    pub fn new(name: &'a str, bytes: &'a [u8]) -> Self {
        InputFile { name, bytes }
    }
}

/// What the importer refuses to read, so any input ends quickly. Real
/// compose files are a few KiB with a few hundred YAML nodes; these are
/// orders of magnitude above them.
pub mod limits {
    /// Bytes in one compose file, `.env` or stats capture (1 MiB).
    pub const FILE_BYTES: usize = 1 << 20;
    /// Lines in a `.env` file.
    pub const ENV_LINES: usize = 10_000;
    /// Nesting of block and flow collections, aliases expanded.
    pub const DEPTH: usize = 64;
    /// YAML nodes in one file, every alias counted as the nodes it copies.
    pub const NODES: usize = 50_000;
    /// Files read in one import (the given ones, includes, extends, env files).
    pub const FILES: usize = 64;
    /// `extends` chained through services, and `include` through files.
    pub const CHAIN: usize = 32;
    /// Bytes of one value after `${VAR}` substitution.
    pub const VALUE_BYTES: usize = 64 * 1024;
    /// Services in one project.
    pub const SERVICES: usize = 500;
    /// Lines in a stats capture.
    pub const STATS_LINES: usize = 20_000;
    /// Errors listed before the rest are counted in one line.
    pub const ERRORS: usize = 100;
}
