//! Reading a capture: the table (with its header, or guessed without
//! one), JSON lines, terminal escape codes dropped; sizes and CPU shares.

use std::collections::HashMap;

use super::{Sample, Samples};
use crate::import::limits;
use crate::import::note::{msg, text_of, Note, Notes, Pos};
use crate::import::sizes::stats_mib;
use crate::import::InputFile;
use crate::model::units::{Mib, Millicores};

fn strip_ansi(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for d in chars.by_ref() {
                    if d.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}

/// Cells of a table line: separated by tabs or by two or more spaces.
fn cells(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in line.split('\t') {
        let mut cur = String::new();
        let mut spaces = 0;
        for c in part.chars() {
            if c == ' ' {
                spaces += 1;
                continue;
            }
            if spaces >= 2 && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            } else if spaces == 1 && !cur.is_empty() {
                cur.push(' ');
            }
            spaces = 0;
            cur.push(c);
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out
}

fn percent(s: &str) -> Option<Millicores> {
    let n = s.trim().strip_suffix('%')?.trim();
    let (int, frac) = n.split_once('.').unwrap_or((n, ""));
    if int.is_empty()
        || int.len() > 9
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let frac3: String = frac.chars().chain("000".chars()).take(3).collect();
    // percent × 10 = millicores; keep hundredths of a percent.
    let hundredths: u64 = int.parse::<u64>().ok()? * 100 + frac3[..2].parse::<u64>().ok()?;
    Some(hundredths.div_ceil(10))
}

/// "38.2MiB / 1.944GiB" → 39 (the usage, rounded up).
fn usage(s: &str) -> Option<Mib> {
    let used = s.split('/').next()?.trim();
    let bytes_mib = stats_mib(used)?;
    Some(bytes_mib)
}

fn is_size(s: &str) -> bool {
    stats_mib(s).is_some() && s.chars().any(|c| c.is_ascii_alphabetic())
}

fn is_id(s: &str) -> bool {
    (s.len() == 12 || s.len() == 64) && s.bytes().all(|b| b.is_ascii_hexdigit())
}

#[derive(Default, Clone, Copy)]
struct Columns {
    name: Option<usize>,
    cpu: Option<usize>,
    mem: Option<usize>,
    count: usize,
}

fn header(cells: &[String]) -> Option<Columns> {
    let up: Vec<String> = cells.iter().map(|c| c.to_ascii_uppercase()).collect();
    let find = |f: &dyn Fn(&str) -> bool| up.iter().position(|c| f(c));
    let mem = find(&|c| c.starts_with("MEM USAGE") || c == "MEM" || c == "MEMORY");
    let cpu = find(&|c| c == "CPU %" || c == "CPU");
    let name = find(&|c| c == "NAME" || c == "NAMES")
        .or_else(|| find(&|c| c == "CONTAINER"))
        .or_else(|| find(&|c| c == "CONTAINER ID" || c == "ID"));
    (name.is_some() && (mem.is_some() || cpu.is_some())).then_some(Columns {
        name,
        cpu,
        mem,
        count: cells.len(),
    })
}

/// A line with no header to go by: the name is the first word that is not
/// an id, a size or a percentage; CPU is a percentage before the memory.
fn guess(line: &str) -> (Option<String>, Option<Mib>, Option<Millicores>) {
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut mem_at = None;
    let mut mem = None;
    for (i, w) in words.iter().enumerate() {
        let first = w.split('/').next().unwrap_or(w);
        if is_size(first) && (w.contains('/') || words.get(i + 1) == Some(&"/")) {
            mem_at = Some(i);
            mem = usage(first);
            break;
        }
    }
    let cpu = words
        .iter()
        .enumerate()
        .filter(|(i, w)| w.ends_with('%') && mem_at.is_none_or(|m| *i < m))
        .find_map(|(_, w)| percent(w));
    let names: Vec<&str> = words
        .iter()
        .map(|w| w.trim_end_matches(':'))
        .filter(|w| {
            !w.is_empty()
                && !w.ends_with('%')
                && !is_size(w.split('/').next().unwrap_or(w))
                && *w != "/"
                && *w != "--"
        })
        .collect();
    let name = match names.as_slice() {
        [id, n, ..] if is_id(id) => Some(n.to_string()),
        [n, ..] => Some(n.to_string()),
        [] => None,
    };
    (name, mem, cpu)
}

/// Reads a capture (see [`super::parse`]).
pub(super) fn parse(file: InputFile) -> Result<Samples, Box<Note>> {
    let mut notes = Notes::default();
    let fid = notes.file(file.name);
    let text = text_of(file.bytes, fid, file.name)
        .map_err(|e| Box::new(notes.note(e.code, Some(e.at), None, e.m)))?;
    let lines = text.lines().count();
    if lines > limits::STATS_LINES {
        return Err(Box::new(notes.note(
            "too-many-lines",
            Some(Pos::start(fid)),
            None,
            msg(
                format!(
                    "the capture has {lines} lines; StackFit reads up to {}",
                    limits::STATS_LINES
                ),
                format!(
                    "该统计输出共有 {lines} 行，StackFit 最多读取 {} 行",
                    limits::STATS_LINES
                ),
            ),
        )));
    }
    let mut cols: Option<Columns> = None;
    let mut rows: Vec<Sample> = Vec::new();
    let mut skipped = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = strip_ansi(raw);
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let at = Pos::new(fid, line_no, 0);
        let (name, mem, cpu) = if line.starts_with('{') {
            match serde_json::from_str::<HashMap<String, serde_json::Value>>(line) {
                Ok(m) => {
                    let s = |k: &str| m.get(k).and_then(|v| v.as_str()).map(str::to_string);
                    (
                        s("Name").or_else(|| s("Container")).or_else(|| s("ID")),
                        s("MemUsage").and_then(|v| usage(&v)),
                        s("CPUPerc").and_then(|v| percent(&v)),
                    )
                }
                Err(_) => {
                    skipped.push(notes.note(
                        "stats-line",
                        Some(at),
                        None,
                        msg("a JSON line that cannot be read", "无法解析的 JSON 行"),
                    ));
                    continue;
                }
            }
        } else {
            let c = cells(line);
            if let Some(h) = header(&c) {
                cols = Some(h);
                continue;
            }
            match cols.filter(|h| h.count == c.len()) {
                Some(h) => (
                    h.name.and_then(|i| c.get(i)).cloned(),
                    h.mem.and_then(|i| c.get(i)).and_then(|v| usage(v)),
                    h.cpu.and_then(|i| c.get(i)).and_then(|v| percent(v)),
                ),
                None => guess(line),
            }
        };
        match name {
            Some(n) if mem.is_some() || cpu.is_some() => {
                rows.retain(|r| r.container != n);
                rows.push(Sample {
                    container: n,
                    memory_mib: mem,
                    cpu_millicores: cpu,
                    line: line_no,
                });
            }
            Some(n) => skipped.push(notes.note(
                "stats-line",
                Some(at),
                None,
                msg(
                    format!("{n}: no memory or CPU figure (a stopped container?)"),
                    format!("{n}：没有内存或 CPU 数据（容器已停止？）"),
                ),
            )),
            None => skipped.push(notes.note(
                "stats-line",
                Some(at),
                None,
                msg(
                    "a line that is not a container's figures",
                    "这一行不是容器的统计数据",
                ),
            )),
        }
    }
    if rows.is_empty() {
        return Err(Box::new(notes.note(
            "no-containers",
            Some(Pos::start(fid)),
            None,
            msg(
                "no container figures found: paste the output of docker stats --no-stream",
                "没有找到容器数据：请粘贴 docker stats --no-stream 的输出",
            ),
        )));
    }
    Ok(Samples { rows, skipped })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_and_usage_read_what_docker_prints() {
        assert_eq!(percent("0.00%"), Some(0));
        assert_eq!(percent("12.34%"), Some(124));
        assert_eq!(percent("250.5%"), Some(2505));
        assert_eq!(percent("--"), None);
        assert_eq!(usage("38.2MiB / 1.944GiB"), Some(39));
        assert_eq!(usage("1.5GiB / 4GiB"), Some(1536));
        assert_eq!(usage("--"), None);
    }
}
