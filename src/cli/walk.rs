//! The files of a `check` or `claims` run: the paths named, folders walked (ignore
//! files honoured unless `--no-ignore`), with the `extensions` of each file's
//! configuration, and globs the shell did not expand (`factlint check 'drafts/**/*.md'`).

use crate::*;

use factlint::read::walk::{WalkError, WalkOptions, collect_with};

/// The characters that make a path argument a glob (when no file has that name).
const GLOB_CHARS: &[char] = &['*', '?', '[', '{'];

/// The files to check and the paths that could not be walked.
pub(crate) fn files(args: &CheckArgs) -> (Vec<PathBuf>, Vec<WalkError>) {
    let opts = WalkOptions {
        no_ignore: args.no_ignore,
    };
    let (globs, plain): (Vec<&PathBuf>, Vec<&PathBuf>) = args
        .paths
        .iter()
        .partition(|p| is_glob(p) && std::fs::symlink_metadata(p).is_err());
    let plain: Vec<PathBuf> = plain.into_iter().cloned().collect();
    // A file of another extension is taken when its configuration's `extensions`
    // names it; also when that configuration is broken, so that the run reports it.
    let mut configs = Configs::new(args.config.config.as_deref(), args.config.no_config).ok();
    let mut takes = |p: &Path| {
        configs
            .as_mut()
            .is_some_and(|c| match c.for_path(p, false) {
                Ok(i) => c.loaded[i].takes_extension(p),
                Err(_) => true,
            })
    };
    let (mut files, mut errors) = collect_with(&plain, opts, &mut takes);
    for g in globs {
        match expand(g, opts, &mut takes) {
            Ok((mut found, mut walk_errors)) => {
                files.append(&mut found);
                errors.append(&mut walk_errors);
            }
            Err(e) => errors.push(e),
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

/// True when the argument has a glob character.
fn is_glob(p: &Path) -> bool {
    p.to_str().is_some_and(|s| s.contains(GLOB_CHARS))
}

/// The files a glob matches: the folder before its first component with a glob
/// character is walked as a folder would be (Markdown files, ignore files honoured),
/// and the files whose path matches the whole glob are kept (`*` and `?` stay within
/// one folder; `**` crosses folders). A glob that matches nothing is an error.
fn expand(
    glob: &Path,
    opts: WalkOptions,
    takes: &mut dyn FnMut(&Path) -> bool,
) -> Result<(Vec<PathBuf>, Vec<WalkError>), WalkError> {
    let error = |message: String| WalkError {
        path: glob.to_path_buf(),
        message,
    };
    let text = glob
        .to_str()
        .ok_or_else(|| error("not UTF-8".to_string()))?;
    let matcher = globset::GlobBuilder::new(text)
        .literal_separator(true)
        .build()
        .map_err(|e| error(format!("not a glob: {}", e.kind())))?
        .compile_matcher();
    let mut base = PathBuf::new();
    for c in glob.components() {
        if c.as_os_str()
            .to_str()
            .is_some_and(|s| s.contains(GLOB_CHARS))
        {
            break;
        }
        base.push(c);
    }
    if base.as_os_str().is_empty() {
        base.push(".");
    }
    if !base.is_dir() {
        return Err(error("no file matches this glob".to_string()));
    }
    let (walked, errors) = collect_with(&[base.clone()], opts, takes);
    let dot = base == Path::new(".") && !text.starts_with("./");
    let found: Vec<PathBuf> = walked
        .into_iter()
        .filter_map(|p| {
            // A walk of `.` yields `./x.md`; the glob `*.md` names `x.md`.
            let p = if dot {
                p.strip_prefix(".").map(Path::to_path_buf).unwrap_or(p)
            } else {
                p
            };
            matcher.is_match(&p).then_some(p)
        })
        .collect();
    if found.is_empty() && errors.is_empty() {
        return Err(error("no file matches this glob".to_string()));
    }
    Ok((found, errors))
}
