//! The engine's modules are layered (ARCHITECTURE.md, "Modules, bottom to
//! top"): a module's code names only modules of its own layer or below. This
//! reads every source file of the crate, leaves out comments and test
//! modules, and fails on a `crate::<module>` path that points up, naming
//! the file and the line.

use std::path::{Path, PathBuf};

/// Bottom to top; modules in one layer may not name each other either
/// (each of them is listed on its own line of ARCHITECTURE.md's order).
const LAYERS: &[&[&str]] = &[
    &["model"],
    &["sources", "tune"],
    &["findings"],
    &["kinds"],
    &["catalog"],
    &["report"],
    &["cost"],
    &["fit"],
    &["edit"],
    &["codec", "export", "chart", "templates"],
    &["import", "whatif"],
    &["present", "search"],
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `crate::<name>` paths in `code`, with their line numbers (1-based).
fn crate_paths(code: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            // `crate::{a, b::c}`: each first segment in the braces.
            let names: Vec<&str> = match rest.strip_prefix('{') {
                Some(inner) => inner
                    .split('}')
                    .next()
                    .unwrap_or("")
                    .split(',')
                    .map(|part| part.trim().split("::").next().unwrap_or(""))
                    .collect(),
                None => vec![rest],
            };
            for name in names {
                let name: String = name
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect();
                out.push((n + 1, name));
            }
        }
    }
    out
}

#[test]
fn no_module_names_one_above_it() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut upward = Vec::new();
    for path in &all {
        let rel = path.strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs");
        if module == "lib" || rel.file_name().is_some_and(|f| f == "tests.rs") {
            continue;
        }
        let own = layer(module).unwrap_or_else(|| {
            panic!("{module} is in no layer: add it to LAYERS and to ARCHITECTURE.md")
        });
        let text = std::fs::read_to_string(path).unwrap();
        // Test modules sit at the end of a file and may reach anywhere.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (line, name) in crate_paths(code) {
            let Some(theirs) = layer(&name) else { continue };
            if name != module && theirs >= own {
                upward.push(format!(
                    "{}:{line}: {module} names crate::{name}",
                    rel.display()
                ));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "paths that point up or sideways:\n{}",
        upward.join("\n")
    );
}

#[test]
fn a_path_up_is_found() {
    let code =
        "use crate::model::Plan;\n// crate::fit in a comment\nlet r = crate::fit::evaluate(&p);\n";
    assert_eq!(
        crate_paths(code),
        vec![(1, "model".to_string()), (3, "fit".to_string())]
    );
}
