//! The `mailseal` binary: parse the command line, run, map errors to exit
//! codes. Everything else lives in the library.

/// Messages pass through a few buffers of their own size (read, made
/// canonical, encrypted, armored): mimalloc reuses freed memory and maps
/// large blocks with few page faults, where the system allocator faults
/// every 4 KiB page of each new buffer in again (about a fifth of the CPU
/// time of encrypting a 1 MB message on a virtual machine).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // Errors inside the libraries (Sequoia's among them) would capture a
    // backtrace each when RUST_BACKTRACE is set, which makes encrypting to
    // many recipients several times slower; they are never printed.
    // Panics still follow RUST_BACKTRACE.
    if std::env::var_os("RUST_LIB_BACKTRACE").is_none() {
        std::env::set_var("RUST_LIB_BACKTRACE", "0");
    }
    let cli = mailseal::cli::Cli::parse_with_sop_codes();
    std::process::ExitCode::from(mailseal::commands::main(cli).code())
}
