//! The core's modules form layers: each uses only modules below it, so no
//! two modules import each other, directly or round a circle. This reads
//! the sources' `crate::` paths and fails on a use that points up.

use std::collections::BTreeSet;
use std::path::Path;

/// Lowest first; a module may use the ones before it (and `model`, the
/// `kompis-model` crate re-exported).
const LAYERS: &[&str] = &[
    "error",
    "calendar",
    "files",
    "window",
    "progress",
    "collate",
    "commute",
    "keys",
    "storage",
    "schema",
    "validate",
    "job_rules",
    "bundle",
    "cache",
    "docs",
    "catalogue",
    "paths",
    "wire",
    "phrasing",
    "matching",
    "editing",
    "workflow",
    "suggestions",
    "outcomes",
    "listing",
    "vacancies",
    "seekers",
    "job_matching",
    "insight",
    "overview",
    "search",
    "sheets",
    "report",
    "backups",
    "app_settings",
    "job_sheets",
    "person_data",
    "intake",
    "demo",
    "synthetic",
    "api",
];

/// The modules a source file names as `crate::NAME`.
fn uses(source: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (i, _) in source.match_indices("crate::") {
        let rest = &source[i + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.insert(name);
        }
    }
    // `use crate::{a, b}` groups.
    for (i, _) in source.match_indices("crate::{") {
        let rest = &source[i + "crate::{".len()..];
        let group = &rest[..rest.find('}').unwrap_or(0)];
        for part in group.split(',') {
            let name = part.trim().split("::").next().unwrap_or("").trim();
            if !name.is_empty() {
                out.insert(name.to_string());
            }
        }
    }
    out
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut seen = BTreeSet::new();
    let mut ups = Vec::new();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let module = if path.is_dir() {
            path.file_name().unwrap().to_string_lossy().to_string()
        } else if path.extension().is_some_and(|e| e == "rs") {
            path.file_stem().unwrap().to_string_lossy().to_string()
        } else {
            continue;
        };
        if module == "lib" {
            continue;
        }
        let level = LAYERS
            .iter()
            .position(|m| *m == module)
            .unwrap_or_else(|| panic!("module {module} is not in LAYERS; place it in a layer"));
        seen.insert(module.clone());
        let file = if path.is_dir() {
            path.join("mod.rs")
        } else {
            path
        };
        let text = std::fs::read_to_string(&file).unwrap();
        let code: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for used in uses(&code) {
            if used == "model" || used == module {
                continue;
            }
            match LAYERS.iter().position(|m| *m == used) {
                Some(l) if l < level => {}
                Some(_) => ups.push(format!("{module} uses {used}, a layer above it")),
                None => ups.push(format!("{module} uses crate::{used}, not a module")),
            }
        }
    }
    assert!(ups.is_empty(), "{}", ups.join("\n"));
    assert_eq!(
        seen.len(),
        LAYERS.len(),
        "every layer is a module: {seen:?}"
    );
}
