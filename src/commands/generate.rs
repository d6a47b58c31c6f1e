//! Generated files: man pages and shell completions from the clap
//! definitions (`mailseal generate man|completions --dir DIR`).

use std::path::Path;

use clap::CommandFactory;

use super::io::write_atomic;
use crate::cli::{Cli, GenerateArgs, GenerateWhat};
use crate::error::{Error, ExitCode, Result};

pub fn dispatch(args: GenerateArgs) -> Result<ExitCode> {
    std::fs::create_dir_all(&args.dir).map_err(|e| Error::io(&args.dir, e))?;
    match args.what {
        GenerateWhat::Man => man_pages(&args.dir)?,
        GenerateWhat::Completions => completions(&args.dir)?,
    }
    Ok(ExitCode::Ok)
}

/// One page for `mailseal` and one per subcommand (`mailseal-keyring-import.1`).
fn man_pages(dir: &Path) -> Result<()> {
    let cmd = Cli::command();
    render_tree(dir, &cmd, "mailseal")
}

fn render_tree(dir: &Path, cmd: &clap::Command, name: &str) -> Result<()> {
    let page = cmd
        .clone()
        .name(name.to_string())
        .bin_name(name.replace('-', " "));
    let mut buf = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut buf)
        .map_err(|e| Error::io(dir, e))?;
    write_atomic(&dir.join(format!("{name}.1")), &buf, false)?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        render_tree(dir, sub, &format!("{name}-{}", sub.get_name()))?;
    }
    Ok(())
}

fn completions(dir: &Path) -> Result<()> {
    use clap_complete::Shell;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        let mut cmd = Cli::command();
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut cmd, "mailseal", &mut buf);
        let name = match shell {
            Shell::Bash => "mailseal.bash",
            Shell::Zsh => "_mailseal",
            _ => "mailseal.fish",
        };
        write_atomic(&dir.join(name), &buf, false)?;
    }
    Ok(())
}
