//! Your app's own command, kept on its placement (`Placement::command`),
//! and the flags the plan owns in it. A kind's knobs own some flags of the
//! commands it runs (Celery's `--concurrency`, gunicorn's `--workers`, the
//! JVM's `-Xmx`: [`super::Kind::flags`]); a kept command never holds them,
//! so the plan's values are the ones that run: the export strips what a
//! hand-edited plan left in and appends the flags the kind writes.

/// Programs that run a script given with `-c`.
const SHELLS: &[&str] = &["sh", "bash", "ash", "dash", "zsh"];

/// The script of `sh -c SCRIPT` (`bash -ec …`, `/bin/sh -c …`,
/// `/usr/bin/env bash -c …`), if `argv` is one.
pub fn script(argv: &[String]) -> Option<&str> {
    let program = argv.first()?;
    let base = program.rsplit('/').next().unwrap_or(program);
    if base == "env" {
        return script(&argv[1..]);
    }
    if !SHELLS.contains(&base) {
        return None;
    }
    // `-c` and the short groups that carry it: -ec, -xc, -exc, -euxc…
    let i = argv.iter().position(|a| {
        a.len() > 1
            && a.starts_with('-')
            && !a.starts_with("--")
            && a.contains('c')
            && a[1..].chars().all(|ch| "cexuvl".contains(ch))
    })?;
    argv.get(i + 1).map(String::as_str)
}

/// How `word` is owned flag `flag`: `Some(true)` when its value is the next
/// word (`-c 4`), `Some(false)` when it carries it (`--concurrency=4`,
/// `-c4`, `-Xmx512m`), `None` when it is not that flag.
fn owned_by(word: &str, flag: &str) -> Option<bool> {
    if flag.starts_with("-X") {
        return word.starts_with(flag).then_some(false);
    }
    if word == flag {
        return Some(true);
    }
    let rest = word.strip_prefix(flag)?;
    if rest.starts_with('=') {
        return Some(false);
    }
    let short = flag.len() == 2 && !flag.starts_with("--");
    (short && !word.starts_with("--")).then_some(false)
}

fn owned(word: &str, flags: &[&str]) -> Option<bool> {
    flags.iter().find_map(|f| owned_by(word, f))
}

/// `argv` without the flags in `flags` and their values.
pub fn strip(argv: &[String], flags: &[&str]) -> Vec<String> {
    let mut out = Vec::with_capacity(argv.len());
    let mut i = 0;
    while i < argv.len() {
        match owned(&argv[i], flags) {
            Some(true) => i += 2,
            Some(false) => i += 1,
            None => {
                out.push(argv[i].clone());
                i += 1;
            }
        }
    }
    out
}

/// Whether `argv` holds one of `flags`, a shell script's words included.
pub fn mentions(argv: &[String], flags: &[&str]) -> bool {
    match script(argv) {
        Some(s) => s.split_whitespace().any(|w| owned(w, flags).is_some()),
        None => argv.iter().any(|w| owned(w, flags).is_some()),
    }
}

/// The flags of `flags` the kind writes in its own command `written`, with
/// their values, in its order.
pub fn written_flags(written: &[String], flags: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < written.len() {
        match owned(&written[i], flags) {
            Some(true) => {
                out.extend(written[i..(i + 2).min(written.len())].iter().cloned());
                i += 2;
            }
            Some(false) => {
                out.push(written[i].clone());
                i += 1;
            }
            None => i += 1,
        }
    }
    out
}

/// Words that run the program after them (`bundle exec sidekiq`).
const WRAPPERS: &[&str] = &[
    "bundle", "exec", "poetry", "pipenv", "uv", "run", "python", "python3",
];

/// The program a kind's own command runs: its first word that is neither
/// a flag nor a wrapper (`celery` of `celery --app=… worker`, `sidekiq` of
/// `bundle exec sidekiq -c 5`).
fn program(written: &[String]) -> Option<&str> {
    written
        .iter()
        .map(|w| w.rsplit('/').next().unwrap_or(w))
        .find(|w| !w.starts_with('-') && !WRAPPERS.contains(w))
}

/// The command a placement runs with its own command `user`: `user`
/// without the owned flags, then the ones the kind writes (`written`) with
/// the plan's values. `None` when `user` cannot carry them: a shell script
/// (flags after it would be the script's arguments) where the kind writes
/// flags or that names an owned flag; a command that does not run the
/// program the kind writes flags for (`./start-worker.sh` for Celery).
pub fn with_plan(user: &[String], flags: &[&str], written: &[String]) -> Option<Vec<String>> {
    let plan = written_flags(written, flags);
    let mentioned = mentions(user, flags);
    if script(user).is_some() {
        return (plan.is_empty() && !mentioned).then(|| user.to_vec());
    }
    if let (false, Some(program)) = (plan.is_empty(), program(written)) {
        if !user.iter().any(|w| w.rsplit('/').next() == Some(program)) {
            return None;
        }
    }
    let mut out = strip(user, flags);
    out.extend(plan);
    Some(out)
}

/// A command as a shell would read it, for showing: a word that is empty
/// or holds a space or a quote is quoted (`pg-backup --at "0 3 * * *"`).
pub fn shown(words: &[String]) -> String {
    words
        .iter()
        .map(|w| {
            if w.is_empty() || w.contains(char::is_whitespace) || w.contains(['"', '\'']) {
                format!("{w:?}")
            } else {
                w.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(words: &str) -> Vec<String> {
        words.split(' ').map(str::to_string).collect()
    }

    const CELERY: &[&str] = &["-c", "--concurrency", "-P", "--pool", "-Q", "--queues"];

    #[test]
    fn a_command_shows_as_a_shell_reads_it() {
        let words = vec![
            "pg-backup".to_string(),
            "--at".into(),
            "0 3 * * *".into(),
            String::new(),
        ];
        assert_eq!(shown(&words), r#"pg-backup --at "0 3 * * *" """#);
    }

    #[test]
    fn strips_every_spelling_of_an_owned_flag() {
        let argv = v("celery -A shop worker -c 4 -l info --pool=solo -Q a,b -c8");
        assert_eq!(strip(&argv, CELERY), v("celery -A shop worker -l info"));
        assert_eq!(
            strip(&v("java -Xmx512m -Xms256m -jar app.jar"), &["-Xmx", "-Xms"]),
            v("java -jar app.jar")
        );
        // A longer flag that only starts like a one-letter one stays.
        assert_eq!(
            strip(&v("gunicorn --config x"), &["-c"]),
            v("gunicorn --config x")
        );
    }

    #[test]
    fn the_plan_flags_follow_the_users_command() {
        let written = v("celery --app=your_app worker --pool=prefork --concurrency=2 -Q high");
        let user = v("celery -A shop worker -l info -c 4");
        assert_eq!(
            with_plan(&user, CELERY, &written).unwrap(),
            v("celery -A shop worker -l info --pool=prefork --concurrency=2 -Q high")
        );
    }

    #[test]
    fn a_script_is_kept_only_when_the_plan_needs_no_flag_in_it() {
        let script = vec![
            "sh".to_string(),
            "-c".to_string(),
            "python manage.py migrate && gunicorn shop.wsgi".to_string(),
        ];
        assert_eq!(
            with_plan(&script, &["-w", "--workers"], &[]),
            Some(script.clone())
        );
        assert_eq!(
            with_plan(&script, CELERY, &v("celery --concurrency=2")),
            None
        );
        let named = vec![
            "/bin/bash".to_string(),
            "-ec".to_string(),
            "gunicorn shop.wsgi -w 4".to_string(),
        ];
        assert!(mentions(&named, &["-w", "--workers"]));
        assert_eq!(with_plan(&named, &["-w", "--workers"], &[]), None);
    }

    #[test]
    fn flags_are_added_only_to_the_program_that_reads_them() {
        let written = v("bundle exec sidekiq -c 5");
        let flags = &["-c", "--concurrency"];
        assert_eq!(
            with_plan(
                &v("/usr/local/bin/sidekiq -q default -c 10"),
                flags,
                &written
            ),
            Some(v("/usr/local/bin/sidekiq -q default -c 5"))
        );
        assert_eq!(
            with_plan(&v("./bin/start-worker.sh"), flags, &written),
            None
        );
        // A kind that writes no flag keeps any command, without the owned
        // ones (the import read them onto its knobs, as flags of the app).
        let gunicorn = v("gunicorn app:app");
        let workers = &["-w", "--workers"];
        assert_eq!(
            with_plan(&v("./bin/start.sh -w 4 --debug"), workers, &gunicorn),
            Some(v("./bin/start.sh --debug"))
        );
        assert_eq!(
            with_plan(&v("python -m gunicorn shop.wsgi -w 4"), workers, &[]),
            Some(v("python -m gunicorn shop.wsgi"))
        );
    }
}
