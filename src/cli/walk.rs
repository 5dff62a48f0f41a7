//! The files of a `check` or `claims` run: the paths named, folders walked (ignore
//! files honoured unless `--no-ignore`), with the `extensions` of each file's
//! configuration.

use crate::*;

use factlint::read::walk::{WalkError, WalkOptions, collect_with};

/// The files to check and the paths that could not be walked.
pub(crate) fn files(args: &CheckArgs) -> (Vec<PathBuf>, Vec<WalkError>) {
    let opts = WalkOptions {
        no_ignore: args.no_ignore,
    };
    // A file of another extension is taken when its configuration's `extensions`
    // names it; also when that configuration is broken, so that the run reports it.
    let mut configs = Configs::new(args.config.config.as_deref(), args.config.no_config).ok();
    collect_with(&args.paths, opts, &mut |p| {
        configs
            .as_mut()
            .is_some_and(|c| match c.for_path(p, false) {
                Ok(i) => c.loaded[i].takes_extension(p),
                Err(_) => true,
            })
    })
}
