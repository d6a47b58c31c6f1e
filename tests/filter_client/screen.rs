//! A real mail client on a terminal of its own: a private tmux server
//! (its socket in the test's directory) running neomutt or mutt, keys
//! typed as a person types them, and the screen read back. Every wait
//! polls the screen until what is expected shows, with a timeout; on a
//! timeout the test fails with the screen as it was.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// How long a step may take before the test fails (a decryption by the
/// debug build, with the client's own work, takes well under a second).
const STEP: Duration = Duration::from_secs(30);

pub struct Screen {
    socket: PathBuf,
}

impl Screen {
    /// Starts `argv` (run with exactly `env`, nothing else inherited) on
    /// a 200x50 terminal.
    pub fn start(socket: &Path, env: &[(&str, &str)], argv: &[&str]) -> Screen {
        let screen = Screen {
            socket: socket.to_path_buf(),
        };
        let mut cmd = screen.tmux();
        cmd.args([
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            "200",
            "-y",
            "50",
        ])
        .args(["env", "-i"]);
        for (k, v) in env {
            cmd.arg(format!("{k}={v}"));
        }
        cmd.args(argv);
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        screen
    }

    fn tmux(&self) -> Command {
        let mut c = Command::new("tmux");
        c.arg("-S").arg(&self.socket).stdin(Stdio::null());
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        let out = self.tmux().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    /// The screen as text, wrapped lines joined, trailing blanks and
    /// empty lines left out.
    pub fn text(&self) -> String {
        let out = self.run(&["capture-pane", "-p", "-J"]);
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The screen with its colours (SGR escape sequences).
    pub fn colours(&self) -> String {
        let out = self.run(&["capture-pane", "-p", "-e"]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Presses keys (tmux key names: `Enter`, `Escape`, or one character).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Types `text` literally.
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-l", text]);
    }

    /// Polls the screen until `done` holds, then until it stops changing;
    /// returns it. Fails, showing the screen, after [`STEP`].
    pub fn wait(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            let now = self.text();
            if done(&now) {
                if now == last {
                    return now;
                }
            } else if start.elapsed() > STEP {
                panic!("waited {STEP:?} for {what}; the screen:\n{now}");
            }
            last = now;
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// [`Screen::wait`] for the client's prompt on the last line.
    pub fn wait_prompt(&self, prompt: &str) -> String {
        self.wait(prompt, |s| {
            s.lines()
                .last()
                .is_some_and(|l| l.starts_with(prompt.trim_end()))
        })
    }

    /// [`Screen::wait`] for `needle` on the screen.
    pub fn wait_for(&self, needle: &str) -> String {
        self.wait(needle, |s| s.contains(needle))
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        let _ = self
            .tmux()
            .arg("kill-server")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}
