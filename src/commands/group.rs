//! `mailseal keyring group ...`: recipient groups.

use super::io;
use crate::cli::GroupCommand;
use crate::ctx::Ctx;
use crate::error::{ExitCode, Result};
use crate::keyring::groups::no_group;
use crate::keyring::Group;
use crate::report::{emit, Stream};
use crate::safe::Safe;

pub fn dispatch(ctx: &Ctx, cmd: GroupCommand) -> Result<ExitCode> {
    match cmd {
        GroupCommand::Add { group, members } => add(ctx, &group, &members),
        GroupCommand::List { group } => list(ctx, group.as_deref()),
        GroupCommand::Remove { group, members } => remove(ctx, &group, &members),
        GroupCommand::Import { file } => import(ctx, &file),
    }
}

fn add(ctx: &Ctx, group: &str, members: &[String]) -> Result<ExitCode> {
    let added = ctx.keyring()?.add_group_members(group, members)?;
    if ctx.verbosity >= 0 {
        eprintln!(
            "group {}: {added} member(s) added",
            Safe(&group.trim().to_lowercase())
        );
    }
    Ok(ExitCode::Ok)
}

/// One line per group on stdout, `GROUP: MEMBER, MEMBER`; with --json an
/// array of `{group, members}`. A named group that is not there is an
/// error.
fn list(ctx: &Ctx, group: Option<&str>) -> Result<ExitCode> {
    let groups = ctx.keyring()?.groups(group)?;
    if let (Some(name), true) = (group, groups.is_empty()) {
        return Err(no_group(name));
    }
    if ctx.json() {
        let v: Vec<serde_json::Value> = groups
            .iter()
            .map(|g| serde_json::json!({"group": g.name, "members": g.members}))
            .collect();
        emit(
            Stream::Stdout,
            &(serde_json::Value::from(v).to_string() + "\n"),
        );
    } else {
        emit(Stream::Stdout, &list_text(&groups));
    }
    Ok(ExitCode::Ok)
}

fn list_text(groups: &[Group]) -> String {
    groups
        .iter()
        .map(|g| {
            let members: Vec<String> = g.members.iter().map(|m| Safe(m).to_string()).collect();
            format!("{}: {}\n", Safe(&g.name), members.join(", "))
        })
        .collect()
}

fn remove(ctx: &Ctx, group: &str, members: &[String]) -> Result<ExitCode> {
    let removed = ctx.keyring()?.remove_group(group, members)?;
    if ctx.verbosity >= 0 {
        let name = Safe(&group.trim().to_lowercase()).to_string();
        let names: Vec<String> = removed.iter().map(|m| Safe(m).to_string()).collect();
        match members.is_empty() {
            true => eprintln!("removed group {name} ({})", names.join(", ")),
            false => eprintln!("removed from group {name}: {}", names.join(", ")),
        }
    }
    Ok(ExitCode::Ok)
}

fn import(ctx: &Ctx, file: &std::path::Path) -> Result<ExitCode> {
    let bytes = io::read_input(Some(file))?;
    let text = String::from_utf8_lossy(&bytes);
    let imported = ctx.keyring()?.import_gpg_groups(&text)?;
    for why in &imported.kept {
        ctx.warn(why);
    }
    if ctx.verbosity >= 0 {
        for (name, members) in &imported.groups {
            let names: Vec<String> = members.iter().map(|m| Safe(m).to_string()).collect();
            eprintln!("group {}: {}", Safe(name), names.join(", "));
        }
        eprintln!(
            "imported {} group(s) from {}, {} member(s) new",
            imported.groups.len(),
            Safe(&file.display().to_string()),
            imported.added
        );
    }
    Ok(ExitCode::Ok)
}
