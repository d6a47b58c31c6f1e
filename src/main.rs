use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = mailseal::cli::Cli::parse();
    match mailseal::commands::run(cli) {
        Ok(code) => std::process::ExitCode::from(code.code()),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::from(e.exit_code().code())
        }
    }
}
