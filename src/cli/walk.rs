//! The files of a `check` or `claims` run: the paths named, folders walked (ignore
//! files honoured unless `--no-ignore`).

use crate::*;

use factlint::read::walk::{WalkError, WalkOptions, collect_with};

/// The files to check and the paths that could not be walked.
pub(crate) fn files(args: &CheckArgs) -> (Vec<PathBuf>, Vec<WalkError>) {
    let opts = WalkOptions {
        no_ignore: args.no_ignore,
    };
    collect_with(&args.paths, opts, &mut |_| false)
}
